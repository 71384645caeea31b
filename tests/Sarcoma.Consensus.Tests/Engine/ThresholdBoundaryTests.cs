using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Remetastasectomy;
using Sarcoma.Consensus.Tests.Support;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// Every threshold of the table in <c>docs/clinical-decisions.md</c> ("Thresholds") at value − 1, value and value + 1
/// (days, months or units), with the consensus defaults. Each test is named in the table's last column.
/// </summary>
public sealed class ThresholdBoundaryTests
{
    [Theory]
    [InlineData(-1, MetastasisTiming.Synchronous)]  // a day inside six months
    [InlineData(0, MetastasisTiming.Synchronous)]   // exactly six months: "within six months" (2.1)
    [InlineData(1, MetastasisTiming.Metachronous)]  // "more than 6 months" (2.2)
    public void Synchronous_window_of_six_months(int daysFromSixMonths, MetastasisTiming expected)
    {
        var diagnosed = new LocalDate(2024, 1, 15);
        var context = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: diagnosed)
            .MetastasesDetectedOn(diagnosed.PlusMonths(6).PlusDays(daysFromSixMonths))
            .Context();

        Assert.Equal(expected, context.Timing.Timing);
    }

    /// <summary>
    /// Metastases detected exactly six months after the primary diagnosis: 2.1 ("within six months thereafter") and 8.1
    /// ("DFI ≥ 6 months") disagree. The engine classifies the day once (<see cref="ConsensusOptions.AtWindowBoundary"/>,
    /// default synchronous) and 2.1, 2.2, 8.1 and 8.2 all follow that one classification, at −1, 0 and +1 day, each
    /// applicable result at the boundary carrying the caution that names the conflict.
    /// </summary>
    [Theory]
    [InlineData(-1, BoundaryTiming.Synchronous, true)]
    [InlineData(0, BoundaryTiming.Synchronous, true)]
    [InlineData(1, BoundaryTiming.Synchronous, false)]
    [InlineData(-1, BoundaryTiming.Metachronous, true)]
    [InlineData(0, BoundaryTiming.Metachronous, false)]
    [InlineData(1, BoundaryTiming.Metachronous, false)]
    public void Six_month_boundary_is_read_alike_by_2_1_2_2_8_1_and_8_2(int daysFromSixMonths, BoundaryTiming atBoundary, bool synchronous)
    {
        var diagnosed = new LocalDate(2021, 3, 1);
        var patient = Vignettes.MetachronousLiverOnlyOmd()
            .MetastasesDetectedOn(diagnosed.PlusMonths(6).PlusDays(daysFromSixMonths))
            .Build();
        var report = new ConsensusEngine(new ConsensusOptions { AtWindowBoundary = atBoundary }).Evaluate(patient, Vignettes.AsOf);

        var (yes, no) = (EvaluationStatus.Applies, EvaluationStatus.DoesNotApply);
        Assert.Equal(synchronous ? yes : no, report["2.1"]!.Status);
        Assert.Equal(synchronous ? no : yes, report["2.2"]!.Status);
        Assert.Equal(synchronous ? yes : no, report["8.2"]!.Status);
        Assert.Equal(synchronous ? no : yes, report["8.1"]!.Status);
        Assert.Equal(synchronous ? MetastasisTiming.Synchronous : MetastasisTiming.Metachronous, report.Timing!.Timing);
        foreach (var id in new[] { "2.1", "2.2", "8.1", "8.2" }.Where(id => report[id]!.Status == yes))
        {
            Assert.Equal(daysFromSixMonths == 0, report[id]!.Cautions.Any(c => c.StartsWith("Detection falls exactly on the 6-month boundary", System.StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Lesions_without_a_detection_date_get_the_staging_caution_that_their_date_is_unknown()
    {
        // Issue #7, fifth read: unknown is never "current" — a record without a detection date read as staged today.
        var context = Vignettes.MetachronousLiverOnlyOmd().MetastasesDetectedOn(null).Context(new LocalDate(2023, 9, 2));

        Assert.Equal("staging.caution.date-unknown", context.StagingAgeCautionMessage?.Code);
        Assert.Contains("is not recorded", context.StagingAgeCaution, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]  // staging of exactly three months is still current
    [InlineData(1, true)]   // older: a caution that OMD and resectability rest on imaging of that time
    public void Staging_older_than_three_months_is_flagged(int daysFromThreeMonths, bool flagged)
    {
        var asOf = new LocalDate(2023, 9, 1).PlusMonths(3).PlusDays(daysFromThreeMonths);

        var context = Vignettes.MetachronousLiverOnlyOmd().Context(asOf);

        Assert.Equal(flagged, context.StagingAgeCaution is not null);
        Assert.Equal(flagged, new Sarcoma.Consensus.Oligometastasis.OligometastaticDiseaseEvaluator().Evaluate(context).Cautions.Any(c => c.Contains("section 3.1", System.StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(89, true)]
    [InlineData(90, true)]
    [InlineData(91, false)]
    public void Detection_before_diagnosis_tolerance_of_90_days(int daysBefore, bool valid)
    {
        var diagnosed = new LocalDate(2024, 6, 3);
        var patient = Patient.Builder().WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: diagnosed).Build();
        patient = patient with { Metastases = new MetastaticDisease { DetectedOn = diagnosed.PlusDays(-daysBefore) } };

        Assert.Equal(valid, PatientValidator.Validate(patient, Vignettes.AsOf).Count == 0);
    }

    [Theory]
    [InlineData(4, TriState.Yes)]
    [InlineData(5, TriState.Yes)]
    [InlineData(6, TriState.No)]
    public void OMD_of_at_most_five_lesions(int lesions, TriState expected)
    {
        var builder = Vignettes.MetachronousLiverOnlyOmd().AddLesions(lesions - 2, MetastaticSite.Liver, 15, l => l.Resectable());

        Assert.Equal(expected, builder.Context().Oligometastatic.Status);
    }

    [Theory]
    [InlineData(1, TriState.Yes)]
    [InlineData(2, TriState.Yes)]
    [InlineData(3, TriState.No)]
    public void OMD_of_at_most_two_organ_sites(int sites, TriState expected)
    {
        var builder = Vignettes.MetachronousLiverOnlyOmd();
        if (sites >= 2)
        {
            builder.AddLesion(MetastaticSite.Lung, 10, l => l.Resectable());
        }

        if (sites >= 3)
        {
            builder.AddLesion(MetastaticSite.Adrenal, 20, l => l.Resectable());
        }

        Assert.Equal(expected, builder.Context().Oligometastatic.Status);
    }

    [Theory]
    [InlineData(-1, TriState.No)]   // 59 months and 30 days
    [InlineData(0, TriState.Yes)]   // exactly 60 months: "at least"
    [InlineData(1, TriState.Yes)]
    public void Long_DFI_of_sixty_months_makes_the_origin_uncertain(int daysFromSixtyMonths, TriState expected)
    {
        var diagnosed = new LocalDate(2019, 1, 15);
        var context = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: diagnosed)
            .MetastasesDetectedOn(diagnosed.PlusMonths(60).PlusDays(daysFromSixtyMonths))
            .AddLesion(MetastaticSite.Liver, 20)
            .NoPreviousLiverResection()
            .WithOriginUncertainty(false, false, false)
            .Context();

        Assert.Equal(expected, OriginUncertaintyAssessment.Assess(context).Status);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]  // "DFI > 6 months": exactly six is not favourable
    [InlineData(1, true)]
    public void Favourable_DFI_longer_than_six_months(int daysFromSixMonths, bool favourable)
    {
        var diagnosed = new LocalDate(2023, 1, 16);
        var context = Vignettes.MetachronousLiverAndLungOmd()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: diagnosed, grade: HistologicGrade.G2)
            .Resected(on: diagnosed.PlusDays(20))
            .MetastasesDetectedOn(diagnosed.PlusMonths(6).PlusDays(daysFromSixMonths))
            .Context();
        var builder = new ResultBuilder(Sarcoma.Consensus.Catalog.RecommendationCatalog.Get("5.4"));

        var notFavourable = PrognosticProfile.RecordFactors(context, builder, extrahepaticIsUnfavourable: false);

        Assert.Equal(favourable, !notFavourable.Any(n => n.Text.Contains("DFI", System.StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0, EvaluationStatus.Applies)]
    [InlineData(1, EvaluationStatus.Applies)]       // good performance status is ECOG 0–1
    [InlineData(2, EvaluationStatus.DoesNotApply)]
    public void Good_performance_status_of_ECOG_at_most_1_for_9_1(int ecog, EvaluationStatus expected)
    {
        var result = new LiverRemetastasectomyEvaluator().Evaluate(Vignettes.LiverRecurrenceAfterResection().WithPerformanceStatus(ecog));

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData(2, TriState.Yes)]
    [InlineData(3, TriState.No)]   // ECOG 3 or more precludes surgery
    [InlineData(4, TriState.No)]
    public void ECOG_of_3_or_more_precludes_surgery(int ecog, TriState candidate)
    {
        Assert.Equal(candidate, LiverResectionCandidacy.Assess(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(ecog).Context()).Candidate);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]   // ASA III or higher: a caution
    [InlineData(4, true)]
    public void ASA_class_III_or_more_is_a_caution(int asa, bool caution)
    {
        var candidacy = LiverResectionCandidacy.Assess(Vignettes.MetachronousLiverOnlyOmd().WithAsaClass(asa).Context());

        Assert.Equal(caution, candidacy.Cautions.Any(c => c.StartsWith("ASA physical status", System.StringComparison.Ordinal)));
        Assert.Equal(TriState.Yes, candidacy.Candidate);
    }

    [Theory]
    [InlineData(-1, TreatmentFreeIntervalPosition.BelowRange)]
    [InlineData(0, TreatmentFreeIntervalPosition.BelowRange)]   // "longer than 12": exactly 12 is not
    [InlineData(1, TreatmentFreeIntervalPosition.WithinRange)]
    public void TFI_longer_than_twelve_months(int daysFromTwelveMonths, TreatmentFreeIntervalPosition expected) =>
        Assert.Equal(expected, PlaceTfi(12, daysFromTwelveMonths));

    [Theory]
    [InlineData(-1, TreatmentFreeIntervalPosition.WithinRange)]
    [InlineData(0, TreatmentFreeIntervalPosition.WithinRange)]  // 18 months is still inside "12–18 months"
    [InlineData(1, TreatmentFreeIntervalPosition.AboveRange)]
    public void TFI_longer_than_eighteen_months(int daysFromEighteenMonths, TreatmentFreeIntervalPosition expected) =>
        Assert.Equal(expected, PlaceTfi(18, daysFromEighteenMonths));

    [Theory]
    [InlineData(4, EvaluationStatus.Applies)]
    [InlineData(5, EvaluationStatus.Applies)]   // "limited" read as at most five liver lesions
    [InlineData(6, EvaluationStatus.DoesNotApply)]
    public void Limited_liver_metastases_of_at_most_five_for_10_2(int lesions, EvaluationStatus expected)
    {
        var builder = Vignettes.UnresectableLiverDiseaseOnChemotherapy().AddLesions(lesions - 3, MetastaticSite.Liver, 8, l => l.Symptomatic(false));

        Assert.Equal(expected, new DominantLesionFocalTherapyEvaluator().Evaluate(builder).Status);
    }

    [Theory]
    [InlineData(999, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void At_most_1000_listed_lesions(int count, bool valid)
    {
        var patient = Patient.Builder().WithPrimary(Histology.Leiomyosarcoma).Build();
        patient = patient with
        {
            Metastases = new MetastaticDisease { Lesions = Enumerable.Repeat(new Lesion { Site = MetastaticSite.Lung }, count).ToArray() },
        };

        Assert.Equal(valid, PatientValidator.Validate(patient).Count == 0);
    }

    [Theory]
    [InlineData(23, FollowUpPhase.FirstTwoYears)]
    [InlineData(24, FollowUpPhase.FirstTwoYears)]   // every 3–4 months "for the first 2 postoperative years"
    [InlineData(25, FollowUpPhase.ThroughYearFive)]
    public void First_follow_up_phase_ends_at_24_months(int month, FollowUpPhase expected) =>
        Assert.Equal(expected, PhaseAt(month));

    [Theory]
    [InlineData(59, FollowUpPhase.ThroughYearFive)]
    [InlineData(60, FollowUpPhase.ThroughYearFive)]  // every 6 months "through the end of the fifth year"
    [InlineData(61, FollowUpPhase.Annual)]
    public void Second_follow_up_phase_ends_at_60_months(int month, FollowUpPhase expected) =>
        Assert.Equal(expected, PhaseAt(month));

    [Fact]
    public void Biopsy_core_count_and_gauge_are_stated_not_compared()
    {
        Assert.Equal(4, BiopsyPlan.MinimumCoreCount);
        Assert.Equal("14–16 G", BiopsyPlan.GaugeRange);
    }

    private static TreatmentFreeIntervalPosition PlaceTfi(int months, int days)
    {
        var ended = new LocalDate(2022, 3, 15);
        var patient = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new LocalDate(2019, 1, 7))
            .AddLiverResection(new LocalDate(2022, 3, 15))
            .LastTreatmentEndedOn(ended)
            .MetastasesDetectedOn(ended.PlusMonths(months).PlusDays(days))
            .AddLesion(MetastaticSite.Liver, 20)
            .Build();
        return RemetastasectomyWindow.Assess(IntervalAssessment.TreatmentFree(patient), new ConsensusOptions()).Position;
    }

    /// <summary>The phase that covers a given month after surgery: the phase of the visit due that month, or of the next one.</summary>
    private static FollowUpPhase PhaseAt(int month)
    {
        var schedule = FollowUpSchedule.Create(new LocalDate(2020, 1, 10), new ConsensusOptions());
        return schedule.Visits.First(v => v.MonthsAfterSurgery >= month).Phase;
    }
}
