using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.PropertyTests;

/// <summary>
/// Structured patients and evaluation dates. Every fact is sometimes unknown; lesions number 0–30, sometimes 1,000 or
/// more; dates cluster where calendars bite (month ends, leap days, the six-month window's last day and the days
/// either side of it) and reach the far past and the far future, inside and outside the plausible range. A small share
/// of values is out of range on purpose, so the validator's path is sampled as well.
/// </summary>
internal static class PatientGenerators
{
    private static readonly LocalDate[] EdgeDates =
    {
        PatientValidator.DefaultEarliestPlausibleDate, PatientValidator.DefaultLatestPlausibleDate,
        new(2024, 2, 29), new(2028, 2, 29), new(2000, 2, 29), new(2023, 8, 31), new(2025, 12, 31), new(2026, 1, 31),
        new(2025, 2, 28), new(2026, 11, 30), new(1950, 1, 31), new(2099, 8, 31),
        new(1900, 1, 1), new(1, 1, 1), new(9999, 12, 31), new(1899, 12, 30), new(-2022, 3, 14),
    };

    /// <summary>An evaluation date: mostly recent, sometimes at a calendar edge or the ends of the range.</summary>
    public static readonly Gen<LocalDate> AsOf = Gen.Frequency(
        (8, DayIn(new LocalDate(2015, 1, 1), new LocalDate(2035, 12, 31))),
        (2, Gen.OneOf(EdgeDates.Take(12).ToArray())),
        (1, MonthEnd(2000, 2099)),
        (1, DayIn(PatientValidator.DefaultEarliestPlausibleDate, PatientValidator.DefaultLatestPlausibleDate)));

    /// <summary>A number of days back from a date: often weeks to years, sometimes zero, sometimes a century.</summary>
    public static readonly Gen<int> DaysBack = Gen.Frequency(
        (24, Gen.Int[0, 3_650]),
        (8, Gen.Int[0, 60]),
        (4, Gen.Const(0)),
        (3, Gen.Int[3_650, 20_000]),
        (1, Gen.Int[20_000, 60_000]));

    public static readonly Gen<bool?> Fact = Gen.Bool.Nullable(0.25);

    public static readonly Gen<Histology?> HistologyGen = Gen.Frequency(
        (8, Gen.OneOf(Histology.All.Where(h => h.IsInScope).ToArray())),
        (1, Gen.OneOf(Histology.All.ToArray())),
        (2, Gen.Const((Histology)null!)))
        .Select(h => (Histology?)h);

    public static readonly Gen<decimal?> SizeMm = Gen.Frequency(
        (40, Gen.Int[1, 1_200].Select(i => (decimal?)(i / 10m))),
        (4, Gen.Int[1, 500].Select(i => (decimal?)i)),
        (1, Gen.OneOf<decimal?>(0m, 500m, 500.1m, -1m, 0.1m, 25.50m, 100.000m)),
        (5, Gen.Const((decimal?)null)));

    public static readonly Gen<decimal?> FlrPercent = Gen.Frequency(
        (30, Gen.Int[0, 1_000].Select(i => (decimal?)(i / 10m))),
        (1, Gen.OneOf<decimal?>(25m, 25.0m, 30m, 40m, 40.00m, 100m, 0m, -0.1m, 100.1m)),
        (4, Gen.Const((decimal?)null)));

    public static readonly Gen<int[]> Segments = Gen.Frequency(
        (40, Gen.Int[1, 8].ArrayUnique[0, 3]),
        (1, Gen.Int[1, 8].Array[0, 4]),
        (1, Gen.Int[0, 9].Array[1, 2]));

    /// <summary>One lesion: mostly liver, the liver-only facts mostly on liver lesions.</summary>
    public static readonly Gen<Lesion> Lesion =
        from site in Gen.Frequency((6, Gen.Const(MetastaticSite.Liver)), (2, Gen.Const(MetastaticSite.Lung)), (2, Gen.Enum<MetastaticSite>()))
        from size in SizeMm
        from segments in Segments
        from lobeChoice in Gen.Frequency((12, Gen.Const(0)), (6, Gen.Const(1)), (1, Gen.Const(2)))
        from anyLobe in Gen.Enum<LiverLobe>()
        from liverOnlyAnywhere in Gen.Int[0, 200]
        let lobe = lobeChoice switch { 0 => (LiverLobe?)null, 1 => segments.Length == 0 ? anyLobe : LobeOf(segments[0]), _ => anyLobe }
        from facts in Fact.Array[5]
        let liver = site == MetastaticSite.Liver || liverOnlyAnywhere == 0
        select new Lesion
        {
            Site = site,
            SizeMm = size,
            Segments = liver ? segments : Array.Empty<int>(),
            Lobe = liver ? lobe : null,
            CentralLocation = liver ? facts[0] : null,
            VascularInvolvement = facts[1],
            Symptomatic = facts[2],
            Resectable = facts[3],
            Ablatable = facts[4],
        };

    /// <summary>How many lesions: mostly a few, up to 30, and now and then 1,000 or more (the validator's limit).</summary>
    public static readonly Gen<int> LesionCount = Gen.Frequency(
        (300, Gen.Int[0, 6]),
        (100, Gen.Int[0, 30]),
        (1, Gen.Int[1_000, 1_002]));

    /// <summary>A patient built with object initialisers, and the date to evaluate it on.</summary>
    public static readonly Gen<(Patient Patient, LocalDate AsOf)> Initialised =
        from asOf in AsOf
        from dates in Dates(asOf)
        from primary in Primary(dates)
        from metastases in Metastases(dates)
        from staging in Fact.Array[5]
        from clinical in Clinical
        from treatment in Treatment(dates)
        from plan in LiverSurgery
        from focal in Fact.Array[4]
        from origin in Fact.Array[3]
        select (new Patient
        {
            Primary = primary,
            Metastases = metastases,
            Staging = new Staging { ContrastCt = staging[0], LiverMri = staging[1], FdgPetCt = staging[2], BrainMri = staging[3], SpineMri = staging[4] },
            Clinical = clinical,
            Treatment = treatment,
            LiverSurgery = plan,
            FocalTherapyContraindications = new FocalTherapyContraindications
            {
                UncorrectableCoagulopathy = focal[0], ActiveInfectionInTreatmentArea = focal[1], AdjacentStructuresNotProtectable = focal[2], DecompensatedLiverFailure = focal[3],
            },
            OriginUncertainty = new OriginUncertainty { HccRiskFactors = origin[0], ColorectalCancerHistory = origin[1], OtherCancerHistory = origin[2] },
        }, asOf);

    private static Gen<ClinicalStatus> Clinical =>
        from ecog in Gen.Frequency((40, Gen.Int[0, 5]), (1, Gen.Int[-1, 7])).Nullable(0.25)
        from asa in Gen.Frequency((40, Gen.Int[1, 6]), (1, Gen.Int[0, 7])).Nullable(0.3)
        from facts in Fact.Array[2]
        select new ClinicalStatus { Ecog = ecog, AsaClass = asa, SignificantComorbidities = facts[0], FitForSurgery = facts[1] };

    private static Gen<LiverSurgeryPlan> LiverSurgery =>
        from facts in Fact.Array[2]
        from flr in FlrPercent
        select new LiverSurgeryPlan { MajorHepatectomyPlanned = facts[0], FutureLiverRemnantPercent = flr, ExtensivePriorChemotherapy = facts[1] };

    /// <summary>The dates of one history, each possibly unknown, mostly in order and before the evaluation date.</summary>
    private static Gen<PatientDates> Dates(LocalDate asOf) =>
        from diagnosisBack in DaysBack
        from windowShift in Gen.Frequency((3, Gen.Const((int?)null)), (1, Gen.Int[-1, 1].Select(i => (int?)i)))
        from windowMonths in Gen.OneOf(6, 6, 6, 3, 12)
        from detectedAfter in DaysBack
        from resectedAfter in Gen.Int[0, 400]
        from treatmentAfter in DaysBack
        from resectionAfter in DaysBack
        from edge in Gen.Frequency((60, Gen.Const((LocalDate?)null)), (1, Gen.OneOf(EdgeDates).Select(d => (LocalDate?)d)))
        from unknown in Gen.Bool.Array[5]
        let diagnosed = Back(asOf, diagnosisBack)
        let detected = windowShift is { } shift ? diagnosed.PlusMonths(windowMonths).PlusDays(shift) : Forward(diagnosed, detectedAfter, asOf)
        select new PatientDates(
            unknown[0] ? null : edge ?? diagnosed,
            unknown[1] ? null : Forward(diagnosed, resectedAfter, asOf),
            unknown[2] ? null : detected,
            unknown[3] ? null : Forward(diagnosed, treatmentAfter, asOf),
            unknown[4] ? null : Forward(diagnosed, resectionAfter, asOf));

    private static Gen<PrimaryTumor?> Primary(PatientDates dates) =>
        from histology in HistologyGen
        from site in Gen.Enum<PrimarySite>().Nullable(0.3)
        from grade in Gen.Enum<HistologicGrade>().Nullable(0.3)
        from resected in Fact
        from resectable in Fact
        from absent in Gen.Int[0, 10]
        select absent == 0
            ? null
            : new PrimaryTumor
            {
                Histology = histology,
                Site = site,
                Grade = grade,
                DiagnosedOn = dates.DiagnosedOn,
                Resected = resected,
                ResectedOn = resected == true ? dates.ResectedOn : null,
                Resectable = resected == true ? null : resectable,
            };

    private static Gen<MetastaticDisease?> Metastases(PatientDates dates) =>
        from count in LesionCount
        from lesions in Lesion.Array[count]
        from noEvidence in Gen.Frequency((8, Gen.Const((bool?)null)), (1, Gen.Const<bool?>(true)), (1, Gen.Const<bool?>(false)))
        from diffuse in Fact.Array[4]
        from absent in Gen.Int[0, 12]
        select absent == 0
            ? null
            : new MetastaticDisease
            {
                DetectedOn = dates.DetectedOn,
                NoEvidenceOfDisease = noEvidence,
                Lesions = noEvidence == true ? Array.Empty<Lesion>() : lesions,
                Diffuse = new DiffuseInvolvement { Pleural = diffuse[0], Pericardial = diffuse[1], Peritoneal = diffuse[2], Leptomeningeal = diffuse[3] },
            };

    private static Gen<TreatmentHistory> Treatment(PatientDates dates) =>
        from facts in Fact.Array[5]
        from response in Gen.Enum<TreatmentResponse>().Nullable(0.4)
        from resections in Gen.Int[0, 3]
        from margins in Gen.Enum<ResectionMargin>().Nullable(0.4).Array[3]
        from surgeries in Gen.Frequency((10, Gen.Int[0, 4]), (1, Gen.Const(-1))).Nullable(0.4)
        select new TreatmentHistory
        {
            SystemicTherapyReceived = facts[0],
            SystemicTherapyResponse = facts[0] == true ? response : null,
            OnSystemicTherapy = facts[1],
            InductionTherapyPlanned = facts[2],
            LastTreatmentEndedOn = dates.LastTreatmentEndedOn,
            LiverResections = Enumerable.Range(0, resections).Select(i => new LiverResection { PerformedOn = i == 0 ? dates.LiverResectionOn : dates.LiverResectionOn?.PlusDays(-i), Margin = margins[i] }).ToArray(),
            PreviousLiverResection = resections > 0 ? (facts[3] == false ? true : facts[3]) : facts[3],
            AdjuvantTherapyAfterFirstLiverResection = facts[4],
            PreviousAbdominalSurgeries = surgeries,
        };

    private static LiverLobe LobeOf(int segment) => segment == 1 ? LiverLobe.Caudate : segment <= 4 ? LiverLobe.Left : LiverLobe.Right;

    private static Gen<LocalDate> DayIn(LocalDate first, LocalDate last) =>
        Gen.Int[0, Period.Between(first, last, PeriodUnits.Days).Days].Select(first.PlusDays);

    private static Gen<LocalDate> MonthEnd(int firstYear, int lastYear) =>
        from year in Gen.Int[firstYear, lastYear]
        from month in Gen.Int[1, 12]
        select new LocalDate(year, month, CalendarSystem.Iso.GetDaysInMonth(year, month));

    // Arithmetic that stays inside the calendar: a generator must never throw.
    private static LocalDate Back(LocalDate from, int days) => from.PlusDays(-Math.Min(days, Period.Between(new LocalDate(1, 1, 1), from, PeriodUnits.Days).Days));

    private static LocalDate Forward(LocalDate from, int days, LocalDate notAfter) =>
        from.PlusDays(Math.Max(0, Math.Min(days, Period.Between(from, notAfter, PeriodUnits.Days).Days)));

    /// <summary>The dates of one history.</summary>
    internal sealed record PatientDates(LocalDate? DiagnosedOn, LocalDate? ResectedOn, LocalDate? DetectedOn, LocalDate? LastTreatmentEndedOn, LocalDate? LiverResectionOn);
}
