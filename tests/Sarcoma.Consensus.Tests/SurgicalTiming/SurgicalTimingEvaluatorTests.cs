using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.SurgicalTiming;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.SurgicalTiming;

/// <summary>Recommendations 8.1 (metachronous: surgery upfront or after systemic therapy) and 8.2 (synchronous: systemic first).</summary>
public sealed class SurgicalTimingEvaluatorTests
{
    private readonly MetachronousSurgeryTimingEvaluator metachronous = new();
    private readonly SynchronousSystemicFirstEvaluator synchronous = new();

    [Fact]
    public void Metachronous_leiomyosarcoma_OMD_could_be_operated_upfront_or_after_chemotherapy()
    {
        var result = metachronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("especially in a subtype with better response to chemotherapy such as leiomyosarcoma", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void A_subtype_not_named_chemosensitive_gets_no_chemosensitivity_note()
    {
        var result = metachronous.Evaluate(Vignettes.BilobarCentralLiverMetastases());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain("especially", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PrimaryHistology && f.Value == "undifferentiated-pleomorphic-sarcoma" && f.Sentence.Contains("section 3.9"));
    }

    [Fact]
    public void Synchronous_disease_is_outside_8_1()
    {
        var result = metachronous.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Metachronous_timing_needs_the_diagnosis_date()
    {
        var result = metachronous.Evaluate(Vignettes.AlmostNothingKnown().MetastasesDetectedOn(new LocalDate(2024, 5, 1)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.PrimaryDiagnosedOn, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Detection_exactly_six_months_after_diagnosis_is_synchronous_by_default_with_the_boundary_caution()
    {
        var builder = Vignettes.SynchronousOmdOnInduction().MetastasesDetectedOn(new LocalDate(2025, 12, 2));

        var result = metachronous.Evaluate(builder);

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("6-month boundary"));
        Assert.Equal(EvaluationStatus.Applies, synchronous.Evaluate(builder).Status);
    }

    [Fact]
    public void Detection_exactly_six_months_after_diagnosis_follows_the_option_when_read_as_metachronous()
    {
        var options = new ConsensusOptions { AtWindowBoundary = BoundaryTiming.Metachronous };
        var builder = Vignettes.SynchronousOmdOnInduction().MetastasesDetectedOn(new LocalDate(2025, 12, 2));

        var result = metachronous.Evaluate(builder, options: options);

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("Classified metachronous"));
        Assert.Equal(EvaluationStatus.DoesNotApply, synchronous.Evaluate(builder, options: options).Status);
        ResultSnapshot.Match(result, "boundary");
    }

    [Fact]
    public void Detection_one_day_after_the_window_is_metachronous_without_caution()
    {
        var result = metachronous.Evaluate(Vignettes.SynchronousOmdOnInduction().MetastasesDetectedOn(new LocalDate(2025, 12, 3)));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain(ResultFlag.Caution, result.Flags);
    }

    [Fact]
    public void Synchronous_OMD_should_start_with_systemic_treatment()
    {
        var result = synchronous.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("preferred front-line approach", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Metachronous_disease_is_outside_8_2()
    {
        var result = synchronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Synchronous_disease_of_unknown_OMD_status_leaves_8_2_undecided()
    {
        var result = synchronous.Evaluate(Vignettes.SynchronousOmdOnInduction().WithStaging(contrastCt: true));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.StagingLiverMri, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void A_liver_recurrence_eight_months_after_resection_is_governed_by_9_1_not_8_1()
    {
        var result = metachronous.Evaluate(Vignettes.LiverRecurrenceEightMonthsAfterResection());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("the timing of a new resection is governed not by 8.1 but by the specific recommendation 9.1", result.Summary);
        Assert.Contains("9.2", result.Summary);
        Assert.EndsWith("see 9.1.", result.Summary);
        ResultSnapshot.Match(result, "recurrence");
    }

    [Fact]
    public void An_unresectable_liver_lesion_rules_8_1_out()
    {
        var result = metachronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 45, l => l.InSegments(1).Central().Unresectable().Ablatable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("1 of 3 liver lesions is not amenable to complete surgical resection", result.Summary);
        ResultSnapshot.Match(result, "unresectable-lesion");
    }

    [Fact]
    public void Unrecorded_liver_resectability_leaves_8_1_undecided()
    {
        var result = metachronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 12, l => l.InSegments(2).Ablatable()));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionResectable }, result.Missing);
        Assert.Contains(result.Findings, f => f.Sentence == "Resectability not recorded for 1 of 3 liver lesions.");
    }

    [Fact]
    public void Unrecorded_surgical_history_leaves_8_1_undecided()
    {
        var result = metachronous.Evaluate(Vignettes.MetachronousLiverOmdWithoutSurgicalHistory());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.PreviousLiverResection }, result.Missing);
    }

    [Fact]
    public void Metachronous_disease_progressing_on_systemic_therapy_carries_the_section_3_11_caution_on_8_1()
    {
        var result = metachronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease, ongoing: true), options: new ConsensusOptions { ProgressionOnSystemicTherapyDefersSurgery = false });

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(Sarcoma.Consensus.Indication.IndicationCriteria.ProgressionCaution, result.Cautions);
    }

    [Fact]
    public void A_patient_with_ECOG_3_is_not_offered_synchronous_residual_surgery()
    {
        var result = new SynchronousResidualLiverSurgeryEvaluator().Evaluate(Vignettes.SynchronousOmdAfterPartialResponse().WithPerformanceStatus(3));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("ECOG performance status 3 precludes surgery", result.Summary);
    }

    [Fact]
    public void A_known_absence_of_previous_liver_resection_adds_no_recurrence_caution_to_8_1()
    {
        // Evaluated a month after detection, so staging is current and no other caution arises.
        var result = metachronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd(), asOf: new LocalDate(2023, 10, 1));

        Assert.Empty(result.Cautions);
    }
}

