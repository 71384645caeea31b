using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus;

/// <summary>How metastases detected exactly at the end of the synchronous window are classified.</summary>
public enum BoundaryTiming
{
    /// <summary>Synchronous: recommendation 2.1 ("at the initial diagnosis … or within six months thereafter"). The default.</summary>
    Synchronous,

    /// <summary>Metachronous: recommendation 8.1 ("metachronous lesions (DFI ≥ 6 months)").</summary>
    Metachronous,
}

/// <summary>
/// The thresholds the guideline leaves open, with the defaults documented in <c>docs/clinical-decisions.md</c>.
/// Every default is the consensus reading; change one only by a documented local decision.
/// </summary>
/// <remarks>
/// A plain options class (mutable, for the options pattern). The engine copies it when constructed, so later
/// changes do not affect an engine already built. Call <see cref="Validate"/> to list impossible settings.
/// </remarks>
public sealed class ConsensusOptions
{
    /// <summary>Gets or sets the synchronous window in calendar months after primary diagnosis (2.1/2.2; default 6).</summary>
    public int SynchronousWindowMonths { get; set; } = 6;

    /// <summary>Gets or sets how detection exactly at the end of the window is classified (default <see cref="BoundaryTiming.Synchronous"/>, per 2.1; 8.1 reads it as metachronous).</summary>
    public BoundaryTiming AtWindowBoundary { get; set; } = BoundaryTiming.Synchronous;

    /// <summary>Gets or sets the lower bound of the remetastasectomy treatment-free interval, in months (9.1 "longer than 12–18 months"; default 12). Below it, 9.1 does not apply.</summary>
    public int RemetastasectomyMinimumTfiMonths { get; set; } = 12;

    /// <summary>Gets or sets the upper bound of that interval, in months (default 18). Between the bounds 9.1 applies with a caution; above it, without.</summary>
    public int RemetastasectomyClearTfiMonths { get; set; } = 18;

    /// <summary>Gets or sets the highest ECOG performance status counted as "good performance status" (9.1; default 1).</summary>
    public int GoodPerformanceStatusMaximumEcog { get; set; } = 1;

    /// <summary>Gets or sets the smallest adequate future liver remnant for a normal liver, in percent (section 3.7 "in the range of 25%"; default 25).</summary>
    public decimal NormalLiverMinimumFlrPercent { get; set; } = 25m;

    /// <summary>Gets or sets the smallest future liver remnant after extensive chemotherapy, in percent (section 3.7; default 30). Below it the remnant is inadequate.</summary>
    public decimal ChemotherapyLiverMinimumFlrPercent { get; set; } = 30m;

    /// <summary>Gets or sets the top of the 30–40 % band that needs evaluation for liver dysfunction after extensive chemotherapy (default 40, inclusive).</summary>
    public decimal ChemotherapyLiverEvaluationCeilingFlrPercent { get; set; } = 40m;

    /// <summary>
    /// Gets or sets the disease-free interval, in calendar months, from which a metachronous liver lesion's origin counts as
    /// uncertain ("long DFI", 3.1, which gives no number; default 60, inclusive: an unusually late presentation for
    /// soft-tissue sarcoma, see <c>docs/clinical-decisions.md</c>). Range 12–240.
    /// </summary>
    public int LongDiseaseFreeIntervalMonths { get; set; } = 60;

    /// <summary>
    /// Gets or sets the ECOG performance status at or above which a patient is not a candidate for liver surgery
    /// (sections 1 and 3.5: resection candidates have "good performance status"; section 3.10: comorbidities that
    /// preclude resection point to local therapies; default 3). Below it, ECOG from
    /// <see cref="GoodPerformanceStatusMaximumEcog"/> + 1 upwards (default ECOG 2) is a caution on every surgical
    /// recommendation. Range 1–5.
    /// </summary>
    public int SurgeryPrecludingMinimumEcog { get; set; } = 3;

    /// <summary>
    /// Gets or sets how many days before the recorded primary diagnosis metastases may be detected and still be read as
    /// detected "at the initial diagnosis of the primary tumor" (2.1: synchronous), with a caution stating the order of
    /// the dates: the staging scan that finds a liver lesion often precedes the histological diagnosis (default 90 days).
    /// An earlier detection is a validation error naming both dates. Range 0–183.
    /// </summary>
    public int DetectionBeforeDiagnosisToleranceDays { get; set; } = 90;

    /// <summary>
    /// Gets or sets how many calendar months after the detection of the metastases the staging is taken as current:
    /// later, the oligometastatic assessment and the surgical recommendations carry a caution that OMD, the lesion count
    /// and resectability rest on imaging of that time unless staging was repeated (section 3.1: "Appropriate staging of
    /// metastatic disease is imperative in defining OMD"; the paper gives no interval; default 3). Range 1–24.
    /// </summary>
    public int StagingCurrencyMonths { get; set; } = 3;

    /// <summary>
    /// Gets or sets whether the surgical recommendations (5.2, 6.1–6.5, 7.2, 11.1, 11.2) still apply, with a flag as their
    /// first caution, to a patient who is not a candidate for liver surgery (for example disease known not to be
    /// oligometastatic) when a resection is nevertheless planned or open to section 3.5's case-by-case discussion. Default
    /// <see langword="false"/>: such a resection is flagged on 5.1 (and 7.1 for a planned major hepatectomy), "outside the
    /// consensus indications (5.3, section 3.5)", and the other surgical recommendations do not apply, so the report does not
    /// read as advice to operate. Section 3.5 leaves surgery outside the indications "at the discretion of the treating
    /// physician, based on a case-by-case basis ... and multidisciplinary board discussion"; see
    /// <c>docs/clinical-decisions.md</c>.
    /// </summary>
    public bool ApplySurgicalRecommendationsOutsideIndications { get; set; }

    /// <summary>
    /// Gets or sets whether metachronous oligometastatic disease whose best response to systemic therapy is progressive
    /// disease is "not a candidate for liver surgery while it progresses" (default <see langword="true"/>): 5.3, 5.4 and
    /// 8.1 do not apply, naming the progression, 10.1 applies (section 3.10: disease that "fails to respond to
    /// conventional therapies should also be considered for transarterial treatment"), and the tumour board may reassess
    /// resection after a response or at least stable disease. Section 3.11: radiologic response to preoperative
    /// chemotherapy "was associated with a significant survival difference" (median overall survival 58.0 months with
    /// partial response against 30.8 months with progression); 8.3 asks "at least stable disease" before surgery of
    /// synchronous disease; 8.1's "upfront" no longer describes a patient already on systemic therapy. The paper does not
    /// say so for metachronous disease in so many words, and section 3.11 also weighs the "risk of local hepatic
    /// progression and loss of opportunity for R0 metastasectomy": <see langword="false"/> keeps such a patient a
    /// candidate, with the progression as a caution on 5.3, 8.1 and 11.1. With the option on, systemic therapy recorded as
    /// received and its response not recorded leave candidacy not yet known (the response is named).
    /// <para>
    /// Default <see langword="false"/> (a candidate, the progression as the first caution): 8.1 itself offers surgery "as
    /// upfront treatment or after systemic therapy", 5.3 applies to metachronous OMD as worded, and section 3.11 links
    /// progression to a worse outcome without excluding surgery; issue #7 asks for a caution on 5.3, 8.1 and 11.1. A second
    /// paper-only clinical read found "not a candidate" misleading for a fit patient with resectable disease. See
    /// <c>docs/clinical-decisions.md</c>.
    /// </para>
    /// </summary>
    public bool ProgressionOnSystemicTherapyDefersSurgery { get; set; }

    /// <summary>
    /// Gets the codes (<see cref="Histology.Code"/>) of the subtypes the default reading of recommendation 4.3's
    /// "appropriate subtypes (e.g., lymph node metastases)" covers: the soft-tissue subtypes section 3.4 names as FDG-avid
    /// (rhabdomyosarcoma) or prone to lymph-node metastases (epithelioid sarcoma, clear-cell sarcoma, synovial sarcoma,
    /// angiosarcoma), that is every in-scope histology whose <see cref="Histology.FdgAvidOrNodeProne"/> is set, in catalogue
    /// order.
    /// </summary>
    public static IReadOnlyList<string> DefaultFdgPetCtSubtypeCodes { get; } =
        Histology.All.Where(h => h.IsInScope && h.FdgAvidOrNodeProne).Select(h => h.Code).ToList().AsReadOnly();

    /// <summary>
    /// Gets or sets the subtypes, by <see cref="Histology.Code"/> (case-insensitive, for example <c>synovial-sarcoma</c>),
    /// for which recommendation 4.3 recommends 18F-FDG-PET/CT to exclude extrahepatic metastases ("in appropriate
    /// subtypes"; the paper gives examples in section 3.4, not a list). <see langword="null"/> (the default) means
    /// <see cref="DefaultFdgPetCtSubtypeCodes"/>; an empty list means no subtype (the section 3.4 narrative for resection
    /// candidates still applies, labelled unvoted). Every entry must be the code of a named soft-tissue sarcoma histology
    /// (<see cref="Histology.All"/>). Also read by 13.2 (histotype-driven imaging). See <c>docs/clinical-decisions.md</c>.
    /// </summary>
    public IList<string>? FdgPetCtSubtypes { get; set; }

    /// <summary>Gets or sets how many years after the metastasectomy the follow-up schedule runs (13.1 "annually thereafter"; default 10).</summary>
    public int FollowUpHorizonYears { get; set; } = 10;

    /// <summary>Gets or sets the IANA time zone used to turn an injected clock's instant into "today" (default <c>UTC</c>).</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>
    /// Gets or sets the earliest plausible clinical date (default 1950-01-01, <see cref="PatientValidator.DefaultEarliestPlausibleDate"/>):
    /// a patient date, or the evaluation date, before it is a validation error naming the field, which rejects the
    /// "unknown" sentinels registries export (1900-01-01, 0001-01-01). At least 1800-01-01.
    /// </summary>
    public LocalDate EarliestPlausibleDate { get; set; } = PatientValidator.DefaultEarliestPlausibleDate;

    /// <summary>
    /// Gets or sets the latest plausible clinical date (default 2099-12-31, <see cref="PatientValidator.DefaultLatestPlausibleDate"/>):
    /// a patient date, or the evaluation date, after it is a validation error naming the field. At most 2999-12-31, so the
    /// engine's date arithmetic can never overflow.
    /// </summary>
    public LocalDate LatestPlausibleDate { get; set; } = PatientValidator.DefaultLatestPlausibleDate;

    /// <summary>Lists every impossible setting, naming the option.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        void Add(string option, string message) => errors.Add(new ValidationError(option, message));

        if (SynchronousWindowMonths < 1 || SynchronousWindowMonths > 24)
        {
            Add(nameof(SynchronousWindowMonths), "must be between 1 and 24 months.");
        }

        if (AtWindowBoundary != BoundaryTiming.Synchronous && AtWindowBoundary != BoundaryTiming.Metachronous)
        {
            Add(nameof(AtWindowBoundary), "must be Synchronous or Metachronous.");
        }

        if (RemetastasectomyMinimumTfiMonths < 0 || RemetastasectomyMinimumTfiMonths > 120)
        {
            Add(nameof(RemetastasectomyMinimumTfiMonths), "must be between 0 and 120 months.");
        }

        if (RemetastasectomyClearTfiMonths < RemetastasectomyMinimumTfiMonths || RemetastasectomyClearTfiMonths > 120)
        {
            Add(nameof(RemetastasectomyClearTfiMonths), "must be at least RemetastasectomyMinimumTfiMonths and at most 120 months.");
        }

        if (GoodPerformanceStatusMaximumEcog < 0 || GoodPerformanceStatusMaximumEcog > 4)
        {
            Add(nameof(GoodPerformanceStatusMaximumEcog), "must be an ECOG status between 0 and 4.");
        }

        if (NormalLiverMinimumFlrPercent <= 0m || NormalLiverMinimumFlrPercent >= 100m)
        {
            Add(nameof(NormalLiverMinimumFlrPercent), "must be greater than 0 and less than 100 percent.");
        }

        if (ChemotherapyLiverMinimumFlrPercent < NormalLiverMinimumFlrPercent || ChemotherapyLiverMinimumFlrPercent >= 100m)
        {
            Add(nameof(ChemotherapyLiverMinimumFlrPercent), "must be at least NormalLiverMinimumFlrPercent and less than 100 percent.");
        }

        if (ChemotherapyLiverEvaluationCeilingFlrPercent < ChemotherapyLiverMinimumFlrPercent || ChemotherapyLiverEvaluationCeilingFlrPercent > 100m)
        {
            Add(nameof(ChemotherapyLiverEvaluationCeilingFlrPercent), "must be at least ChemotherapyLiverMinimumFlrPercent and at most 100 percent.");
        }

        if (LongDiseaseFreeIntervalMonths < 12 || LongDiseaseFreeIntervalMonths > 240)
        {
            Add(nameof(LongDiseaseFreeIntervalMonths), "must be between 12 and 240 months (section 3.8 calls a DFI longer than 12–18 months favourable, not suspicious).");
        }

        if (SurgeryPrecludingMinimumEcog < 1 || SurgeryPrecludingMinimumEcog > 5)
        {
            Add(nameof(SurgeryPrecludingMinimumEcog), "must be an ECOG status between 1 and 5.");
        }
        else if (GoodPerformanceStatusMaximumEcog >= 0 && GoodPerformanceStatusMaximumEcog <= 4 && SurgeryPrecludingMinimumEcog <= GoodPerformanceStatusMaximumEcog)
        {
            Add(nameof(SurgeryPrecludingMinimumEcog), "must be greater than GoodPerformanceStatusMaximumEcog.");
        }

        if (DetectionBeforeDiagnosisToleranceDays < 0 || DetectionBeforeDiagnosisToleranceDays > 183)
        {
            Add(nameof(DetectionBeforeDiagnosisToleranceDays), "must be between 0 and 183 days.");
        }

        if (StagingCurrencyMonths < 1 || StagingCurrencyMonths > 24)
        {
            Add(nameof(StagingCurrencyMonths), "must be between 1 and 24 months.");
        }

        if (FollowUpHorizonYears < 5 || FollowUpHorizonYears > 50)
        {
            Add(nameof(FollowUpHorizonYears), "must be between 5 and 50 years (13.1 prescribes visits through year five at least).");
        }

        if (string.IsNullOrWhiteSpace(TimeZoneId) || NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZoneId) is null)
        {
            Add(nameof(TimeZoneId), "must be an IANA time zone id known to the TZDB, for example Europe/Madrid.");
        }

        if (FdgPetCtSubtypes is { } subtypes)
        {
            var known = new HashSet<string>(Histology.All.Where(h => h.IsInScope).Select(h => h.Code), StringComparer.OrdinalIgnoreCase);
            var unknown = subtypes.Count(code => code is null || !known.Contains(code));
            if (unknown > 0)
            {
                // The entries are not echoed (configuration text); the count and the allowed codes are named.
                Add(nameof(FdgPetCtSubtypes), $"has {unknown} {(unknown == 1 ? "entry that is" : "entries that are")} not the code of a named soft-tissue sarcoma histology; allowed: {string.Join(", ", known.OrderBy(c => c, StringComparer.Ordinal))}.");
            }
        }

        errors.AddRange(PlausibleDates.Problems(EarliestPlausibleDate, LatestPlausibleDate));

        return errors;
    }

    /// <summary>Copies these options.</summary>
    /// <returns>A copy.</returns>
    public ConsensusOptions Clone()
    {
        var copy = (ConsensusOptions)MemberwiseClone();
        copy.FdgPetCtSubtypes = FdgPetCtSubtypes?.ToList();
        return copy;
    }

    /// <summary>Whether 4.3 counts the histology among its "appropriate subtypes" (<see cref="FdgPetCtSubtypes"/>).</summary>
    /// <param name="histology">The histology.</param>
    /// <returns><see langword="true"/> when it is one of them.</returns>
    internal bool IsFdgPetCtSubtype(Histology histology) =>
        FdgPetCtSubtypes is { } codes
            ? histology.IsNamed && codes.Any(c => string.Equals(c, histology.Code, StringComparison.OrdinalIgnoreCase))
            : histology.FdgAvidOrNodeProne;
}
