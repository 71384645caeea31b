using System;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Model;

/// <summary>
/// Every date must be a plausible clinical date (an option, 1950-01-01 to 2099-12-31 by default): registry sentinels and
/// signed years are validation errors naming the field, and no date the validator lets through can overflow the engine.
/// </summary>
public sealed class PlausibleDateTests
{
    public static TheoryData<int, int, int> Implausible() => new()
    {
        { 1, 1, 1 },       // 0001-01-01: the .NET and SQL "minimum date"
        { 1753, 1, 1 },    // SQL Server datetime minimum
        { 1899, 12, 30 },  // the OLE Automation / spreadsheet day zero
        { 1900, 1, 1 },    // how many registries write "unknown"
        { 1949, 12, 31 },  // the day before the default range
        { 2100, 1, 1 },    // the day after the default range
        { 9999, 12, 31 },  // "open-ended" sentinel, the last day of the calendar
        { -2022, 3, 14 },  // a signed year
        { 0, 6, 1 },       // year zero
    };

    public static TheoryData<string> DateFields() => new()
    {
        FactNames.PrimaryDiagnosedOn, FactNames.PrimaryResectedOn, FactNames.MetastasesDetectedOn, FactNames.LastTreatmentEndedOn,
        "treatment.liverResections[0].performedOn",
    };

    [Theory]
    [MemberData(nameof(Implausible))]
    public void An_implausible_diagnosis_date_is_an_error_naming_the_field_and_not_its_value(int year, int month, int day)
    {
        var builder = Vignettes.MetachronousLiverOnlyOmd().WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, new LocalDate(year, month, day));

        var error = Assert.Throws<PatientValidationException>(() => builder.Build());

        var only = Assert.Single(error.Errors);
        Assert.Equal(FactNames.PrimaryDiagnosedOn, only.Field);
        Assert.Contains("plausible range", only.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DateFields))]
    public void Every_date_field_is_checked(string field)
    {
        var sentinel = new LocalDate(1900, 1, 1);
        var patient = Vignettes.MetachronousLiverOnlyOmd().Build();
        patient = field switch
        {
            FactNames.PrimaryDiagnosedOn => patient with { Primary = patient.Primary! with { DiagnosedOn = sentinel } },
            FactNames.PrimaryResectedOn => patient with { Primary = patient.Primary! with { ResectedOn = sentinel } },
            FactNames.MetastasesDetectedOn => patient with { Metastases = patient.Metastases! with { DetectedOn = sentinel } },
            FactNames.LastTreatmentEndedOn => patient with { Treatment = patient.Treatment with { LastTreatmentEndedOn = sentinel } },
            _ => patient with
            {
                Treatment = patient.Treatment with
                {
                    PreviousLiverResection = true,
                    LiverResections = new[] { new LiverResection { PerformedOn = sentinel } },
                },
            },
        };

        var errors = PatientValidator.Validate(patient, Vignettes.AsOf);

        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void A_sentinel_diagnosis_never_makes_a_synchronous_patient_metachronous()
    {
        var builder = Vignettes.SynchronousOmdOnInduction().WithPrimary(Histology.Leiomyosarcoma, PrimarySite.IntraAbdominalVisceral, new LocalDate(1900, 1, 1), HistologicGrade.G3);

        Assert.Throws<PatientValidationException>(() => builder.Build());
        var patient = new Patient { Primary = new PrimaryTumor { Histology = Histology.Leiomyosarcoma, DiagnosedOn = new LocalDate(1900, 1, 1) } };
        Assert.Equal(FactNames.PrimaryDiagnosedOn, Assert.Single(Assert.Throws<PatientValidationException>(() => ConsensusEngine.Default.Evaluate(patient, Vignettes.AsOf)).Errors).Field);
    }

    [Theory]
    [MemberData(nameof(Implausible))]
    public void An_implausible_evaluation_date_is_an_error_naming_asOf(int year, int month, int day)
    {
        var patient = new Patient { Primary = new PrimaryTumor { Histology = Histology.Leiomyosarcoma } };

        var error = Assert.Throws<PatientValidationException>(() => ConsensusEngine.Default.Evaluate(patient, new LocalDate(year, month, day)));

        Assert.Equal(FactNames.AsOf, Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Dates_in_another_calendar_are_rejected_instead_of_throwing_when_compared()
    {
        var julian = new LocalDate(2022, 3, 1, CalendarSystem.Julian);
        var patient = Vignettes.MetachronousLiverOnlyOmd().Build();
        patient = patient with { Primary = patient.Primary! with { DiagnosedOn = julian } };

        var errors = PatientValidator.Validate(patient, new LocalDate(2026, 1, 1, CalendarSystem.Gregorian));

        Assert.Equal(new[] { FactNames.PrimaryDiagnosedOn, FactNames.AsOf }, errors.Select(e => e.Field).ToArray());
        Assert.All(errors, e => Assert.Contains("ISO calendar", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_range_is_an_option_and_the_validator_and_engine_honour_it()
    {
        var options = new ConsensusOptions { EarliestPlausibleDate = new LocalDate(1900, 1, 1) };
        var patient = Vignettes.MetachronousLiverOnlyOmd().Build();
        patient = patient with { Primary = patient.Primary! with { DiagnosedOn = new LocalDate(1940, 5, 1), ResectedOn = null } };

        Assert.Empty(PatientValidator.Validate(patient, Vignettes.AsOf, options));
        Assert.NotEmpty(PatientValidator.Validate(patient, Vignettes.AsOf));
        Assert.Equal(34, new ConsensusEngine(options).Evaluate(patient, Vignettes.AsOf).Results.Count);
        Assert.Throws<PatientValidationException>(() => ConsensusEngine.Default.Evaluate(patient, Vignettes.AsOf));
    }

    [Theory]
    [InlineData(1799, 12, 31, 2099, 12, 31, nameof(ConsensusOptions.EarliestPlausibleDate))]
    [InlineData(1950, 1, 1, 3000, 1, 1, nameof(ConsensusOptions.LatestPlausibleDate))]
    [InlineData(2000, 1, 1, 1999, 12, 31, nameof(ConsensusOptions.LatestPlausibleDate))]
    public void The_range_options_are_validated(int y1, int m1, int d1, int y2, int m2, int d2, string option)
    {
        var options = new ConsensusOptions { EarliestPlausibleDate = new LocalDate(y1, m1, d1), LatestPlausibleDate = new LocalDate(y2, m2, d2) };

        Assert.Equal(option, Assert.Single(options.Validate()).Field);
        Assert.Throws<ArgumentException>(() => new ConsensusEngine(options));
    }

    [Fact]
    public void Dates_at_the_end_of_the_widest_range_with_every_option_at_its_maximum_do_not_overflow()
    {
        var options = new ConsensusOptions
        {
            EarliestPlausibleDate = PatientValidator.EarliestSupportedDate,
            LatestPlausibleDate = PatientValidator.LatestSupportedDate,
            SynchronousWindowMonths = 24,
            RemetastasectomyMinimumTfiMonths = 120,
            RemetastasectomyClearTfiMonths = 120,
            LongDiseaseFreeIntervalMonths = 240,
            FollowUpHorizonYears = 50,
        };
        Assert.Empty(options.Validate());
        var last = PatientValidator.LatestSupportedDate;
        var first = PatientValidator.EarliestSupportedDate;
        var engine = new ConsensusEngine(options);

        foreach (var (diagnosed, detected, resected) in new[] { (last, last, last), (first, last, last), (first, first, first), (last.PlusDays(-1), last, last) })
        {
            var patient = Vignettes.MetachronousLiverOnlyOmd().Build(options) with { };
            patient = patient with
            {
                Primary = patient.Primary! with { DiagnosedOn = diagnosed, ResectedOn = diagnosed },
                Metastases = patient.Metastases! with { DetectedOn = detected },
                Treatment = patient.Treatment with
                {
                    PreviousLiverResection = true,
                    LastTreatmentEndedOn = resected,
                    LiverResections = new[] { new LiverResection { PerformedOn = resected } },
                },
            };

            var report = engine.Evaluate(patient, last);

            Assert.Equal(34, report.Results.Count);
            Assert.All(report.Results, r => Assert.True(Enum.IsDefined(r.Status)));
        }
    }

    [Fact]
    public void Public_entry_points_that_do_date_arithmetic_refuse_implausible_dates_with_a_documented_exception()
    {
        var endOfCalendar = new LocalDate(9999, 12, 1);
        var patient = new Patient
        {
            Primary = new PrimaryTumor { DiagnosedOn = endOfCalendar },
            Metastases = new MetastaticDisease { DetectedOn = endOfCalendar },
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => Sarcoma.Consensus.FollowUp.FollowUpSchedule.Create(endOfCalendar));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sarcoma.Consensus.FollowUp.FollowUpSchedule.Create(new LocalDate(2024, 1, 1), null, new LocalDate(-5, 1, 1)));
        Assert.Throws<PatientValidationException>(() => Sarcoma.Consensus.Timing.TimingAssessment.Assess(patient, new ConsensusOptions()));
        Assert.Equal(19, Sarcoma.Consensus.FollowUp.FollowUpSchedule.Create(PatientValidator.DefaultLatestPlausibleDate).Visits.Count);
    }

    [Fact]
    public void Dates_at_the_edges_of_the_default_range_are_accepted()
    {
        var patient = Vignettes.MetachronousLiverOnlyOmd().Build();
        patient = patient with { Primary = patient.Primary! with { DiagnosedOn = PatientValidator.DefaultEarliestPlausibleDate, ResectedOn = null } };

        Assert.Empty(PatientValidator.Validate(patient, PatientValidator.DefaultLatestPlausibleDate));
        Assert.Equal(EvaluationStatus.Applies, ConsensusEngine.Default.Evaluate(patient, PatientValidator.DefaultLatestPlausibleDate)["2.2"]!.Status);
    }
}
