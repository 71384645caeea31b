using System.Linq;
using NodaTime;
using Sarcoma.Consensus.AdjuvantTherapy;
using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.InductionTherapy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Remetastasectomy;
using Sarcoma.Consensus.SurgicalApproach;
using Sarcoma.Consensus.SurgicalTiming;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>The findings of the second clinical review (cautions, cross-references, fact names).</summary>
public sealed class SecondClinicalReviewTests
{
    private const string LungCaution =
        "There is lung disease besides the liver metastases: recommendation 5.4 limits liver resection then to highly selected patients with a favourable prognostic profile, with every lesion potentially resectable.";

    private const string OtherSiteCaution =
        "There is extrahepatic disease outside the lung: this is outside the voted surgical indications 5.3 (liver only) and 5.4 (liver and lung only), so any liver surgery would be an individual tumour-board decision (5.1; section 3.5), and section 3.1 (narrative, not voted) warns that concurrent extrapulmonary extrahepatic lesions could mean a more systemic disease and portend a dismal prognosis.";

    private const string ReassuringSentence =
        "nor should bilobar spread if there are few metastatic nodules that may allow parenchymal sparing surgery of different segments.";

    private const string DiscouragingSentence =
        "However, in cases of bilobar spread requiring complex resections (e.g., vascular involvement), surgery should be discouraged because the expected risk-benefit ratio is likely to be unfavorable.\"";

    // a. Candidacy cautions on 6.4, 11.1, 11.2; extrahepatic cautions on 8.1.
    [Fact]
    public void A_planned_major_hepatectomy_with_lung_disease_carries_the_5_4_caution_under_6_4()
    {
        var result = new MajorHepatectomyEvaluator().Evaluate(Vignettes.MetachronousLiverAndLungOmd().WithLiverSurgeryPlan(majorHepatectomy: true));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(LungCaution, result.Cautions);
    }

    [Fact]
    public void Preoperative_chemotherapy_with_lung_disease_carries_the_5_4_caution_under_11_1_and_11_2()
    {
        var first = new PreoperativeChemotherapyEvaluator().Evaluate(Vignettes.MetachronousLiverAndLungOmd());
        var second = new IndividualisedPreoperativeChemotherapyEvaluator().Evaluate(Vignettes.MetachronousLiverAndLungOmd());

        Assert.Equal(EvaluationStatus.Applies, first.Status);
        Assert.Contains(LungCaution, first.Cautions);
        Assert.Equal(EvaluationStatus.Applies, second.Status);
        Assert.Contains(LungCaution, second.Cautions);
    }

    [Fact]
    public void A_resection_planned_despite_an_unresectable_lesion_is_flagged_on_5_1_and_11_1_is_not_offered()
    {
        var patient = Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 30, l => l.InSegments(4).Unresectable().Ablatable())
            .WithLiverSurgeryPlan(majorHepatectomy: true);
        var result = new PreoperativeChemotherapyEvaluator().Evaluate(patient);
        var board = new Sarcoma.Consensus.Indication.TumourBoardBeforeLiverResectionEvaluator().Evaluate(patient);

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Equal(EvaluationStatus.Applies, board.Status);
        Assert.Equal(
            "Planned resection outside the consensus indications (5.3, section 3.5): a liver resection is planned although not every liver lesion is resectable as recorded, a judgement of R0 feasibility that 6.2 asks of an experienced HPB surgeon at a reference centre. The guideline's surgical recommendations are not offered for it; the tumour board must weigh the risks of surgery against the expected benefits (5.1).",
            board.Cautions[0]);
    }

    [Fact]
    public void Surgery_timing_carries_the_extrahepatic_cautions_under_8_1()
    {
        var lung = new MetachronousSurgeryTimingEvaluator().Evaluate(Vignettes.MetachronousLiverAndLungOmd());
        var bone = new MetachronousSurgeryTimingEvaluator().Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Bone, 15, l => l.Resectable().Ablatable()));
        var liverOnly = new MetachronousSurgeryTimingEvaluator().Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, lung.Status);
        Assert.Contains(LungCaution, lung.Cautions);
        Assert.Equal(EvaluationStatus.Applies, bone.Status);
        Assert.Contains(OtherSiteCaution, bone.Cautions);
        Assert.Equal(EvaluationStatus.Applies, liverOnly.Status);
        Assert.DoesNotContain(liverOnly.Cautions, c => c.StartsWith("There is", System.StringComparison.Ordinal));
    }

    // b. Section 3.5 quoted in full under 5.5; the 5.5 scenario flagged under 5.3, 8.1 and 6.4.
    [Fact]
    public void The_5_5_caution_quotes_both_sentences_of_section_3_5()
    {
        var result = new BilobarComplexHepatectomyEvaluator().Evaluate(Vignettes.BilobarCentralLiverMetastases());

        var quote = Assert.Single(result.Cautions, c => c.StartsWith("Section 3.5 (narrative, not voted): \"", System.StringComparison.Ordinal));
        Assert.Contains(ReassuringSentence, quote);
        Assert.EndsWith(DiscouragingSentence, quote);
    }

    [Fact]
    public void The_5_5_scenario_is_flagged_under_5_3_8_1_and_6_4_as_no_consensus_with_section_3_5()
    {
        var bilobar = Vignettes.BilobarCentralLiverMetastases().WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true);
        var results = new RecommendationResult[]
        {
            new MetachronousLiverResectionEvaluator().Evaluate(bilobar),
            new MetachronousSurgeryTimingEvaluator().Evaluate(bilobar),
            new MajorHepatectomyEvaluator().Evaluate(bilobar.WithLiverSurgeryPlan(majorHepatectomy: true)),
        };

        Assert.All(results, result =>
        {
            Assert.Equal(EvaluationStatus.Applies, result.Status);
            var caution = Assert.Single(result.Cautions, c => c.Contains("(5.5) did not reach consensus (57% agreement)"));
            Assert.StartsWith("The liver metastases are bilobar and at least one has vascular involvement or a central location:", caution, System.StringComparison.Ordinal);
            Assert.Contains(ReassuringSentence, caution);
            Assert.EndsWith(DiscouragingSentence, caution);
        });
    }

    [Fact]
    public void Unilobar_disease_carries_no_5_5_caution()
    {
        var result = new MetachronousLiverResectionEvaluator().Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain(result.Cautions, c => c.Contains("(5.5)"));
    }

    // d. No JSON path in 11.2's timing prose.
    [Fact]
    public void Unknown_timing_is_said_in_prose_not_as_a_json_path()
    {
        var patient = Vignettes.MetachronousLiverOnlyOmd().Build();
        var context = new EvaluationContext(patient with { Metastases = patient.Metastases! with { DetectedOn = null } }, Vignettes.AsOf);

        var factors = PreoperativeChemotherapyFactors.Assess(context);

        Assert.Contains(factors.Findings, f => f.Sentence == "Timing of the metastases: unknown (the date the metastases were detected is not recorded).");
        Assert.DoesNotContain(factors.Findings, f => f.Sentence.Contains(FactNames.MetastasesDetectedOn));
    }

    // e. 3.1 says when resection is off the table for another reason than resectability.
    [Fact]
    public void Resectable_metastases_outside_the_OMD_definition_are_not_the_resectable_disease_of_3_1()
    {
        var result = new ResectableMetachronousLiverBiopsyEvaluator().Evaluate(Vignettes.ManyLiverMetastasesFitForSurgery());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not oligometastatic", result.Summary);
        Assert.Contains("resection of the liver metastases is not indicated", result.Summary);
    }

    [Fact]
    public void A_resectable_metachronous_patient_with_ECOG_3_is_not_in_the_population_of_3_1()
    {
        // Section 3.3 ties 3.1 to "planning a metastasectomy".
        var result = new ResectableMetachronousLiverBiopsyEvaluator().Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(3));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("The patient is not a candidate for liver surgery (ECOG performance status 3 precludes surgery", result.Summary, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_recurrence_without_good_performance_status_is_outside_3_1_like_any_patient_known_not_to_be_a_candidate()
    {
        // Issue #7 (finding 6): 3.1 follows surgical candidacy; only a short-TFI recurrence (reassessed after systemic
        // treatment) keeps it, with the not-a-candidate caution.
        var result = new ResectableMetachronousLiverBiopsyEvaluator().Evaluate(Vignettes.LiverRecurrenceAfterResection().WithPerformanceStatus(2));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("The patient is not a candidate for liver surgery (the liver recurrence is in a patient without the good performance status", result.Summary, System.StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Fact == LiverResectionCandidacy.CandidateConceptName && f.Value == "no");
    }

    [Fact]
    public void A_resection_candidate_carries_no_not_on_the_table_caution_under_3_1()
    {
        var result = new ResectableMetachronousLiverBiopsyEvaluator().Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain(result.Cautions, c => c.Contains("not on the table"));
    }

    // f. Cross-references.
    [Fact]
    public void A_recurrence_outside_9_1_points_to_10_1_under_12_1_and_13_1()
    {
        const string Reference = "(see 9.1 and 9.2, and 10.1 for non-surgical local approaches, as a new liver resection is not within 9.1)";
        // ECOG 2: without the good performance status of 9.1, a new resection is not within it.
        var followUp = new PostMetastasectomyFollowUpEvaluator().Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection().WithPerformanceStatus(2));
        var adjuvant = new AdjuvantTherapyDiscussionEvaluator().Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection().WithPerformanceStatus(2));

        Assert.Equal(EvaluationStatus.DoesNotApply, followUp.Status);
        Assert.Contains("has a recurrence to treat " + Reference, followUp.Summary);
        Assert.Equal(EvaluationStatus.DoesNotApply, adjuvant.Status);
        Assert.Contains("to be treated first " + Reference, adjuvant.Summary);
    }

    [Fact]
    public void A_recurrence_within_9_1_points_to_9_1_and_9_2_only()
    {
        var result = new PostMetastasectomyFollowUpEvaluator().Evaluate(Vignettes.LiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.Applies, new LiverRemetastasectomyEvaluator().Evaluate(Vignettes.LiverRecurrenceAfterResection()).Status);
        Assert.Contains("has a recurrence to treat (see 9.1 and 9.2), and", result.Summary);
    }

    [Fact]
    public void An_unknown_recurrence_is_not_called_this_liver_recurrence_under_9_1()
    {
        var result = new LiverRemetastasectomyEvaluator().Evaluate(Vignettes.MetachronousLiverOmdWithoutSurgicalHistory());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal("Whether a new liver resection may be considered for a liver recurrence (9.1) cannot be decided yet.", result.Summary);
    }

    [Fact]
    public void After_progression_8_2_says_that_8_3_requires_at_least_stable_disease()
    {
        var result = new SynchronousSystemicFirstEvaluator().Evaluate(Vignettes.SynchronousOmdOnInduction()
            .WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease, ongoing: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Equal(
            "Synchronous oligometastatic disease: systemic treatment should be the preferred front-line approach (already received, with progression; recommendation 8.3 addresses surgery for residual liver disease after it, but requires at least stable disease).",
            result.Summary);
    }

    // g. Honest fact names.
    [Fact]
    public void Resectable_or_ablatable_is_not_recorded_as_resectable()
    {
        var context = Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 15, l => l.InSegments(4).Unresectable().Ablatable())
            .Context();

        var omd = context.Oligometastatic;

        Assert.Contains(omd.Findings, f => f.Fact == OligometastaticAssessment.RadicallyTreatableName && f.Value == "yes" && f.Sentence == "Every metastatic lesion is resectable or ablatable.");
        Assert.DoesNotContain(omd.Findings, f => f.Fact == FactNames.LesionResectable && f.Value == "yes");
    }

    [Fact]
    public void Intervals_and_counts_are_recorded_under_their_own_names()
    {
        var plan = BiopsyPlan.Assess(Vignettes.MetachronousLiverOnlyOmd().Context());
        var dfi = Vignettes.MetachronousLiverOnlyOmd().Context().DiseaseFreeInterval.CompletedMonths!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains(plan.Findings, f => f.Fact == FactNames.Lesions && f.Value == "2" && f.Sentence == "2 liver lesions recorded.");
        Assert.DoesNotContain(plan.Findings, f => f.Fact == FactNames.LesionSite && f.Value == "2");
        Assert.Contains(plan.Findings, f => f.Fact == OriginUncertaintyAssessment.DiseaseFreeIntervalName && f.Value == dfi);
        Assert.DoesNotContain(plan.Findings, f => f.Fact == FactNames.MetastasesDetectedOn && f.Value == dfi);
    }
}
