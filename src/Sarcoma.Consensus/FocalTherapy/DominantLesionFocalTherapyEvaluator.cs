using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.FocalTherapy;

/// <summary>
/// Recommendation 10.2 (no consensus, 77% agreement): the panel voted on whether patients with limited liver metastases
/// on systemic therapy should be considered for focal therapy of dominant liver lesions (any lesion that is symptomatic
/// or requires focal therapy), to achieve a systemic-therapy-free interval or consolidate the response. Shown for
/// information, never as advice. "Applies" means the patient is in the population voted on: at most five liver lesions
/// (our reading of "limited"), on systemic therapy now. Whether a lesion is symptomatic is a finding, not a condition:
/// the dominant lesion is what the proposal would treat, and section 3.10 counts "the liver lesion with the highest risk
/// of progression or rupture" among dominant lesions, a judgement the record does not hold (a caution says so).
/// </summary>
internal sealed class DominantLesionFocalTherapyEvaluator : RecommendationEvaluator
{
    // "Limited liver metastases" is not defined in 10.2 or section 3.10; read here as at most five liver lesions,
    // the lesion limit of the oligometastatic definition (1.1); documented in docs/clinical-decisions.md.
    private const int LimitedLiverMetastasesMaximum = Oligometastasis.OligometastaticAssessment.MaximumLesions;

    /// <summary>Creates the evaluator.</summary>
    public DominantLesionFocalTherapyEvaluator()
        : base("10.2", new[]
        {
            FactNames.NoEvidenceOfDisease,
            FactNames.Metastases, FactNames.Lesions, FactNames.LesionSite, FactNames.LesionSymptomatic, FactNames.LesionAblatable,
            FactNames.OnSystemicTherapy, FactNames.SystemicTherapyResponse, FactNames.UncorrectableCoagulopathy,
            FactNames.ActiveInfectionInTreatmentArea, FactNames.AdjacentStructuresNotProtectable, FactNames.DecompensatedLiverFailure,
        })
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var agreement = ("agreement", (object?)Recommendation.Printed.AgreementPercent);
        var failing = new List<Message>();
        var missing = new List<string>();

        switch (context.HasLiverMetastases)
        {
            case false:
                result.Facts(new[] { context.NoLiverMetastasisFinding });
                return result.DoesNotApply(Message.Of("10.2.no-liver-metastasis", agreement));
            case null:
                missing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
                break;
        }

        var liver = context.LiverLesions;
        if (liver.Count > 0)
        {
            var limited = liver.Count <= LimitedLiverMetastasesMaximum;
            var lesions = ("count", (object?)liver.Count);
            var maximum = ("maximum", (object?)LimitedLiverMetastasesMaximum);
            if (!limited)
            {
                failing.Add(Message.Of("10.2.against.not-limited", lesions, maximum));
            }

            result.Fact(
                FactNames.Lesions,
                Count(liver.Count),
                Message.Of(limited ? "10.2.limited" : "10.2.not-limited", lesions, maximum),
                limited ? "≤" : ">",
                Count(LimitedLiverMetastasesMaximum) + " lesions",
                "10.2");
        }

        switch (context.Patient.Treatment.OnSystemicTherapy)
        {
            case true:
                result.Fact(FactNames.OnSystemicTherapy, "yes", Message.Of("10.2.on-systemic-therapy", ("response", ResponseCode(context.Patient.Treatment.SystemicTherapyResponse))));
                break;
            case false:
                result.Fact(FactNames.OnSystemicTherapy, "no", new Message("10.2.not-on-systemic-therapy"));
                failing.Add(new Message("10.2.against.not-on-systemic-therapy"));
                break;
            default:
                missing.Add(FactNames.OnSystemicTherapy);
                break;
        }

        // Which lesion is "dominant" (symptomatic, or requiring focal therapy) is what the proposal would treat, not who it
        // concerns: section 3.10 counts "the liver lesion with the highest risk of progression or rupture" among dominant
        // lesions, and some lesion always has the highest risk. So symptoms are a finding, never a reason the proposal
        // does not concern the patient (issue #7), and the judgement stays the tumour board's.
        var symptomatic = liver.Count(l => l.Symptomatic == true);
        if (symptomatic > 0)
        {
            result.Fact(FactNames.LesionSymptomatic, Count(symptomatic), Message.Of("10.2.symptomatic", ("count", symptomatic)));
        }
        else if (liver.Count > 0 && liver.All(l => l.Symptomatic == false))
        {
            result.Fact(FactNames.LesionSymptomatic, "0", new Message("10.2.none-symptomatic"));
        }

        if (failing.Count > 0)
        {
            return result.DoesNotApply(Message.Of("10.2.does-not-apply", agreement, ("reasons", failing)));
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing).Insufficient(Message.Of("10.2.insufficient", agreement));
        }

        var focal = FocalTherapyAssessment.Assess(context);
        result.Facts(focal.Findings.Where(f => f.Fact != FocalTherapyAssessment.ModalitiesName));
        foreach (var caution in focal.CautionMessages)
        {
            result.Caution(caution);
        }

        result.Caution(new Message("10.2.requires-focal-therapy"));
        result.Caution(new Message("10.2.tumour-board"));
        return result.Applies(Message.Of("10.2.applies", agreement, ("yes", Recommendation.Votes.Yes), ("total", Recommendation.Votes.Total), ("symptomatic", symptomatic)));
    }

    private static string? ResponseCode(TreatmentResponse? response) => response switch
    {
        null => null,
        TreatmentResponse.CompleteResponse => "complete-response",
        TreatmentResponse.PartialResponse => "partial-response",
        TreatmentResponse.StableDisease => "stable-disease",
        _ => "progressive-disease",
    };

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
