using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.InductionTherapy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.InductionTherapy;

/// <summary>Recommendation 11.2: the decision on preoperative chemotherapy is individualised on clinicopathologic factors.</summary>
public sealed class IndividualisedPreoperativeChemotherapyEvaluatorTests
{
    private readonly IndividualisedPreoperativeChemotherapyEvaluator evaluator = new();

    [Fact]
    public void Resectable_metachronous_leiomyosarcoma_reports_each_factor()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PrimaryHistology && f.Sentence.Contains("highly chemosensitive"));
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PrimaryGrade && f.Value == "G2");
        Assert.Contains(result.Findings, f => f.Value == "metachronous");
        Assert.Contains(result.Cautions, c => c.StartsWith("Not known from the record", System.StringComparison.Ordinal) && c.Contains("symptom burden"));
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Synchronous_disease_is_reported_as_more_likely_to_benefit()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Value == "synchronous" && f.Sentence.Contains("more likely to benefit"));
        ResultSnapshot.Match(result, "applies-synchronous");
    }

    [Fact]
    public void An_unfit_patient_has_no_preoperative_decision()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd().FitForSurgery(false).WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void No_recorded_metastases_leave_it_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.Metastases }, result.Missing.ToArray());
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
