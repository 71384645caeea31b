using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.FocalTherapy;

/// <summary>
/// Recommendation 10.2 (no consensus, 77% agreement): the panel voted on whether patients with limited liver metastases
/// on systemic therapy should be considered for focal therapy of dominant liver lesions (any lesion that is symptomatic
/// or requires focal therapy), to achieve a systemic-therapy-free interval or consolidate the response. Shown for
/// information, never as advice. "Applies" means the patient is in the population voted on: at most five liver lesions
/// (our reading of "limited"), on systemic therapy now, with at least one symptomatic liver lesion.
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
        var prefix = "No consensus (" + Recommendation.Printed.AgreementPercent.ToString(CultureInfo.InvariantCulture) + "% agreement): ";
        var proposal = "focal therapy of dominant liver lesions in patients with limited liver metastases on systemic therapy";
        var failing = new List<string>();
        var missing = new List<string>();

        switch (context.HasLiverMetastases)
        {
            case false:
                result.Facts(new[] { context.NoLiverMetastasisFinding });
                return result.DoesNotApply(prefix + $"the proposal voted on ({proposal}) does not concern this patient: no liver metastasis is recorded.");
            case null:
                missing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
                break;
        }

        var liver = context.LiverLesions;
        if (liver.Count > 0)
        {
            var count = Count(liver.Count);
            if (liver.Count > LimitedLiverMetastasesMaximum)
            {
                failing.Add($"{count} liver lesions are not \"limited\" (read here as at most {Count(LimitedLiverMetastasesMaximum)})");
                result.Fact(FactNames.Lesions, count, $"{count} liver lesions: more than {Count(LimitedLiverMetastasesMaximum)}, not \"limited\" as read here.");
            }
            else
            {
                result.Fact(FactNames.Lesions, count, $"{count} liver {(liver.Count == 1 ? "lesion" : "lesions")}: limited (at most {Count(LimitedLiverMetastasesMaximum)}, as read here).");
            }
        }

        var onTherapy = context.Patient.Treatment.OnSystemicTherapy;
        switch (onTherapy)
        {
            case true:
                var response = context.Patient.Treatment.SystemicTherapyResponse;
                result.Fact(FactNames.OnSystemicTherapy, "yes", "On systemic therapy" + (response is { } r ? $" (best response: {Describe(r)})." : "."));
                break;
            case false:
                result.Fact(FactNames.OnSystemicTherapy, "no", "Not on systemic therapy.");
                failing.Add("the patient is not on systemic therapy");
                break;
            default:
                missing.Add(FactNames.OnSystemicTherapy);
                break;
        }

        var symptomatic = liver.Count(l => l.Symptomatic == true);
        if (symptomatic > 0)
        {
            result.Fact(FactNames.LesionSymptomatic, Count(symptomatic), $"{Count(symptomatic)} symptomatic liver {(symptomatic == 1 ? "lesion" : "lesions")}: a dominant lesion in the sense of 10.2.");
        }
        else if (liver.Count > 0 && liver.All(l => l.Symptomatic == false))
        {
            result.Fact(FactNames.LesionSymptomatic, "0", "No liver lesion is symptomatic.");
            failing.Add("no liver lesion is symptomatic");
            result.Caution("10.2 also counts as dominant a lesion that \"requires focal therapy\" (section 3.10: e.g. the lesion with the highest risk of progression or rupture); that judgement is not in the record and is the tumour board's.");
        }
        else if (liver.Count > 0)
        {
            missing.Add(FactNames.LesionSymptomatic);
        }

        if (failing.Count > 0)
        {
            return result.DoesNotApply(prefix + $"the proposal voted on ({proposal}) does not concern this patient: " + string.Join("; ", failing) + ".");
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient(prefix + $"whether this patient is in the population of the proposal voted on ({proposal}) cannot be decided yet.");
        }

        var focal = FocalTherapyAssessment.Assess(context);
        result.Facts(focal.Findings.Where(f => f.Fact != FocalTherapyAssessment.ModalitiesName));
        foreach (var caution in focal.Cautions)
        {
            result.Caution(caution);
        }

        result.Caution("Section 3.10 describes ablation of liver-dominant lesions after disease stability on chemotherapy as a possible maintenance therapy; the proposal did not reach consensus, so any decision rests with the multidisciplinary tumour board.");
        return result.Applies(prefix + $"this patient has limited liver metastases on systemic therapy with a symptomatic (dominant) liver lesion, the population of the proposal voted on ({Count(Recommendation.Votes.Yes)} of {Count(Recommendation.Votes.Total)} voters in favour of considering focal therapy of dominant lesions, short of consensus); shown for information, not as a recommendation.");
    }

    private static string Describe(TreatmentResponse response) => response switch
    {
        TreatmentResponse.CompleteResponse => "complete response",
        TreatmentResponse.PartialResponse => "partial response",
        TreatmentResponse.StableDisease => "stable disease",
        _ => "progressive disease",
    };

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
