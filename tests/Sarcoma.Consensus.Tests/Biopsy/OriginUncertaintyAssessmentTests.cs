using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Biopsy;

/// <summary>Whether the origin of the liver lesions is uncertain (3.1 examples, 4.2), including the long-DFI boundary.</summary>
public sealed class OriginUncertaintyAssessmentTests
{
    private static readonly LocalDate Diagnosed = new(2019, 1, 15);

    private static PatientBuilder DetectedOn(string detected) =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: Diagnosed)
            .MetastasesDetectedOn(LocalDatePattern.Iso.Parse(detected).Value)
            .AddLesion(MetastaticSite.Liver, sizeMm: 20)
            .NoPreviousLiverResection()
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false);

    private static readonly LocalDate Resected = new(2019, 3, 31);

    /// <summary>A liver recurrence after a metastasectomy on 2019-03-31; the DFI from the primary (2012) is long whatever the date.</summary>
    private static PatientBuilder RecurrenceDetectedOn(string detected) =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new LocalDate(2012, 1, 16))
            .AddLiverResection(Resected)
            .MetastasesDetectedOn(LocalDatePattern.Iso.Parse(detected).Value)
            .AddLesion(MetastaticSite.Liver, sizeMm: 20)
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false);

    [Theory]
    [InlineData("2020-01-15", TriState.No)]    // 12 months: a DFI section 3.8 calls favourable, not suspicious
    [InlineData("2023-12-15", TriState.No)]    // 59 months
    [InlineData("2024-01-14", TriState.No)]    // 59 months and 30 days
    [InlineData("2024-01-15", TriState.Yes)]   // exactly 60 months: "at least" 60
    [InlineData("2024-02-15", TriState.Yes)]   // 61 months
    public void A_DFI_of_at_least_sixty_months_makes_the_origin_uncertain_by_default(string detected, TriState expected)
    {
        var origin = OriginUncertaintyAssessment.Assess(DetectedOn(detected).Context());

        Assert.Equal(expected, origin.Status);
        Assert.Empty(origin.Missing);
    }

    [Theory]
    [InlineData(12, "2020-01-15", TriState.Yes)]   // 12 months meets a lowered 12-month threshold
    [InlineData(18, "2020-01-15", TriState.No)]    // 12 months is short against 18
    [InlineData(18, "2020-07-14", TriState.No)]    // a day under 18 months
    [InlineData(18, "2020-07-15", TriState.Yes)]   // exactly 18 months
    public void The_long_DFI_threshold_follows_the_option(int months, string detected, TriState expected)
    {
        var options = new ConsensusOptions { LongDiseaseFreeIntervalMonths = months };

        var origin = OriginUncertaintyAssessment.Assess(DetectedOn(detected).Context(options: options));

        Assert.Equal(expected, origin.Status);
    }

    [Fact]
    public void A_long_DFI_is_named_as_the_reason()
    {
        var origin = OriginUncertaintyAssessment.Assess(DetectedOn("2024-01-15").Context());

        var reason = Assert.Single(origin.Reasons);
        Assert.Equal("a long disease-free interval of 60 months (at least 60 months, this library's reading of 3.1's \"long DFI\")", reason);
        Assert.Equal(OriginUncertaintyAssessment.ConceptName, origin.Findings[0].Fact);
        Assert.Equal("yes", origin.Findings[0].Value);
    }

    [Theory]
    [InlineData(true, false, false, FactNames.HccRiskFactors)]
    [InlineData(false, true, false, FactNames.ColorectalCancerHistory)]
    [InlineData(false, false, true, FactNames.OtherCancerHistory)]
    public void Each_risk_factor_alone_makes_the_origin_uncertain(bool hcc, bool colorectal, bool other, string fact)
    {
        var origin = OriginUncertaintyAssessment.Assess(DetectedOn("2020-06-01")
            .WithOriginUncertainty(hcc, colorectal, other).Context());

        Assert.Equal(TriState.Yes, origin.Status);
        Assert.Single(origin.Reasons);
        Assert.Contains(origin.Findings, f => f.Fact == fact && f.Value == "yes");
    }

    [Fact]
    public void Unrecorded_risk_factors_are_not_read_as_absent()
    {
        var origin = OriginUncertaintyAssessment.Assess(DetectedOn("2020-06-01")
            .WithOriginUncertainty(hccRiskFactors: false).Context());

        Assert.Equal(TriState.Unknown, origin.Status);
        Assert.Equal(new[] { FactNames.ColorectalCancerHistory, FactNames.OtherCancerHistory }, origin.Missing);
        Assert.Contains(origin.Findings, f => f.Fact == FactNames.OtherCancerHistory && f.Value == "unknown");
    }

    [Fact]
    public void An_unknown_DFI_names_the_missing_dates()
    {
        var patient = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma)
            .AddLesion(MetastaticSite.Liver, sizeMm: 20)
            .NoPreviousLiverResection()
            .WithOriginUncertainty(false, false, false);

        var origin = OriginUncertaintyAssessment.Assess(patient.Context());

        Assert.Equal(TriState.Unknown, origin.Status);
        Assert.Equal(new[] { FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn }, origin.Missing);
        Assert.DoesNotContain("primary.diagnosedOn", origin.Findings[0].Sentence);
        Assert.Contains("the date of the primary diagnosis and the date the metastases were detected are not recorded", origin.Findings[0].Sentence);
    }

    // A liver recurrence after a previous liver resection: the interval since the latest metastasectomy, not the DFI.

    [Theory]
    [InlineData("2019-11-30", TriState.No)]    // 8 months
    [InlineData("2024-03-30", TriState.No)]    // 59 months and 30 days
    [InlineData("2024-03-31", TriState.Yes)]   // exactly 60 months: "at least" 60
    [InlineData("2024-05-02", TriState.Yes)]   // 61 months
    public void For_a_liver_recurrence_the_interval_since_the_latest_metastasectomy_decides_not_the_DFI(string detected, TriState expected)
    {
        var context = RecurrenceDetectedOn(detected).Context();

        var origin = OriginUncertaintyAssessment.Assess(context);

        Assert.True(context.IsLiverRecurrence);
        Assert.Null(context.DiseaseFreeInterval.CompletedMonths); // the first relapse preceded the metastasectomy: not counted to this one
        Assert.Equal(expected, origin.Status);
        var interval = Assert.Single(origin.Findings, f => f.Fact == OriginUncertaintyAssessment.IntervalSinceMetastasectomyName);
        Assert.Contains("after the latest liver metastasectomy", interval.Sentence);
        Assert.Contains("not the DFI from the primary", interval.Sentence);
    }

    [Theory]
    [InlineData("2016-09-14", TriState.Yes)] // both resections dated: a recurrence 89 months after the latest
    [InlineData(null, TriState.Unknown)]      // one undated: perhaps not a recurrence (short DFI), perhaps a long one
    public void An_undated_second_resection_never_turns_a_long_interval_since_metastasectomy_into_no_doubt(string? second, TriState expected)
    {
        // Monotonicity (found by the property tests): primary 2016-09-04, its first relapse resected in the liver 11 days
        // later, lesions found 2024-02-29. The DFI is short, but the time since the metastasectomy is long.
        var patient = Patient.Builder()
            .WithPrimary(Histology.AlveolarSoftPartSarcoma, diagnosedOn: new LocalDate(2016, 9, 4))
            .AddLiverResection(new LocalDate(2016, 9, 15), ResectionMargin.R0)
            .AddLiverResection(second is null ? null : LocalDatePattern.Iso.Parse(second).Value, ResectionMargin.R1)
            .MetastasesDetectedOn(new LocalDate(2024, 2, 29))
            .AddLesion(MetastaticSite.Liver, sizeMm: 36)
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false);

        var origin = OriginUncertaintyAssessment.Assess(patient.Context(new LocalDate(2024, 2, 29)));

        Assert.Equal(expected, origin.Status);
        if (expected == TriState.Unknown)
        {
            Assert.Contains(FactNames.LiverResectionPerformedOn, origin.Missing);
        }
    }

    [Fact]
    public void An_undated_resection_does_not_matter_when_the_latest_dated_one_is_recent()
    {
        var patient = Patient.Builder()
            .WithPrimary(Histology.AlveolarSoftPartSarcoma, diagnosedOn: new LocalDate(2016, 9, 4))
            .AddLiverResection(new LocalDate(2016, 9, 15), ResectionMargin.R0)
            .AddLiverResection(new LocalDate(2023, 6, 1), ResectionMargin.R0)
            .AddLiverResection(null)
            .MetastasesDetectedOn(new LocalDate(2024, 2, 29))
            .AddLesion(MetastaticSite.Liver, sizeMm: 36)
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false);

        Assert.Equal(TriState.No, OriginUncertaintyAssessment.Assess(patient.Context(new LocalDate(2024, 2, 29))).Status);
    }

    [Fact]
    public void A_recurrence_long_after_the_metastasectomy_is_named_as_such()
    {
        var origin = OriginUncertaintyAssessment.Assess(RecurrenceDetectedOn("2024-05-02").Context());

        Assert.Equal("a long interval of 61 months and 2 days since the latest liver metastasectomy (at least 60 months, this library's reading of 3.1's \"long DFI\")", Assert.Single(origin.Reasons));
    }

    [Fact]
    public void The_latest_of_several_metastasectomies_is_the_one_counted()
    {
        var origin = OriginUncertaintyAssessment.Assess(RecurrenceDetectedOn("2024-05-02").AddLiverResection(new LocalDate(2023, 8, 1)).Context());

        Assert.Equal(TriState.No, origin.Status);
        Assert.Contains(origin.Findings, f => f.Fact == OriginUncertaintyAssessment.IntervalSinceMetastasectomyName && f.Value == "9");
    }

    [Fact]
    public void An_undated_metastasectomy_leaves_the_recurrence_interval_uncounted()
    {
        var patient = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new LocalDate(2019, 1, 15))
            .AddLiverResection(null)
            .MetastasesDetectedOn(new LocalDate(2024, 5, 2))
            .AddLesion(MetastaticSite.Liver, sizeMm: 20)
            .WithOriginUncertainty(false, false, false);

        var origin = OriginUncertaintyAssessment.Assess(patient.Context());

        Assert.Equal(TriState.Unknown, origin.Status);
        Assert.Equal(new[] { FactNames.LiverResectionPerformedOn }, origin.Missing);
    }

    [Fact]
    public void Lesions_that_predate_the_latest_resection_are_timed_by_the_DFI()
    {
        var context = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: Diagnosed)
            .MetastasesDetectedOn(new LocalDate(2025, 2, 15))
            .AddLesion(MetastaticSite.Liver, sizeMm: 20)
            .AddLiverResection(new LocalDate(2025, 3, 20))
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false)
            .Context();

        var origin = OriginUncertaintyAssessment.Assess(context);

        Assert.False(context.IsLiverRecurrence);
        Assert.Equal(TriState.Yes, origin.Status);
        Assert.Contains("disease-free interval", Assert.Single(origin.Reasons));
    }

    [Fact]
    public void A_long_DFI_with_unrecorded_surgical_history_is_not_read_as_deciding()
    {
        var patient = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: Diagnosed)
            .MetastasesDetectedOn(new LocalDate(2025, 2, 15))
            .AddLesion(MetastaticSite.Liver, sizeMm: 20)
            .WithOriginUncertainty(false, false, false);

        var origin = OriginUncertaintyAssessment.Assess(patient.Context());

        Assert.Equal(TriState.Unknown, origin.Status);
        Assert.Equal(new[] { FactNames.PreviousLiverResection }, origin.Missing);
    }

    [Fact]
    public void A_short_DFI_is_short_whatever_the_surgical_history()
    {
        var patient = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: Diagnosed)
            .MetastasesDetectedOn(new LocalDate(2023, 12, 15))
            .AddLesion(MetastaticSite.Liver, sizeMm: 20)
            .WithOriginUncertainty(false, false, false);

        var origin = OriginUncertaintyAssessment.Assess(patient.Context());

        Assert.Equal(TriState.No, origin.Status);
        Assert.Empty(origin.Missing);
    }

    [Fact]
    public void A_known_reason_decides_even_when_other_facts_are_missing()
    {
        var patient = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma)
            .AddLesion(MetastaticSite.Liver, sizeMm: 20)
            .WithOriginUncertainty(colorectalCancerHistory: true);

        var origin = OriginUncertaintyAssessment.Assess(patient.Context());

        Assert.Equal(TriState.Yes, origin.Status);
        Assert.Contains(FactNames.HccRiskFactors, origin.Missing);
        Assert.Contains(FactNames.PrimaryDiagnosedOn, origin.Missing);
    }

    [Fact]
    public void The_DFI_from_the_primary_never_makes_a_recurrence_after_a_liver_metastasectomy_uncertain()
    {
        // Seven years from the primary, 8 months from the metastasectomy: the lesions follow proven sarcoma liver metastases.
        var context = RecurrenceDetectedOn("2019-11-30").Context();

        var origin = OriginUncertaintyAssessment.Assess(context);

        Assert.Equal(new NodaTime.LocalDate(2019, 3, 31), context.DiseaseFreeInterval.FirstRelapseBefore);
        Assert.Equal(TriState.No, origin.Status);
        Assert.DoesNotContain(origin.Findings, f => f.Fact == OriginUncertaintyAssessment.DiseaseFreeIntervalName);
    }

    [Fact]
    public void A_long_DFI_beside_an_undated_resection_is_not_read_as_deciding()
    {
        var patient = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: Diagnosed)
            .AddLiverResection(null)
            .MetastasesDetectedOn(new LocalDate(2025, 2, 15))
            .AddLesion(MetastaticSite.Liver, sizeMm: 20)
            .WithOriginUncertainty(false, false, false);

        var origin = OriginUncertaintyAssessment.Assess(patient.Context());

        Assert.Equal(TriState.Unknown, origin.Status);
        Assert.Equal(new[] { FactNames.LiverResectionPerformedOn }, origin.Missing);
    }
}
