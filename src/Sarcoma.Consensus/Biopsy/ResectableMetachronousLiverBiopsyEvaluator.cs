using System;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Biopsy;

/// <summary>
/// Recommendation 3.1: in resectable metachronous liver metastases, biopsy should not be mandatory but could be
/// considered if the tumour origin is uncertain or a preoperative systemic treatment approach is proposed.
/// Applies when the patient has resectable metachronous liver metastases — disease for which resection is indicated:
/// metachronous timing, liver lesions present, every liver lesion resectable, and disease not known to be other than
/// oligometastatic (more than five lesions or diffuse sarcomatosis take resection off the indications, 1.1/1.2), and a
/// patient fit for surgery (section 3.3 ties it to "planning a metastasectomy"); the summary says whether a biopsy could
/// be considered (<see cref="BiopsyPlan"/>).
/// </summary>
internal sealed class ResectableMetachronousLiverBiopsyEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public ResectableMetachronousLiverBiopsyEvaluator()
        : base("3.1", BiopsyPlan.Requirements.Concat(OligometastaticAssessment.Requirements).Concat(PreoperativeAssessment.SurgicalFitness.Requirements).Concat(new[] { FactNames.NoEvidenceOfDisease }).Distinct(StringComparer.Ordinal))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var timing = context.Timing;
        result.Facts(timing.Findings);
        if (timing.BoundaryCaution is { } boundary)
        {
            result.Caution(boundary);
        }

        // Known facts that rule the population out come first, even when other facts are missing.
        var ruledOut = false;
        if (timing.Timing == MetastasisTiming.Synchronous)
        {
            ruledOut = true;
        }

        if (context.HasLiverMetastases == false)
        {
            result.Facts(new[] { context.NoLiverMetastasisFinding });
            ruledOut = true;
        }

        var liver = context.LiverLesions;
        var unresectable = liver.Count(l => l.Resectable == false);
        if (unresectable > 0)
        {
            result.Fact(FactNames.LesionResectable, "no", unresectable == liver.Count
                ? (liver.Count == 1 ? "The liver lesion is not amenable to complete surgical resection." : $"None of the {Count(liver.Count)} liver lesions is amenable to complete surgical resection.")
                : $"{Count(unresectable)} of {Count(liver.Count)} liver lesions {(unresectable == 1 ? "is" : "are")} not amenable to complete surgical resection.");
            ruledOut = true;
        }

        var omd = context.Oligometastatic;
        if (omd.Status == TriState.No)
        {
            result.Fact(OligometastaticAssessment.ConceptName, "no", omd.Findings[0].Sentence);
            ruledOut = true;
        }

        // Section 3.3 ties 3.1 to "planning a metastasectomy": a patient not fit for surgery is not in its population.
        var unfit = context.Fitness.Status == TriState.No && !ruledOut;
        if (unfit)
        {
            result.Facts(context.Fitness.Findings);
            ruledOut = true;
        }

        if (ruledOut)
        {
            return result.DoesNotApply(unfit
                ? "The patient is not a candidate for liver surgery (" + FactProse.JoinPhrases(context.Fitness.UnfitBecause) + "): 3.1 concerns resectable metachronous liver metastases before planning a metastasectomy (section 3.3); any biopsy before non-surgical treatment is the tumour board's judgement (see 10.1)."
                : timing.Timing == MetastasisTiming.Synchronous
                ? "The liver metastases are synchronous, not metachronous: 3.1 addresses resectable metachronous liver metastases (see 3.2 for synchronous OMD)."
                : context.HasLiverMetastases == false
                    ? "No liver metastasis is recorded: 3.1 addresses resectable metachronous liver metastases."
                    : unresectable > 0
                        ? "Not every liver lesion is resectable: 3.1 addresses resectable metachronous liver metastases."
                        : "The disease is not oligometastatic (" + string.Join("; ", omd.FailingCriteria) + "), so resection of the liver metastases is not indicated: 3.1 addresses resectable metachronous liver metastases, disease for which resection is indicated.");
        }

        if (timing.Timing is null || context.AllLiverLesionsResectable != true)
        {
            result.Missing(timing.Missing);
            if (context.HasLiverMetastases is null)
            {
                result.Missing(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
            }
            else if (context.AllLiverLesionsResectable is null)
            {
                result.Missing(FactNames.LesionResectable);
            }

            return result.Insufficient("Whether these are resectable metachronous liver metastases cannot be decided yet.");
        }

        result.Fact(FactNames.LesionResectable, "yes", liver.Count == 1
            ? "The liver lesion is amenable to complete surgical resection."
            : liver.Count == 2 ? "Both liver lesions are amenable to complete surgical resection." : $"All {Count(liver.Count)} liver lesions are amenable to complete surgical resection.");
        var plan = BiopsyPlan.Assess(context);
        result.Facts(plan.Findings);

        // Every liver lesion is resectable and the disease not known to be non-OMD here, so a "no" candidacy has another
        // basis (unfit, a short TFI, …).
        var candidacy = context.LiverResection;
        if (candidacy.Candidate == TriState.No)
        {
            result.Facts(new[] { candidacy.CandidateFinding });
            result.Caution($"Although every liver lesion is resectable, the patient is not a candidate for liver surgery ({candidacy.CandidateBasis}); see 10.1 for non-surgical local approaches.");
        }

        const string notMandatory = "Resectable metachronous liver metastases: a biopsy is not mandatory";
        switch (plan.Consider)
        {
            case TriState.Yes:
                result.Caution("Liver biopsy carries risks (bleeding in up to 10% of patients, organ perforation, sepsis, rarely death) and may delay treatment (section 3.3): weigh them against the diagnostic gain.");
                return result.Applies($"{notMandatory}, but could be considered, because {string.Join("; and ", plan.Reasons)}.");
            case TriState.No:
                var treatment = context.Patient.Treatment;
                var alreadyStarted = treatment.InductionTherapyPlanned == true && (treatment.SystemicTherapyReceived == true || treatment.OnSystemicTherapy == true);
                return result.Applies($"{notMandatory}, and none of the reasons to consider one is present: the tumour origin is not in doubt, and "
                    + (alreadyStarted ? "the proposed systemic treatment has already started." : "no preoperative systemic treatment is recorded as proposed."));
            default:
                return result.Applies($"{notMandatory}; whether one could be considered cannot be said yet, as {FactProse.NotRecorded(plan.Missing)}.");
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
