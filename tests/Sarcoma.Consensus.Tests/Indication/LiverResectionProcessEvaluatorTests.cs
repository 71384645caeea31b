using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Indication;

/// <summary>Recommendations 5.1 (tumour board first) and 5.2 (reference centre): process requirements triggered by liver resection being on the table.</summary>
public sealed class LiverResectionProcessEvaluatorTests
{
    private readonly TumourBoardBeforeLiverResectionEvaluator tumourBoard = new();
    private readonly ReferenceCentreLiverResectionEvaluator referenceCentre = new();

    [Fact]
    public void Resectable_liver_metastases_put_resection_on_the_table_so_the_tumour_board_must_discuss_it()
    {
        var result = tumourBoard.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.StartsWith("Liver resection is being considered", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == LiverResectionCandidacy.ConceptName && f.Value == "yes");
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void An_unresectable_liver_lesion_takes_resection_off_the_table_for_the_tumour_board_requirement()
    {
        var result = tumourBoard.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 60, l => l.InSegments(1).Unresectable())
            .WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not every liver lesion is resectable", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Without_recorded_metastases_the_tumour_board_requirement_is_undecided()
    {
        var result = tumourBoard.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.Metastases }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Resectable_liver_metastases_must_be_operated_in_a_reference_centre()
    {
        var result = referenceCentre.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void A_patient_unfit_for_surgery_is_not_a_resection_candidate_for_the_reference_centre_requirement()
    {
        var result = referenceCentre.Evaluate(Vignettes.MetachronousLiverOnlyOmd().FitForSurgery(false).WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("unfit", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Unknown_resectability_leaves_the_reference_centre_requirement_undecided()
    {
        var result = referenceCentre.Evaluate(Vignettes.AlmostNothingKnown()
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(3)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionResectable }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void A_primary_still_in_place_is_to_be_treated_before_or_with_the_metastasectomy()
    {
        var result = tumourBoard.Evaluate(Vignettes.SynchronousOmdAfterPartialResponse());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(LiverSurgeryGate.PrimaryInPlaceCaution, result.Cautions);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PrimaryResected && f.Value == "no");
        ResultSnapshot.Match(result, "primary-in-place");
    }

    [Fact]
    public void A_resected_primary_carries_no_primary_caution()
    {
        var result = tumourBoard.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.DoesNotContain(LiverSurgeryGate.PrimaryInPlaceCaution, result.Cautions);
    }

    [Fact]
    public void Disease_beyond_the_OMD_count_is_flagged_on_5_1_for_case_by_case_discussion_and_5_2_follows_it_with_the_flag()
    {
        // Section 3.5: "the decision for surgical treatment may be at the discretion of the treating physician, based on a
        // case-by-case basis ... and multidisciplinary board discussion": the tumour board (5.1) hears it, flagged; the
        // other surgical recommendations are not offered as advice.
        var patient = Vignettes.MetachronousLiverOnlyOmd()
            .AddLesions(4, MetastaticSite.Liver, 10, l => l.InSegments(5).Resectable())
            .WithLiverSurgeryPlan(majorHepatectomy: false);
        var board = tumourBoard.Evaluate(patient);
        var centre = referenceCentre.Evaluate(patient);

        Assert.Equal(EvaluationStatus.Applies, board.Status);
        Assert.StartsWith("Outside the consensus indications for liver surgery (5.3, section 3.5): the disease is not oligometastatic, given more than 5 metastatic lesions", board.Cautions[0], System.StringComparison.Ordinal);
        // 5.2 conditions where any resection is performed (issue #7, fourth read): it follows 5.1, the flag first.
        Assert.Equal(EvaluationStatus.Applies, centre.Status);
        Assert.Equal(board.Cautions[0], centre.Cautions[0]);
        Assert.StartsWith("A liver resection, if one is performed,", centre.Summary, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_hepatectomy_planned_for_seven_lesions_is_flagged_on_5_1_and_5_2_applies_as_a_condition_with_the_flag()
    {
        var patient = Vignettes.MetachronousLiverOnlyOmd()
            .AddLesions(6, MetastaticSite.Liver, 10, l => l.InSegments(3).Resectable())
            .WithLiverSurgeryPlan(majorHepatectomy: true);
        var board = tumourBoard.Evaluate(patient);
        var centre = referenceCentre.Evaluate(patient);

        Assert.Equal(EvaluationStatus.Applies, board.Status);
        Assert.StartsWith("Planned resection outside the consensus indications (5.3, section 3.5)", board.Cautions[0], System.StringComparison.Ordinal);
        Assert.Equal(EvaluationStatus.Applies, centre.Status);
        Assert.Equal(board.Cautions[0], centre.Cautions[0]);
    }

    [Fact]
    public void A_planned_hepatectomy_keeps_5_1_applying_while_the_detection_date_is_missing()
    {
        var patient = Vignettes.MetachronousLiverOnlyOmd().MetastasesDetectedOn(null).WithLiverSurgeryPlan(majorHepatectomy: true);

        var board = tumourBoard.Evaluate(patient);
        var centre = referenceCentre.Evaluate(patient);

        Assert.Equal(EvaluationStatus.Applies, board.Status);
        Assert.Contains(board.Cautions, c => c.StartsWith("A liver resection is planned, but whether it is within the consensus indications cannot be decided yet", System.StringComparison.Ordinal));
        Assert.Equal(EvaluationStatus.Applies, centre.Status);
        Assert.Contains(centre.Cautions, c => c.StartsWith("A liver resection is planned, but whether it is within the consensus indications cannot be decided yet", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Diffuse_sarcomatosis_takes_resection_off_the_table_without_nested_parentheses()
    {
        var result = referenceCentre.Evaluate(Vignettes.DiffusePeritonealDisease().WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("Liver resection is not on the table (the disease is not oligometastatic, given diffuse peritoneal sarcomatosis), so", result.Summary);
        Assert.DoesNotMatch(@"\([^()]*\(", result.Summary);
    }

    [Fact]
    public void A_non_candidate_whose_plan_is_unrecorded_asks_whether_a_resection_is_nevertheless_planned()
    {
        var result = tumourBoard.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(3));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.MajorHepatectomyPlanned }, result.Missing);
        Assert.Contains("precludes surgery", result.Summary);
    }

    [Fact]
    public void Unassessed_fitness_keeps_the_tumour_board_requirement_with_the_7_2_caution()
    {
        var result = tumourBoard.Evaluate(Vignettes.MetachronousLiverOmdWithoutFitness());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.StartsWith("Fitness for surgery has not been assessed", System.StringComparison.Ordinal));
        ResultSnapshot.Match(result, "applies-fitness-not-assessed");
    }
}
