using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.PreoperativeAssessment;

/// <summary>
/// Recommendation 7.1: when a major hepatectomy is planned, the future liver remnant (FLR) should be assessed
/// preoperatively following the experience of other contexts of major hepatectomy. Applies when a major hepatectomy
/// is planned; reports the <see cref="FutureLiverRemnantAssessment"/> (adequate, needs evaluation, inadequate, or
/// not yet measured) as findings and cautions.
/// </summary>
internal sealed class FutureLiverRemnantEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public FutureLiverRemnantEvaluator()
        : base("7.1", Indication.LiverResectionCandidacy.Requirements.Concat(new[] { FactNames.MajorHepatectomyPlanned, FactNames.FutureLiverRemnantPercent, FactNames.ExtensivePriorChemotherapy }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var plan = context.Patient.LiverSurgery;
        if (context.HasLiverMetastases == false)
        {
            // No liver metastasis, no hepatectomy for it: a recorded plan cannot make 7.1 apply here, or removing the plan
            // from the record would turn "applies" into "does not apply".
            result.Facts(new[] { context.NoLiverMetastasisFinding });
            if (plan.MajorHepatectomyPlanned == true)
            {
                result.Caution("A major hepatectomy is recorded as planned although no current liver metastasis is recorded: check the record.");
            }

            return result.DoesNotApply(context.NoEvidenceOfDisease
                ? "There is no current evidence of metastatic disease, so the future liver remnant assessment of 7.1 does not arise."
                : "No liver metastasis is recorded, so the future liver remnant assessment of 7.1 does not arise.");
        }

        switch (plan.MajorHepatectomyPlanned)
        {
            case false:
                result.Fact(FactNames.MajorHepatectomyPlanned, "no", "No major hepatectomy is planned.");
                return result.DoesNotApply("No major hepatectomy is planned, so the future liver remnant assessment this recommendation asks for does not arise.");
            case null when context.LiverResection.Status == TriState.No:
                result.Facts(context.LiverResection.Findings);
                return result.DoesNotApply($"Liver resection is not on the table ({context.LiverResection.Basis}), so the future liver remnant assessment of 7.1 does not arise.");
            case null:
                return result.Missing(FactNames.MajorHepatectomyPlanned)
                    .Insufficient("Whether a major hepatectomy is planned is not recorded, so whether the future liver remnant must be assessed cannot be decided.");
        }

        result.Fact(FactNames.MajorHepatectomyPlanned, "yes", "A major hepatectomy is planned.");
        var flr = FutureLiverRemnantAssessment.Assess(plan, context.Options);
        result.Facts(flr.Findings);
        if (flr.Caution is { } caution)
        {
            result.Caution(caution);
        }

        // Preoperative chemotherapy (11.1) would change the reading: after extensive chemotherapy 30–40 % needs evaluation.
        var options = context.Options;
        if (plan.ExtensivePriorChemotherapy == false && plan.FutureLiverRemnantPercent is { } percent
            && percent >= options.NormalLiverMinimumFlrPercent && percent <= options.ChemotherapyLiverEvaluationCeilingFlrPercent)
        {
            result.Caution($"If extensive preoperative chemotherapy is given (11.1), reassess the remnant: after extensive chemotherapy section 3.7 asks that an FLR between {ResultBuilder.Format(options.ChemotherapyLiverMinimumFlrPercent)} % and {ResultBuilder.Format(options.ChemotherapyLiverEvaluationCeilingFlrPercent)} % be thoroughly evaluated for liver dysfunction (an estimated {ResultBuilder.Format(percent)} % now).");
        }

        Indication.LiverSurgeryGate.CandidacyCautions(context, result);
        return result.Applies(
            $"A major hepatectomy is planned, so the future liver remnant should be assessed preoperatively as in other settings of major hepatectomy: {flr.Conclusion}.");
    }
}
