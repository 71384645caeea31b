using System.Globalization;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Biopsy;

/// <summary>
/// Recommendation 3.2 (did NOT reach consensus, 62% agreement): the panel voted on the proposal that, in synchronous
/// OMD with induction systemic treatment planned, a biopsy be performed before treatment starts. Applies when the
/// patient is in that scenario (synchronous timing, oligometastatic disease, liver metastases, induction systemic
/// therapy planned, treatment not yet started). It does not apply once systemic treatment has started
/// (<c>treatment.systemicTherapyReceived</c> or <c>treatment.onSystemicTherapy</c>): the proposal concerns a biopsy
/// "prior to treatment initiation". "Planned" with the start unrecorded is read as not yet started, with a caution. The
/// result is shown for information only and is never phrased as advice.
/// </summary>
internal sealed class SynchronousInductionBiopsyEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public SynchronousInductionBiopsyEvaluator()
        : base("3.2", new[]
        {
            FactNames.NoEvidenceOfDisease,
            FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn, FactNames.Metastases, FactNames.Lesions,
            FactNames.LesionSite, FactNames.LesionResectable, FactNames.LesionAblatable, FactNames.PrimaryResected,
            FactNames.PrimaryResectable, FactNames.StagingContrastCt, FactNames.StagingLiverMri, FactNames.StagingFdgPetCt,
            FactNames.DiffusePleural, FactNames.DiffusePericardial, FactNames.DiffusePeritoneal,
            FactNames.DiffuseLeptomeningeal, FactNames.InductionTherapyPlanned, FactNames.SystemicTherapyReceived,
            FactNames.OnSystemicTherapy,
        })
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var prefix = "No consensus (" + Recommendation.Printed.AgreementPercent.ToString(CultureInfo.InvariantCulture) + "% agreement): ";
        var notConcerned = prefix + "the proposal voted on (a biopsy before starting induction systemic treatment in synchronous OMD) does not concern this patient: ";
        var timing = context.Timing;
        var omd = context.Oligometastatic;
        var induction = context.Patient.Treatment.InductionTherapyPlanned;
        result.Facts(timing.Findings);
        if (timing.BoundaryCaution is { } boundary)
        {
            result.Caution(boundary);
        }

        result.Fact(OligometastaticAssessment.ConceptName, omd.Status.ToString().ToLowerInvariant(), omd.Findings[0].Sentence);
        if (context.HasLiverMetastases == false)
        {
            result.Facts(new[] { context.NoLiverMetastasisFinding });
        }

        result.Fact(FactNames.InductionTherapyPlanned, ResultBuilder.Format(induction), induction switch
        {
            true => "Induction systemic therapy is planned.",
            false => "No induction systemic therapy is planned.",
            _ => "Not recorded whether induction systemic therapy is planned.",
        });

        var treatment = context.Patient.Treatment;
        var started = treatment.SystemicTherapyReceived == true || treatment.OnSystemicTherapy == true;
        if (started)
        {
            result.Fact(
                treatment.OnSystemicTherapy == true ? FactNames.OnSystemicTherapy : FactNames.SystemicTherapyReceived,
                "yes",
                treatment.OnSystemicTherapy == true ? "The patient is on systemic therapy." : "Systemic therapy for metastatic disease has been received.");
        }

        // Known facts that rule the scenario out come first.
        if (timing.Timing == MetastasisTiming.Metachronous)
        {
            return result.DoesNotApply(notConcerned + "the metastases are metachronous.");
        }

        if (omd.Status == TriState.No)
        {
            return result.DoesNotApply(notConcerned + "the disease is not oligometastatic (" + string.Join("; ", omd.FailingCriteria) + ").");
        }

        if (context.HasLiverMetastases == false)
        {
            return result.DoesNotApply(notConcerned + "no liver metastasis is recorded.");
        }

        if (induction == false)
        {
            return result.DoesNotApply(notConcerned + "no induction systemic therapy is planned.");
        }

        if (started)
        {
            return result.DoesNotApply(notConcerned + "systemic treatment has already started, and the proposal concerns a biopsy before treatment initiation.");
        }

        if (timing.Timing is null || omd.Status == TriState.Unknown || induction is null)
        {
            result.Missing(timing.Missing).Missing(omd.Missing);
            if (induction is null)
            {
                result.Missing(FactNames.InductionTherapyPlanned);
            }

            return result.Insufficient(prefix + "whether this patient is in the scenario the panel voted on (synchronous OMD with induction systemic treatment planned) cannot be decided yet.");
        }

        if (treatment.SystemicTherapyReceived is null && treatment.OnSystemicTherapy is null)
        {
            result.Caution("Whether systemic treatment has already started is not recorded: the proposal concerns a biopsy before treatment initiation, and induction treatment recorded as planned is read here as not yet started.");
        }

        result.Caution("Section 3.3 narrative: in synchronous OMD with radiologically compatible lesions a biopsy could be waived; when induction systemic treatment is planned, a biopsy could provide diagnostic confirmation. The decision is the tumour board's.");
        return result.Applies(prefix + $"this patient has synchronous OMD with induction systemic treatment planned, the scenario of the proposal voted on (a biopsy before treatment starts; {Count(Recommendation.Votes.Yes)} of {Count(Recommendation.Votes.Total)} voters in favour, short of consensus), shown for information and not as a recommendation.");
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
