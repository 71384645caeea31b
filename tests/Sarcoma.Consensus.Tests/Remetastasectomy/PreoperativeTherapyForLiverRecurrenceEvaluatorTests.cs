using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Remetastasectomy;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Remetastasectomy;

/// <summary>Recommendation 9.2: preoperative systemic treatment for liver recurrence.</summary>
public sealed class PreoperativeTherapyForLiverRecurrenceEvaluatorTests
{
    private readonly PreoperativeTherapyForLiverRecurrenceEvaluator evaluator = new();

    [Fact]
    public void Liver_recurrence_without_adjuvant_chemotherapy_should_receive_preoperative_treatment()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("should receive preoperative systemic treatment", result.Summary);
        Assert.Empty(result.Cautions);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Liver_recurrence_after_adjuvant_chemotherapy_is_decided_case_by_case()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection()
            .AdjuvantTherapyAfterFirstLiverResection(true)
            .LastTreatmentEndedOn(new LocalDate(2021, 10, 28))
            .WithSystemicTherapy(received: true));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("case by case", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PrimaryHistology && f.Sentence.Contains("highly chemosensitive"));
        Assert.Contains(result.Flags, f => f == ResultFlag.Caution);
        ResultSnapshot.Match(result, "applies-after-adjuvant");
    }

    [Fact]
    public void Unrecorded_adjuvant_therapy_gives_both_branches_and_asks_for_the_fact()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceWithUncountableTfi());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.StartsWith("Record whether adjuvant chemotherapy followed the first liver resection", System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.Cautions, c => c.Contains(FactNames.AdjuvantTherapyAfterFirstLiverResection));
        Assert.Contains(result.Findings, f => f.Fact == FactNames.AdjuvantTherapyAfterFirstLiverResection && f.Value == "unknown");
    }

    [Fact]
    public void A_recurrence_8_months_after_resection_after_adjuvant_therapy_is_decided_case_by_case_with_the_short_interval_caution()
    {
        var result = evaluator.Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection()
            .AdjuvantTherapyAfterFirstLiverResection(true)
            .LastTreatmentEndedOn(new LocalDate(2021, 9, 30)));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.AdjuvantTherapyAfterFirstLiverResection && f.Value == "yes");
        Assert.Contains("case by case, according to the principles of recommendation 11.2", result.Summary);
        Assert.DoesNotContain("unfit", result.Summary);
        Assert.Contains(result.Cautions, c => c.Contains("in relapses with a short DFI"));
        ResultSnapshot.Match(result, "applies-short-tfi-after-adjuvant");
    }

    [Fact]
    public void A_recurrence_below_the_9_1_interval_with_another_reason_against_surgery_does_not_arise()
    {
        var result = evaluator.Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection()
            .AddLesion(MetastaticSite.Liver, 40, l => l.InSegments(1).Unresectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("The patient is not a candidate for a new liver resection (not every liver lesion is resectable", result.Summary, System.StringComparison.Ordinal);
        Assert.Contains("the liver recurrence's treatment-free interval is not longer than 12 months", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply-short-tfi");
    }

    [Fact]
    public void A_recurrence_8_months_after_resection_without_adjuvant_therapy_should_receive_systemic_treatment_first()
    {
        var result = evaluator.Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Equal(
            "Liver recurrence without adjuvant chemotherapy after the first resection: the patient should receive preoperative systemic treatment first (the treatment-free interval, not longer than 12 months, is outside the strict reading of 9.1); the tumour board then reassesses a new liver resection.",
            result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.AdjuvantTherapyAfterFirstLiverResection && f.Value == "no");
        Assert.Contains(result.Findings, f => f.Fact == RemetastasectomyWindow.ConceptName && f.Value == "below");
        Assert.Contains(result.Cautions, c => c.Contains("\"The panel supports the use of preoperative systemic treatment in recurrent liver disease if no prior chemotherapy has been administrated, in histologies with high chemosensitivity such as LMS, and in relapses with a short DFI."));
        ResultSnapshot.Match(result, "applies-short-tfi-no-adjuvant");
    }

    [Fact]
    public void A_recurrence_below_the_9_1_interval_with_unrecorded_adjuvant_therapy_gives_both_branches_and_asks_for_the_fact()
    {
        var patient = Vignettes.EarlyLiverRecurrenceAfterResection().LastTreatmentEndedOn(new LocalDate(2021, 5, 20)).Build();
        var result = evaluator.Evaluate(new EvaluationContext(
            patient with { Treatment = patient.Treatment with { AdjuvantTherapyAfterFirstLiverResection = null } }, Vignettes.AsOf));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.StartsWith("Record whether adjuvant chemotherapy followed the first liver resection", System.StringComparison.Ordinal));
        ResultSnapshot.Match(result, "applies-short-tfi-adjuvant-unknown");
    }

    [Fact]
    public void A_recurrence_below_the_9_1_interval_with_an_unresectable_lesion_does_not_apply()
    {
        var result = evaluator.Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection()
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(8).Unresectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not every liver lesion is resectable", result.Summary);
    }

    [Fact]
    public void Recorded_fitness_with_more_than_five_lesions_names_the_disease_not_fitness()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection()
            .AddLesions(4, MetastaticSite.Liver, 10, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("the disease is not oligometastatic, given more than 5 metastatic lesions", result.Summary);
        Assert.DoesNotContain("unfit", result.Summary);
        Assert.DoesNotContain(result.Cautions, c => c.Contains("relapses with a short disease-free interval"));
    }

    [Fact]
    public void No_previous_liver_resection_means_no_liver_recurrence()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void A_patient_in_follow_up_after_resection_has_no_recurrence_to_treat()
    {
        var result = evaluator.Evaluate(Vignettes.LiverMetastasectomyInFollowUp());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.MetastasesDetectedOn && f.Value == "2023-09-01");
    }

    [Fact]
    public void An_unresectable_recurrence_leaves_no_operation_to_prepare_for()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection()
            .AddLesion(MetastaticSite.Liver, 45, l => l.InSegments(1).Unresectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("10.1", result.Summary);
        Assert.Contains("(not every liver lesion is resectable as recorded, a judgement of R0 feasibility that 6.2 asks of an experienced HPB surgeon at a reference centre)", result.Summary);
    }

    [Fact]
    public void Liver_lesions_with_unknown_surgical_history_are_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.AlmostNothingKnown()
            .MetastasesDetectedOn(new LocalDate(2024, 5, 1))
            .AddLesion(MetastaticSite.Liver, 25, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.PreviousLiverResection }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
