using System.Collections.Generic;
using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.PreoperativeAssessment;

namespace Sarcoma.Consensus.Catalog;

/// <summary>
/// One threshold the engine applies: its id (the first column of the threshold table in
/// <c>docs/clinical-decisions.md</c>), the comparison that is true on the side named by <see cref="Meaning"/>, the
/// default value and unit, and where it lives: an option of <see cref="ConsensusOptions"/> or a constant in the code.
/// </summary>
/// <param name="Id">The row id in the documented table, for example <c>tfi-lower-bound</c>.</param>
/// <param name="Comparison">The comparison used, one of <c>&lt;</c>, <c>≤</c>, <c>&gt;</c>, <c>≥</c>.</param>
/// <param name="Value">The default value.</param>
/// <param name="Unit">The unit (months, days, mm, %, ECOG, ASA class, lesions, sites, cores, years).</param>
/// <param name="Meaning">What the comparison being true means, for example "criterion met".</param>
/// <param name="Option">The <see cref="ConsensusOptions"/> property that changes it, or <see langword="null"/> when fixed.</param>
/// <param name="CodeSymbol">The constant that holds it (<c>Type.Field</c>), or <see langword="null"/> for an option.</param>
/// <param name="Source">The recommendation or section it comes from.</param>
internal sealed record ClinicalThreshold(string Id, string Comparison, decimal Value, string Unit, string Meaning, string? Option, string? CodeSymbol, string Source);

/// <summary>
/// Every threshold the engine applies to a patient's facts, in one list, so the documented threshold table can be
/// checked against the code (a test fails when a numeric constant or an option is missing from this list, or an
/// entry from the table).
/// </summary>
internal static class ClinicalThresholds
{
    private static readonly ConsensusOptions Defaults = new();

    public static IReadOnlyList<ClinicalThreshold> All { get; } = new[]
    {
        // Timing (2.1, 2.2, 8.1; section 3.2).
        new ClinicalThreshold("synchronous-window", "≤", Defaults.SynchronousWindowMonths, "months", "synchronous (detected at or within the window after diagnosis)", nameof(ConsensusOptions.SynchronousWindowMonths), null, "2.1, 2.2"),
        new ClinicalThreshold("staging-currency", ">", Defaults.StagingCurrencyMonths, "months", "staging flagged as possibly out of date (a caution)", nameof(ConsensusOptions.StagingCurrencyMonths), null, "Section 3.1"),
        new ClinicalThreshold("detection-before-diagnosis", "≤", Defaults.DetectionBeforeDiagnosisToleranceDays, "days", "detection before the recorded diagnosis read as 'at the initial diagnosis' (synchronous); more is a validation error", nameof(ConsensusOptions.DetectionBeforeDiagnosisToleranceDays), null, "2.1"),

        // Oligometastatic disease (1.1).
        new ClinicalThreshold("omd-lesions", "≤", OligometastaticAssessment.MaximumLesions, "lesions", "within the OMD lesion count", null, "OligometastaticAssessment.MaximumLesions", "1.1"),
        new ClinicalThreshold("omd-sites", "≤", OligometastaticAssessment.MaximumSites, "organ sites", "within the OMD site count", null, "OligometastaticAssessment.MaximumSites", "1.1"),

        // Origin uncertainty (3.1, 4.2).
        new ClinicalThreshold("long-dfi", "≥", Defaults.LongDiseaseFreeIntervalMonths, "months", "a long DFI: origin uncertain", nameof(ConsensusOptions.LongDiseaseFreeIntervalMonths), null, "3.1, 4.2"),

        // Biopsy (3.3): stated by the recommendation, not compared with a patient fact.
        new ClinicalThreshold("biopsy-cores", "≥", BiopsyPlan.MinimumCoreCount, "cores", "the number of cores recommended", null, "BiopsyPlan.MinimumCores", "3.3"),
        new ClinicalThreshold("biopsy-gauge-largest", "≥", BiopsyPlan.LargestGaugeNumber, "G", "large-gauge core (14–16 G)", null, "BiopsyPlan.LargestGaugeNumber", "3.3"),
        new ClinicalThreshold("biopsy-gauge-smallest", "≤", BiopsyPlan.SmallestGaugeNumber, "G", "large-gauge core (14–16 G)", null, "BiopsyPlan.SmallestGaugeNumber", "3.3"),

        // Imaging (4.2).
        new ClinicalThreshold("small-liver-lesion", "<", ImagingPlan.SmallLesionThresholdMm, "mm", "a lesion smaller than 1 cm: hepatic MRI", null, "ImagingPlan.SmallLesionThresholdMm", "4.2"),

        // Prognostic factors (section 3.5).
        new ClinicalThreshold("favourable-dfi", ">", PrognosticProfile.FavourableDfiLongerThanMonths, "months", "a favourable DFI", null, "PrognosticProfile.FavourableDfiLongerThanMonths", "Section 3.5"),
        new ClinicalThreshold("limited-nodules", "<", PrognosticProfile.LimitedNodulesBelow, "lesions", "a limited number of nodules on every reading of '<3–5' (favourable)", null, "PrognosticProfile.LimitedNodulesBelow", "Section 3.5"),
        new ClinicalThreshold("limited-nodules-upper", "<", PrognosticProfile.LimitedNodulesUpperBelow, "lesions", "limited only on the upper end of '<3–5' (not counted as favourable); at or above, not limited", null, "PrognosticProfile.LimitedNodulesUpperBelow", "Section 3.5"),
        new ClinicalThreshold("large-metastasis", ">", PrognosticProfile.LargeMetastasisAboveMm, "mm", "an unfavourable size (> 10 cm)", null, "PrognosticProfile.LargeMetastasisAboveMm", "Section 3.5"),

        // Fitness for surgery (7.2; sections 1, 3.5, 3.10).
        new ClinicalThreshold("surgery-precluding-ecog", "≥", Defaults.SurgeryPrecludingMinimumEcog, "ECOG", "not a candidate for liver surgery", nameof(ConsensusOptions.SurgeryPrecludingMinimumEcog), null, "Sections 1, 3.5, 3.10; 7.2"),
        new ClinicalThreshold("good-performance-status", "≤", Defaults.GoodPerformanceStatusMaximumEcog, "ECOG", "good performance status (9.1); above it, a caution on surgical recommendations", nameof(ConsensusOptions.GoodPerformanceStatusMaximumEcog), null, "9.1; sections 1, 3.5"),
        new ClinicalThreshold("asa-caution", "≥", SurgicalFitness.CautionMinimumAsaClass, "ASA class", "a caution on surgical recommendations (severe systemic disease)", null, "SurgicalFitness.CautionMinimumAsaClass", "7.2"),

        // Future liver remnant (7.1; section 3.7).
        new ClinicalThreshold("flr-normal-liver", "≥", Defaults.NormalLiverMinimumFlrPercent, "%", "adequate remnant in a normal liver", nameof(ConsensusOptions.NormalLiverMinimumFlrPercent), null, "Section 3.7"),
        new ClinicalThreshold("flr-after-chemotherapy", "<", Defaults.ChemotherapyLiverMinimumFlrPercent, "%", "inadequate remnant after extensive chemotherapy (our reading)", nameof(ConsensusOptions.ChemotherapyLiverMinimumFlrPercent), null, "Section 3.7"),
        new ClinicalThreshold("flr-evaluation-ceiling", "≤", Defaults.ChemotherapyLiverEvaluationCeilingFlrPercent, "%", "the 30–40 % band that needs evaluation for liver dysfunction", nameof(ConsensusOptions.ChemotherapyLiverEvaluationCeilingFlrPercent), null, "Section 3.7"),

        // Remetastasectomy (9.1; section 3.9).
        new ClinicalThreshold("tfi-lower-bound", ">", Defaults.RemetastasectomyMinimumTfiMonths, "months", "TFI criterion of 9.1 met (within the range, with a caution)", nameof(ConsensusOptions.RemetastasectomyMinimumTfiMonths), null, "9.1; section 3.9"),
        new ClinicalThreshold("tfi-upper-bound", ">", Defaults.RemetastasectomyClearTfiMonths, "months", "TFI above the range: criterion clearly met", nameof(ConsensusOptions.RemetastasectomyClearTfiMonths), null, "9.1"),

        // Focal therapy (10.2, no consensus).
        new ClinicalThreshold("limited-liver-metastases", "≤", OligometastaticAssessment.MaximumLesions, "liver lesions", "limited liver metastases (borrowed from 1.1)", null, "DominantLesionFocalTherapyEvaluator.LimitedLiverMetastasesMaximum", "10.2"),

        // Follow-up (13.1; section 3.13).
        new ClinicalThreshold("follow-up-first-phase", "≤", FollowUpSchedule.FirstPhaseEndMonths, "months", "3-monthly visits (every 3 to 4 months)", null, "FollowUpSchedule.FirstPhaseEndMonths", "13.1"),
        new ClinicalThreshold("follow-up-first-interval", "≤", FollowUpSchedule.FirstPhaseIntervalMonths, "months", "the interval of the first phase", null, "FollowUpSchedule.FirstPhaseIntervalMonths", "13.1"),
        new ClinicalThreshold("follow-up-first-window", "≤", FollowUpSchedule.FirstPhaseWindowMonths, "months", "a first-phase visit may be held up to this long after its due date (3 to 4 months)", null, "FollowUpSchedule.FirstPhaseWindowMonths", "13.1"),
        new ClinicalThreshold("follow-up-second-phase", "≤", FollowUpSchedule.SecondPhaseEndMonths, "months", "6-monthly visits through the end of the fifth year", null, "FollowUpSchedule.SecondPhaseEndMonths", "13.1"),
        new ClinicalThreshold("follow-up-second-interval", "≤", FollowUpSchedule.SecondPhaseIntervalMonths, "months", "the interval of the second phase", null, "FollowUpSchedule.SecondPhaseIntervalMonths", "13.1"),
        new ClinicalThreshold("follow-up-annual-interval", "≤", FollowUpSchedule.AnnualIntervalMonths, "months", "annual visits thereafter", null, "FollowUpSchedule.AnnualIntervalMonths", "13.1"),
        new ClinicalThreshold("follow-up-later-window", "≤", FollowUpSchedule.LaterPhaseToleranceMonths, "months", "later visits within this long either side of their due date", null, "FollowUpSchedule.LaterPhaseToleranceMonths", "13.1"),
        new ClinicalThreshold("follow-up-horizon", "≤", Defaults.FollowUpHorizonYears, "years", "how far the annual calendar is drawn (13.1 sets no end)", nameof(ConsensusOptions.FollowUpHorizonYears), null, "13.1"),

        // Validation limits (rule 4): implausible values are errors naming the field.
        new ClinicalThreshold("lesion-size-limit", "≤", PatientValidator.MaximumLesionSizeMm, "mm", "a plausible lesion diameter (and > 0)", null, "PatientValidator.MaximumLesionSizeMm", "Input validation"),
        new ClinicalThreshold("lesion-count-limit", "≤", PatientValidator.MaximumLesions, "lesions", "a plausible number of listed lesions", null, "PatientValidator.MaximumLesions", "Input validation"),
    };
}
