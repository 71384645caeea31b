using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.SurgicalApproach;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.SurgicalApproach;

/// <summary>Recommendations 6.1 (R0 goal), 6.2 (HPB surgeon), 6.3 (parenchyma-sparing) and 6.5 (minimally invasive).</summary>
public sealed class SurgicalApproachEvaluatorTests
{
    private readonly R0ResectionGoalEvaluator r0 = new();
    private readonly HpbSurgeonFeasibilityEvaluator hpb = new();
    private readonly ParenchymaSparingResectionEvaluator sparing = new();
    private readonly MinimallyInvasiveLiverResectionEvaluator minimallyInvasive = new();

    [Fact]
    public void A_repeat_resection_after_an_R1_margin_aims_at_R0()
    {
        var result = r0.Evaluate(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2019, 1, 7))
            .Resected(on: new LocalDate(2019, 2, 4))
            .AddLiverResection(new LocalDate(2022, 2, 14), ResectionMargin.R1)
            .AdjuvantTherapyAfterFirstLiverResection(false)
            .MetastasesDetectedOn(new LocalDate(2024, 10, 1))
            .AddLesion(MetastaticSite.Liver, 22, l => l.InSegments(5, 6).Resectable())
            .FitForSurgery());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LiverResectionMargin && f.Value == "R1");
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void The_R0_goal_does_not_arise_for_a_patient_unfit_for_surgery()
    {
        var result = r0.Evaluate(Vignettes.MetachronousLiverOnlyOmd().FitForSurgery(false).WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void The_R0_goal_is_undecided_without_recorded_metastases()
    {
        var result = r0.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.Metastases }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void An_HPB_surgeon_judges_R0_feasibility_of_bilobar_disease_with_vascular_involvement()
    {
        var result = hpb.Evaluate(Vignettes.BilobarCentralLiverMetastases());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LesionVascularInvolvement && f.Value == "yes");
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void A_liver_lesion_judged_unresectable_takes_the_HPB_feasibility_question_off_the_table()
    {
        var result = hpb.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithStaging(contrastCt: true, liverMri: true)
            .AddLesion(MetastaticSite.Liver, 12, l => l.InSegments(2).Unresectable().Ablatable())
            .WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void HPB_evaluation_is_undecided_when_liver_lesion_resectability_is_unknown()
    {
        var result = hpb.Evaluate(Vignettes.AlmostNothingKnown().AddLesion(MetastaticSite.Liver, 18));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionResectable }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Bilobar_disease_favours_parenchyma_sparing_resection_by_location()
    {
        var result = sparing.Evaluate(Vignettes.BilobarCentralLiverMetastases());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Sentence == "2 liver lesions in the left and right lobes (segments 2, 3, 8).");
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void No_liver_metastasis_means_no_extent_of_liver_surgery_to_decide()
    {
        var result = sparing.Evaluate(Vignettes.AlmostNothingKnown().AddLesion(MetastaticSite.Lung, 14, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Extent_of_surgery_is_undecided_without_recorded_lesions()
    {
        var result = sparing.Evaluate(Vignettes.AlmostNothingKnown().MetastasesDetectedOn(new LocalDate(2024, 1, 10)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.Lesions }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Peripheral_lesions_after_a_retroperitoneal_primary_may_be_resected_minimally_invasively_with_cautions()
    {
        var result = minimallyInvasive.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 9, l => l.InSegments(3).Resectable().Central(false))
            .PreviousAbdominalSurgeries(1), asOf: new NodaTime.LocalDate(2023, 10, 1));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Equal(2, result.Cautions.Count);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PreviousAbdominalSurgeries && f.Value == "1");
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PrimarySite && f.Value == "retroperitoneal");
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void An_extremity_primary_without_abdominal_surgery_gets_only_the_feasibility_caution()
    {
        var result = minimallyInvasive.Evaluate(Vignettes.BilobarCentralLiverMetastases(), asOf: new NodaTime.LocalDate(2023, 7, 1));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Single(result.Cautions);
        Assert.Contains(result.Findings, f => f.Sentence == "No previous abdominal surgery.");
        Assert.Contains(result.Findings, f => f.Sentence == "1 of 2 liver lesions is centrally located.");
    }

    [Fact]
    public void Minimally_invasive_resection_does_not_arise_when_a_liver_lesion_is_unresectable()
    {
        var result = minimallyInvasive.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 70, l => l.InSegments(1).Central().Unresectable())
            .WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Minimally_invasive_resection_is_undecided_without_recorded_metastases()
    {
        var result = minimallyInvasive.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void The_R0_goal_with_the_primary_still_in_place_carries_the_section_3_1_caution()
    {
        var result = r0.Evaluate(Vignettes.SynchronousOmdAfterPartialResponse());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(Sarcoma.Consensus.Indication.LiverSurgeryGate.PrimaryInPlaceCaution, result.Cautions);
        ResultSnapshot.Match(result, "primary-in-place");
    }

    [Fact]
    public void The_R0_goal_after_primary_resection_carries_no_primary_caution()
    {
        var result = r0.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain(Sarcoma.Consensus.Indication.LiverSurgeryGate.PrimaryInPlaceCaution, result.Cautions);
    }

    [Fact]
    public void A_largest_size_with_an_unmeasured_lesion_says_so_in_plain_English()
    {
        var result = minimallyInvasive.Evaluate(Vignettes.MetachronousLiverOnlyOmd().AddLesion(MetastaticSite.Liver, null, l => l.InSegments(5).Resectable()));

        Assert.Contains(result.Findings, f => f.Sentence == "Largest liver lesion 32 mm; size not recorded for 1 other lesion.");
    }
}

