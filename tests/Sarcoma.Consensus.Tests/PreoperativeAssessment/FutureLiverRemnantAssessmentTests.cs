using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.PreoperativeAssessment;

namespace Sarcoma.Consensus.Tests.PreoperativeAssessment;

/// <summary>
/// Boundaries of the future liver remnant assessment (section 3.7): 25 % for a normal liver; after extensive
/// chemotherapy below 30 % inadequate, 30–40 % (inclusive) needs evaluation, above 40 % adequate; unknown history
/// judged by the stricter thresholds.
/// </summary>
public sealed class FutureLiverRemnantAssessmentTests
{
    private static FutureLiverRemnantAssessment Assess(decimal? flr, bool? chemotherapy, ConsensusOptions? options = null) =>
        FutureLiverRemnantAssessment.Assess(
            new LiverSurgeryPlan { MajorHepatectomyPlanned = true, FutureLiverRemnantPercent = flr, ExtensivePriorChemotherapy = chemotherapy },
            options ?? new ConsensusOptions());

    [Theory]
    [InlineData(24.9, FutureLiverRemnantVerdict.Inadequate)]
    [InlineData(25, FutureLiverRemnantVerdict.Adequate)]
    [InlineData(25.1, FutureLiverRemnantVerdict.Adequate)]
    [InlineData(0, FutureLiverRemnantVerdict.Inadequate)]
    [InlineData(100, FutureLiverRemnantVerdict.Adequate)]
    public void A_normal_liver_needs_at_least_25_percent(double flr, FutureLiverRemnantVerdict expected)
    {
        var assessment = Assess((decimal)flr, chemotherapy: false);

        Assert.Equal(expected, assessment.Verdict);
        Assert.Equal(LiverBackground.Normal, assessment.Background);
        Assert.Equal(expected == FutureLiverRemnantVerdict.Adequate, assessment.Caution is null);
        Assert.Empty(assessment.ToComplete);
    }

    [Theory]
    [InlineData(24.9, FutureLiverRemnantVerdict.Inadequate)]
    [InlineData(29.9, FutureLiverRemnantVerdict.Inadequate)]
    [InlineData(30, FutureLiverRemnantVerdict.NeedsEvaluation)]
    [InlineData(35, FutureLiverRemnantVerdict.NeedsEvaluation)]
    [InlineData(40, FutureLiverRemnantVerdict.NeedsEvaluation)]
    [InlineData(40.1, FutureLiverRemnantVerdict.Adequate)]
    public void After_extensive_chemotherapy_below_30_is_inadequate_and_30_to_40_needs_evaluation(double flr, FutureLiverRemnantVerdict expected)
    {
        var assessment = Assess((decimal)flr, chemotherapy: true);

        Assert.Equal(expected, assessment.Verdict);
        Assert.Equal(LiverBackground.AfterExtensiveChemotherapy, assessment.Background);
        Assert.Equal(expected == FutureLiverRemnantVerdict.Adequate, assessment.Caution is null);
    }

    [Fact]
    public void The_evaluation_band_names_the_hypertrophy_techniques()
    {
        var assessment = Assess(35m, chemotherapy: true);

        Assert.Contains("underlying liver dysfunction", assessment.Caution);
        Assert.Contains("portal vein embolisation", assessment.Caution);
        Assert.Contains("hepatic vein deprivation", assessment.Caution);
        Assert.Contains("ALPPS", assessment.Caution);
        Assert.Equal("needs-evaluation", assessment.Findings[0].Value);
    }

    [Theory]
    [InlineData(24.9, FutureLiverRemnantVerdict.Inadequate, false)]
    [InlineData(25, FutureLiverRemnantVerdict.Inadequate, true)]
    [InlineData(29.9, FutureLiverRemnantVerdict.Inadequate, true)]
    [InlineData(30, FutureLiverRemnantVerdict.NeedsEvaluation, true)]
    [InlineData(40, FutureLiverRemnantVerdict.NeedsEvaluation, true)]
    [InlineData(40.1, FutureLiverRemnantVerdict.Adequate, false)]
    public void Unknown_chemotherapy_history_is_judged_by_the_stricter_thresholds_and_gives_both_readings(double flr, FutureLiverRemnantVerdict expected, bool readingsDiffer)
    {
        var assessment = Assess((decimal)flr, chemotherapy: null);

        Assert.Equal(expected, assessment.Verdict);
        Assert.Equal(LiverBackground.ChemotherapyHistoryUnknown, assessment.Background);
        Assert.Equal(new[] { FactNames.ExtensivePriorChemotherapy }, assessment.ToComplete);
        Assert.Equal("unknown", assessment.Findings[1].Value);
        Assert.DoesNotContain("after extensive chemotherapy (chemotherapy history unknown", assessment.Sentence);
        if (readingsDiffer)
        {
            Assert.Contains("if the patient has had extensive chemotherapy", assessment.Sentence);
            Assert.Contains("with a normal liver it is adequate (≥ 25%", assessment.Sentence);
            Assert.StartsWith("If the patient has had extensive chemotherapy", assessment.Caution);
            Assert.Contains("with a normal liver it is adequate", assessment.Caution);
            Assert.Contains("record whether the patient had extensive prior chemotherapy", assessment.Caution);
            Assert.Contains("if the patient has had extensive chemotherapy", assessment.Conclusion);
            Assert.Contains("with a normal liver it is adequate", assessment.Conclusion);
        }
        else
        {
            Assert.Contains("whatever the chemotherapy history", assessment.Sentence);
        }
    }

    [Theory]
    [InlineData(29.9, true)]
    [InlineData(25, true)]
    [InlineData(26, null)]
    public void Reading_25_to_30_percent_after_chemotherapy_as_inadequate_is_labelled_as_this_librarys(double flr, bool? chemotherapy)
    {
        var assessment = Assess((decimal)flr, chemotherapy);

        Assert.Equal(FutureLiverRemnantVerdict.Inadequate, assessment.Verdict);
        Assert.Contains("inadequate by this library's reading of section 3.7", assessment.Sentence);
        Assert.DoesNotContain("docs/", assessment.Sentence + assessment.Caution + assessment.Conclusion + assessment.Findings[1].Sentence);
        Assert.Contains("this library's", assessment.Caution);
        Assert.Contains("by this library's reading of section 3.7", assessment.Conclusion);
    }

    [Fact]
    public void The_history_finding_labels_the_30_percent_floor_as_this_librarys_reading()
    {
        var assessment = Assess(35m, chemotherapy: true);

        Assert.Equal(
            "Extensive prior chemotherapy: 30–40% needs thorough evaluation for underlying liver dysfunction (section 3.7); below 25% is inadequate even for a normal liver (section 3.7), and 25–30% is inadequate by this library's reading of section 3.7.",
            assessment.Findings[1].Sentence);
    }

    [Theory]
    [InlineData(22)]
    [InlineData(24.9)]
    public void Below_the_normal_liver_cutoff_after_extensive_chemotherapy_is_inadequate_by_the_paper_not_the_librarys_reading(double flr)
    {
        // Section 3.7: "the optimal cutoff for patients with a normal background liver appears to be in the range of 25%";
        // after extensive chemotherapy the liver is no better, so below 25% the paper itself makes the remnant inadequate.
        var assessment = Assess((decimal)flr, chemotherapy: true);

        Assert.Equal(FutureLiverRemnantVerdict.Inadequate, assessment.Verdict);
        Assert.DoesNotContain("this library", assessment.Sentence + assessment.Caution + assessment.Conclusion);
        Assert.DoesNotContain("only says", assessment.Caution);
        Assert.Contains("below the 25% cutoff that section 3.7 gives even for a normal background liver", assessment.Caution);
        Assert.Equal("the estimated remnant is below the 25% cutoff even for a normal liver, inadequate", assessment.Conclusion);
        Assert.Equal("25 %", assessment.Findings[0].Threshold);
    }

    [Fact]
    public void Below_the_normal_liver_cutoff_the_paper_reading_needs_no_library_label()
    {
        var assessment = Assess(20m, chemotherapy: false);

        Assert.DoesNotContain("this library's reading", assessment.Sentence);
        Assert.Equal("the estimated remnant is below the 25% cutoff for a normal liver, inadequate", assessment.Conclusion);
    }

    [Fact]
    public void An_unmeasured_remnant_is_reported_as_not_measured_with_what_to_complete()
    {
        var assessment = Assess(null, chemotherapy: null);

        Assert.Equal(FutureLiverRemnantVerdict.NotMeasured, assessment.Verdict);
        Assert.Null(assessment.Percent);
        Assert.Equal(new[] { FactNames.FutureLiverRemnantPercent, FactNames.ExtensivePriorChemotherapy }, assessment.ToComplete);
        Assert.NotNull(assessment.Caution);
    }

    [Fact]
    public void The_normal_liver_cutoff_follows_the_option()
    {
        var options = new ConsensusOptions { NormalLiverMinimumFlrPercent = 20m };

        Assert.Equal(FutureLiverRemnantVerdict.Adequate, Assess(20m, false, options).Verdict);
        Assert.Equal(FutureLiverRemnantVerdict.Inadequate, Assess(19.9m, false, options).Verdict);
        Assert.Contains("20%", Assess(19.9m, false, options).Sentence);
    }

    [Fact]
    public void The_post_chemotherapy_floor_and_ceiling_follow_the_options()
    {
        var options = new ConsensusOptions { ChemotherapyLiverMinimumFlrPercent = 35m, ChemotherapyLiverEvaluationCeilingFlrPercent = 50m };

        Assert.Equal(FutureLiverRemnantVerdict.Inadequate, Assess(34.9m, true, options).Verdict);
        Assert.Equal(FutureLiverRemnantVerdict.NeedsEvaluation, Assess(35m, true, options).Verdict);
        Assert.Equal(FutureLiverRemnantVerdict.NeedsEvaluation, Assess(50m, true, options).Verdict);
        Assert.Equal(FutureLiverRemnantVerdict.Adequate, Assess(50.1m, true, options).Verdict);
        Assert.Contains("35–50%", Assess(45m, true, options).Sentence);
    }

    [Fact]
    public void A_null_plan_or_options_is_a_caller_bug()
    {
        Assert.Throws<System.ArgumentNullException>(() => FutureLiverRemnantAssessment.Assess(null!, new ConsensusOptions()));
        Assert.Throws<System.ArgumentNullException>(() => FutureLiverRemnantAssessment.Assess(new LiverSurgeryPlan(), null!));
    }
}
