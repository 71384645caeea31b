using System.Linq;
using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Biopsy;

/// <summary>Recommendations 3.1, 3.2 (no consensus) and 3.3.</summary>
public sealed class BiopsyEvaluatorTests
{
    private readonly ResectableMetachronousLiverBiopsyEvaluator resectableMetachronous = new();
    private readonly SynchronousInductionBiopsyEvaluator synchronousInduction = new();
    private readonly BiopsyCoreSamplingEvaluator coreSampling = new();

    // 3.1

    [Fact]
    public void Resectable_metachronous_liver_metastases_after_a_long_DFI_could_be_biopsied_but_need_not_be()
    {
        // Five years after the primary diagnosis (2021-03-01): an unusually late presentation.
        var result = resectableMetachronous.Evaluate(
            Vignettes.MetachronousLiverOnlyOmd()
                .MetastasesDetectedOn(new NodaTime.LocalDate(2026, 3, 1))
                .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false)
                .InductionTherapyPlanned(false),
            asOf: new NodaTime.LocalDate(2026, 4, 1));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("not mandatory", result.Summary);
        Assert.Contains("could be considered", result.Summary);
        Assert.Contains("long disease-free interval", result.Summary);
        Assert.Contains(ResultFlag.Caution, result.Flags);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Short_DFI_without_origin_doubt_or_induction_needs_no_biopsy()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasis());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("none of the reasons", result.Summary);
        Assert.DoesNotContain("could be considered,", result.Summary);
        ResultSnapshot.Match(result, "applies-no-reason");
    }

    [Fact]
    public void Unrecorded_origin_facts_are_listed_as_findings_not_read_as_absent()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasisOriginUnrecorded());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("not mandatory", result.Summary);
        Assert.Contains("risk factors for hepatocellular carcinoma", result.Summary);
        Assert.DoesNotContain(FactNames.HccRiskFactors, result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.ColorectalCancerHistory && f.Value == "unknown");
        ResultSnapshot.Match(result, "applies-origin-unrecorded");
    }

    [Fact]
    public void A_liver_recurrence_8_months_after_resection_is_not_of_uncertain_origin_despite_a_long_DFI()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection());

        // Not for its origin: for the preoperative systemic treatment 9.2 calls for (no adjuvant therapy after the first resection).
        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("could be considered, because recommendation 9.2 calls for preoperative systemic treatment", result.Summary);
        Assert.DoesNotContain("origin is uncertain", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == OriginUncertaintyAssessment.ConceptName && f.Value == "no");
        Assert.Contains(result.Findings, f => f.Fact == OriginUncertaintyAssessment.IntervalSinceMetastasectomyName && f.Value == "8" && f.Sentence.Contains("after the latest liver metastasectomy"));
        ResultSnapshot.Match(result, "applies-early-recurrence");
    }

    [Fact]
    public void An_unrecorded_adjuvant_treatment_leaves_9_2s_preoperative_treatment_as_a_biopsy_reason_undecided()
    {
        // Monotonicity: with no adjuvant treatment after the first resection, 9.2's preoperative treatment is a reason (above);
        // forgetting that fact must not make the biopsy question "does not apply".
        var patient = Vignettes.EarlyLiverRecurrenceAfterResection().Build();
        var unrecorded = patient with { Treatment = patient.Treatment with { AdjuvantTherapyAfterFirstLiverResection = null } };

        var context = new EvaluationContext(unrecorded, Vignettes.AsOf);
        var consider = resectableMetachronous.Evaluate(context);
        var sampling = coreSampling.Evaluate(context);

        // 3.1 still applies (a biopsy is not mandatory), with whether one could be considered left open; 3.3, which
        // applies when a biopsy is to be considered, cannot say "does not apply".
        Assert.Equal(EvaluationStatus.Applies, consider.Status);
        Assert.Contains("cannot be said yet", consider.Summary);
        Assert.Equal(EvaluationStatus.InsufficientData, sampling.Status);
        Assert.Contains(FactNames.AdjuvantTherapyAfterFirstLiverResection, sampling.Missing);
        Assert.Equal(EvaluationStatus.Applies, coreSampling.Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection()).Status);
    }

    [Fact]
    public void A_liver_recurrence_27_months_after_resection_is_of_uncertain_origin_by_the_interval_since_resection()
    {
        var result = resectableMetachronous.Evaluate(
            Vignettes.LiverRecurrenceAfterResection()
                .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false)
                .InductionTherapyPlanned(false),
            options: new ConsensusOptions { LongDiseaseFreeIntervalMonths = 24 });

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("a long interval of 27 months and 12 days since the latest liver metastasectomy", result.Summary);
        Assert.DoesNotContain("disease-free interval", result.Summary);
    }

    [Fact]
    public void Proposed_induction_that_has_already_started_is_no_longer_a_reason()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasis()
            .InductionTherapyPlanned()
            .WithSystemicTherapy(received: true, ongoing: true));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("the patient is on systemic therapy now (if a resection follows, that treatment is preoperative)", result.Summary);
        Assert.DoesNotContain("could be considered,", result.Summary);
    }

    // 3.1 never says "no preoperative treatment" where 9.2 or the current treatment is preoperative (fifth read F5/F10).

    [Fact]
    public void Systemic_therapy_under_way_without_a_planned_induction_is_called_preoperative_not_absent()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasis()
            .InductionTherapyPlanned(false)
            .WithSystemicTherapy(received: true, ongoing: true));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("the patient is on systemic therapy now (if a resection follows, that treatment is preoperative)", result.Summary);
        Assert.DoesNotContain("no preoperative systemic treatment", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.InductionTherapyPlanned && f.Sentence.Contains("the patient is on systemic therapy now"));
    }

    [Fact]
    public void A_recurrence_after_adjuvant_chemotherapy_says_9_2_leaves_preoperative_treatment_case_by_case()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.LiverRecurrenceEightMonthsAfterResection()
            .AdjuvantTherapyAfterFirstLiverResection(true)
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false)
            .InductionTherapyPlanned(false)
            .WithSystemicTherapy(received: false, ongoing: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("9.2 leaves it to a case-by-case decision, 11.2: if one is proposed, a biopsy could be considered", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.InductionTherapyPlanned && f.Sentence.Contains("9.2 leaves preoperative systemic treatment to a case-by-case decision"));
    }

    [Fact]
    public void Adjuvant_therapy_finished_before_a_liver_recurrence_is_not_a_treatment_already_started()
    {
        // Sixth paper-only read (s20), case 17: the only systemic therapy was adjuvant after the earlier resection, now ended.
        var result = resectableMetachronous.Evaluate(Vignettes.LiverRecurrenceEightMonthsAfterResection()
            .AdjuvantTherapyAfterFirstLiverResection(true)
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false)
            .InductionTherapyPlanned(false)
            .WithSystemicTherapy(received: true, ongoing: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain("already started", result.Summary);
        Assert.DoesNotContain("on systemic therapy now", result.Summary);
        Assert.DoesNotContain("no longer the question", result.Summary);
        Assert.Contains("9.2 leaves it to a case-by-case decision, 11.2: if one is proposed, a biopsy could be considered", result.Summary);
        Assert.DoesNotContain(result.Findings, f => f.Fact == FactNames.OnSystemicTherapy && f.Value == "yes");
    }

    [Fact]
    public void A_recurrence_9_2_treats_first_never_reads_as_no_preoperative_treatment()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.LiverRecurrenceEightMonthsAfterResection()
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false)
            .InductionTherapyPlanned(false)
            .WithSystemicTherapy(received: false, ongoing: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("recommendation 9.2 calls for preoperative systemic treatment", result.Summary);
        var induction = Assert.Single(result.Findings, f => f.Fact == FactNames.InductionTherapyPlanned);
        Assert.Equal("No induction (preoperative) systemic therapy is recorded as planned, but recommendation 9.2 calls for preoperative systemic treatment of this liver recurrence.", induction.Sentence);
    }

    [Fact]
    public void An_unresectable_lesion_of_uncertain_origin_is_outside_3_1()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.UnresectableLiverMetastasesOfUncertainOrigin());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LesionResectable && f.Sentence == "1 of 2 liver lesions is not amenable to complete surgical resection.");
    }

    [Fact]
    public void Synchronous_liver_metastases_are_outside_the_metachronous_population()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("synchronous", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void An_unresectable_liver_lesion_rules_out_the_resectable_population_even_with_dates_missing()
    {
        var result = resectableMetachronous.Evaluate(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma)
            .AddLesion(MetastaticSite.Liver, sizeMm: 30, l => l.Resectable())
            .AddLesion(MetastaticSite.Liver, sizeMm: 60, l => l.Unresectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("Not every liver lesion is resectable", result.Summary);
    }

    [Fact]
    public void No_liver_lesion_rules_out_the_population()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.LungOnlyMetastases());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
    }

    [Fact]
    public void Unknown_resectability_leaves_the_population_undecided()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, sizeMm: 18, l => l.InSegments(3)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionResectable }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Missing_dates_and_lesions_are_all_named()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.Metastases, FactNames.MetastasesDetectedOn, FactNames.PrimaryDiagnosedOn }, result.Missing);
    }

    // 3.2 (no consensus)

    [Fact]
    public void Synchronous_OMD_on_induction_is_the_scenario_voted_on_without_consensus()
    {
        var result = synchronousInduction.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(ResultFlag.NoConsensus, result.Flags);
        Assert.StartsWith("No consensus (62% agreement):", result.Summary);
        Assert.Contains("not as a recommendation", result.Summary);
        Assert.DoesNotContain("should", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Metachronous_disease_is_not_the_scenario_voted_on()
    {
        var result = synchronousInduction.Evaluate(Vignettes.MetachronousLiverOnlyOmd().InductionTherapyPlanned());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("No consensus (62% agreement):", result.Summary);
        Assert.Contains("metachronous", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Synchronous_OMD_without_induction_is_not_the_scenario_voted_on()
    {
        var result = synchronousInduction.Evaluate(Vignettes.SynchronousLiverOmdTreatmentUndecided().InductionTherapyPlanned(false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("no induction systemic therapy is planned", result.Summary);
    }

    [Fact]
    public void A_patient_already_on_chemotherapy_in_synchronous_OMD_is_past_the_scenario_voted_on()
    {
        var result = synchronousInduction.Evaluate(Vignettes.SynchronousOmdOnChemotherapy());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("No consensus (62% agreement):", result.Summary);
        Assert.Contains("systemic treatment has already started", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.OnSystemicTherapy && f.Value == "yes");
        ResultSnapshot.Match(result, "does-not-apply-treatment-started");
    }

    [Fact]
    public void Systemic_therapy_received_after_induction_also_ends_the_scenario()
    {
        var result = synchronousInduction.Evaluate(Vignettes.SynchronousOmdAfterPartialResponse());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.SystemicTherapyReceived && f.Value == "yes");
    }

    [Fact]
    public void A_recorded_treatment_start_removes_the_caution_on_its_reading()
    {
        var unrecorded = synchronousInduction.Evaluate(Vignettes.SynchronousOmdOnInduction());
        var notStarted = synchronousInduction.Evaluate(Vignettes.SynchronousOmdOnInduction().WithSystemicTherapy(received: false));

        Assert.Contains(unrecorded.Cautions, c => c.Contains("read here as not yet started"));
        Assert.Equal(EvaluationStatus.Applies, notStarted.Status);
        Assert.DoesNotContain(notStarted.Cautions, c => c.Contains("read here as not yet started"));
    }

    [Fact]
    public void Synchronous_OMD_with_undecided_treatment_cannot_be_placed()
    {
        var result = synchronousInduction.Evaluate(Vignettes.SynchronousLiverOmdTreatmentUndecided());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.InductionTherapyPlanned }, result.Missing);
        Assert.Contains(ResultFlag.NoConsensus, result.Flags);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    // 3.3

    [Fact]
    public void A_biopsy_before_induction_must_take_four_large_gauge_cores()
    {
        var result = coreSampling.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("a minimum of 4 large-gauge cores (14–16 G)", result.Summary);
        Assert.Contains("core needle biopsy", result.Summary);
        Assert.StartsWith("If a liver biopsy is done before the planned induction treatment (whether to do one is 3.2, which did not reach consensus)", result.Summary);
        Assert.DoesNotContain("is proposed", result.Summary);
        Assert.Contains(result.Cautions, c => c.Contains("3.2") && c.Contains("did not reach consensus (62% agreement)"));
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Chemotherapy_already_started_in_synchronous_OMD_takes_the_biopsy_off_the_table()
    {
        var result = coreSampling.Evaluate(Vignettes.SynchronousOmdOnChemotherapy());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("already started", result.Summary);
        Assert.DoesNotContain("is proposed", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply-treatment-started");
    }

    [Fact]
    public void Resectable_metachronous_reasons_cite_3_1_without_the_no_consensus_caution()
    {
        var result = coreSampling.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasis().InductionTherapyPlanned());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.StartsWith("Under recommendation 3.1 (resectable metachronous liver metastases), a liver biopsy could be considered because a preoperative (induction) systemic treatment is proposed", result.Summary);
        Assert.DoesNotContain(result.Cautions, c => c.Contains("did not reach consensus"));
    }

    [Fact]
    public void Uncertain_origin_with_an_unresectable_lesion_puts_no_biopsy_on_the_table_as_in_3_1()
    {
        var patient = Vignettes.UnresectableLiverMetastasesOfUncertainOrigin();

        var result = coreSampling.Evaluate(patient);
        var recommendation31 = resectableMetachronous.Evaluate(patient);

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Equal(EvaluationStatus.DoesNotApply, recommendation31.Status);
        Assert.Contains(result.Cautions, c => c.Contains("uncertain") && c.Contains("4.2"));
        ResultSnapshot.Match(result, "does-not-apply-unresectable-uncertain-origin");
    }

    /// <summary>Every vignette: 3.3 considers a biopsy under 3.1 only when 3.1 itself says one could be considered.</summary>
    [Theory]
    [MemberData(nameof(Engine.DataRequirementsTests.Patients), MemberType = typeof(Engine.DataRequirementsTests))]
    public void Recommendations_3_1_and_3_3_agree_on_every_vignette(string vignette)
    {
        var builder = (PatientBuilder)typeof(Vignettes).GetMethod(vignette)!.Invoke(null, null)!;
        var context = builder.Context();
        var plan = BiopsyPlan.Assess(context);

        var sampling = coreSampling.Evaluate(context);
        var indication = resectableMetachronous.Evaluate(context);

        if (plan.Basis == BiopsyBasis.ResectableMetachronous)
        {
            Assert.Equal(EvaluationStatus.Applies, sampling.Status);
            Assert.Equal(EvaluationStatus.Applies, indication.Status);
            Assert.Contains("could be considered,", indication.Summary);
        }

        if (indication.Status == EvaluationStatus.Applies && indication.Summary.Contains("could be considered,"))
        {
            Assert.Equal(EvaluationStatus.Applies, sampling.Status);
        }

        if (sampling.Status == EvaluationStatus.Applies && plan.Basis != BiopsyBasis.SynchronousInduction)
        {
            Assert.Equal(EvaluationStatus.Applies, indication.Status);
        }
    }

    [Fact]
    public void Uncertain_origin_puts_the_sampling_requirement_on_the_table()
    {
        var result = coreSampling.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasis()
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: true, otherCancerHistory: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("colorectal cancer", result.Summary);
    }

    [Fact]
    public void No_reason_for_a_biopsy_means_the_sampling_requirement_does_not_arise()
    {
        var result = coreSampling.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasis());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void No_liver_lesion_means_no_liver_biopsy_to_sample()
    {
        var result = coreSampling.Evaluate(Vignettes.LungOnlyMetastases());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("no liver lesion is recorded", result.Summary);
    }

    [Fact]
    public void Unrecorded_origin_facts_leave_the_sampling_question_open()
    {
        var result = coreSampling.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasisOriginUnrecorded());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.ColorectalCancerHistory, FactNames.HccRiskFactors, FactNames.OtherCancerHistory }, result.Missing.ToArray());
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
