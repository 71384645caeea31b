using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>The words and codes the console sample prints for catalog and report values, in one place.</summary>
public static class Labels
{
    /// <summary>The table label for an item that did not reach consensus.</summary>
    public const string NoConsensus = "NO CONSENSUS";

    /// <summary>How a no-consensus item is labelled wherever it appears in a report.</summary>
    public const string NoConsensusNotice = NoConsensus + " — shown for information, not a recommendation";

    /// <summary>The closing line of every report and calendar.</summary>
    public const string Disclaimer =
        "Decision support for clinicians; not a substitute for the multidisciplinary tumour board. Most recommendations are "
        + "level V evidence (expert opinion): check every output against the patient and the paper.";

    /// <summary>The heading of a status block in the text report.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The heading.</returns>
    public static string Heading(EvaluationStatus status) => status switch
    {
        EvaluationStatus.Applies => "APPLIES",
        EvaluationStatus.InsufficientData => "INSUFFICIENT DATA — FACTS NEEDED",
        EvaluationStatus.DoesNotApply => "DOES NOT APPLY",
        _ => throw new System.ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>A status in words: <c>applies</c>, <c>does not apply</c>, <c>insufficient data</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The words.</returns>
    public static string Words(EvaluationStatus status) => status.ToCode().Replace('-', ' ');

    /// <summary>A three-state answer in words: <c>yes</c>, <c>no</c>, <c>unknown</c>.</summary>
    /// <param name="value">The answer.</param>
    /// <returns>The words.</returns>
    public static string Words(TriState value) => value switch
    {
        TriState.Yes => "yes",
        TriState.No => "no",
        _ => "unknown",
    };

    /// <summary>
    /// Metastases recorded as detected before the primary diagnosis (within the tolerance, read as synchronous): the order
    /// of the dates, never a measured DFI of zero (issue #7 §4): <c>detected 21 days before the recorded diagnosis; no DFI measured</c>.
    /// </summary>
    /// <param name="days">The days by which detection preceded the recorded diagnosis.</param>
    /// <returns>The words.</returns>
    internal static string DetectedBeforeDiagnosis(int days) =>
        string.Create(CultureInfo.InvariantCulture, $"detected {days} {(days == 1 ? "day" : "days")} before the recorded diagnosis; no DFI measured");

    /// <summary>A follow-up phase in a few words, as used in calendar titles: <c>3–4-monthly</c>, <c>6-monthly</c>, <c>annual</c>.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The words.</returns>
    public static string Short(FollowUpPhase phase) => phase switch
    {
        FollowUpPhase.FirstTwoYears => "3–4-monthly",
        FollowUpPhase.ThroughYearFive => "6-monthly",
        FollowUpPhase.Annual => "annual",
        _ => throw new System.ArgumentOutOfRangeException(nameof(phase), phase, "Unknown follow-up phase."),
    };

    /// <summary>Where a visit stands in words: <c>past</c>, <c>DUE NOW</c>, <c>upcoming</c>, or empty without an evaluation date.</summary>
    /// <param name="standing">The standing.</param>
    /// <returns>The words.</returns>
    public static string Words(FollowUpVisitStanding? standing) => standing switch
    {
        FollowUpVisitStanding.Past => "past",
        FollowUpVisitStanding.Due => "DUE NOW",
        FollowUpVisitStanding.Upcoming => "upcoming",
        _ => string.Empty,
    };

    /// <summary>The table label for a consensus category: the JSON code, or <see cref="NoConsensus"/>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The label.</returns>
    public static string ForTable(ConsensusCategory category) =>
        category == ConsensusCategory.NotReached ? NoConsensus : category.ToCode();

    /// <summary>The JSON code of a recommendation kind: <c>definition</c>, <c>directive</c> or <c>process-requirement</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The code.</returns>
    public static string ToCode(RecommendationKind kind) => kind switch
    {
        RecommendationKind.Definition => "definition",
        RecommendationKind.Directive => "directive",
        RecommendationKind.ProcessRequirement => "process-requirement",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Unknown recommendation kind."),
    };

    /// <summary>The JSON code of a direction: <c>for</c>, <c>against</c> or <c>conditional</c>.</summary>
    /// <param name="direction">The direction.</param>
    /// <returns>The code.</returns>
    public static string ToCode(RecommendationDirection direction) => direction switch
    {
        RecommendationDirection.For => "for",
        RecommendationDirection.Against => "against",
        RecommendationDirection.Conditional => "conditional",
        _ => throw new System.ArgumentOutOfRangeException(nameof(direction), direction, "Unknown recommendation direction."),
    };
    /// <summary>
    /// The situation's TFI inside 9.1's range (issue #7 review F4): <c>TFI 13 months and 2 days (9.1), inside the grey zone
    /// of 9.1's "longer than 12–18 months" (longer than 12 months, not longer than 18 months).</c> The bounds are the ones the
    /// engine used (its options), read from its finding.
    /// </summary>
    /// <param name="length">The TFI in words.</param>
    /// <param name="range">The range in words ("12–18 months").</param>
    /// <param name="minimum">The lower bound in months, or <see langword="null"/> when not given.</param>
    /// <param name="clear">The upper bound in months, or <see langword="null"/> when not given.</param>
    /// <returns>The sentence.</returns>
    internal static string TfiInGreyZone(string length, string range, int? minimum, int? clear) =>
        $"TFI {length} (9.1), inside the grey zone of 9.1's \"longer than {range}\""
        + (minimum is { } low && clear is { } high ? $" (longer than {Months(low)}, not longer than {Months(high)})." : ".");

    /// <summary>
    /// After the reason the origin of the liver lesions is uncertain (issue #7 review F6): what it makes apply. <c>This is a
    /// reason a biopsy could be considered (3.1) and hepatic MRI is recommended (4.2; already done).</c>
    /// </summary>
    /// <param name="biopsy">Whether 3.1 applies with the origin uncertain.</param>
    /// <param name="mriDoneStatus">4.2's done status when 4.2 applies with the origin uncertain (empty when unknown), else <see langword="null"/>.</param>
    /// <param name="ablation">Whether 10.1 (non-surgical local approaches) applies with the origin uncertain: the paper's biopsy recommendations are then said to be written for resection, and the diagnosis before ablation left to the meeting.</param>
    /// <returns>The sentence.</returns>
    internal static string OriginUncertainDrives(bool biopsy, string? mriDoneStatus, bool ablation = false)
    {
        var mri = mriDoneStatus is null ? null : "hepatic MRI is recommended (4.2" + (mriDoneStatus.Length == 0 ? ")" : "; " + mriDoneStatus + ")");
        var what = (biopsy, mri) switch
        {
            (true, { } m) => "a biopsy could be considered (3.1) and " + m,
            (true, null) => "a biopsy could be considered (3.1)",
            (false, { } m) => m,
            _ => null,
        };

        // Non-surgical local therapy (10.1) of a lesion of uncertain origin: a statement of fact, not advice the paper does not
        // give (seventh read F3). Its biopsy recommendations (3.1 "in resectable metachronous liver metastases"; 3.3; section
        // 3.3 "before planning a metastasectomy") are written for resection; 10.1 sends the case to a multidisciplinary meeting.
        var beforeAblation = ablation ? "The paper's biopsy recommendations (3.1, 3.3; section 3.3's concern for other histologies) are written for resection: whether to confirm the diagnosis before any ablation is for the multidisciplinary meeting (10.1: \"discussed in multidisciplinary meeting\")." : null;
        return what is null
            ? beforeAblation ?? "This is a reason 3.1 and 4.2 apply."
            : "This is a reason " + what + "." + (beforeAblation is null ? string.Empty : " " + beforeAblation);
    }

    /// <summary>
    /// Which recommendations that apply carry a first-screen caution, before its text, when they are few enough to name
    /// (<c>On 5.3, 8.1 and 11.1: </c>); nothing for a caution on more of them (it concerns the case as a whole, as the
    /// stale-staging caution does) or on none that applies.
    /// </summary>
    /// <param name="appliesOn">The ids of the recommendations that apply and carry it, in catalogue order.</param>
    /// <returns>The words, ending with ": ", or empty.</returns>
    internal static string CautionCarriers(IReadOnlyList<string> appliesOn) =>
        appliesOn.Count is > 0 and <= MaxNamedCarriers ? "On " + List(appliesOn) + ": " : string.Empty;

    /// <summary>The line naming the actions whose own cautions are only in the details: <c>More cautions, each on one action, in the details: 6.5, 11.2.</c></summary>
    /// <param name="ids">The action ids.</param>
    /// <returns>The sentence.</returns>
    internal static string SingleStepCautions(IReadOnlyList<string> ids) =>
        "More cautions, each on one action, in the details: " + string.Join(", ", ids) + ".";

    /// <summary>The most recommendations a first-screen caution names as its carriers.</summary>
    private const int MaxNamedCarriers = 3;

    private static string Months(int months) =>
        months.ToString(CultureInfo.InvariantCulture) + (months == 1 ? " month" : " months");

    private static string List(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
