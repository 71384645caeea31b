using System;
using System.Collections.Generic;
using System.Globalization;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Remetastasectomy;

/// <summary>Where a treatment-free interval falls relative to the 12–18-month range of recommendation 9.1.</summary>
public enum TreatmentFreeIntervalPosition
{
    /// <summary>Not longer than the lower bound (default: 12 months or less; 9.1 says "longer than 12–18 months", section 3.9 "&gt; 12 months"): 9.1 does not apply.</summary>
    BelowRange,

    /// <summary>Longer than the lower bound, up to and including the upper bound (default more than 12 and at most 18 months): inside the panel's range, where 9.1 applies with a caution.</summary>
    WithinRange,

    /// <summary>Longer than the upper bound (default more than 18 months): 9.1's interval criterion is clearly met.</summary>
    AboveRange,

    /// <summary>The interval cannot be counted: a date is missing or the dates are out of order.</summary>
    Unknown,
}

/// <summary>
/// The treatment-free-interval criterion of recommendation 9.1 ("TFI longer than 12–18 months", section 3.9: "a long
/// treatment-free interval (TFI), i.e., &gt;12 months, is the most favorable prognostic factor"). The panel gives a range,
/// not a cut-off, so the interval is placed below, within or above it, in calendar months
/// (<see cref="IntervalAssessment.LongerThanMonths"/>): below when not longer than
/// <see cref="ConsensusOptions.RemetastasectomyMinimumTfiMonths"/> (12 months or less: "longer than" excludes exactly 12),
/// within when longer than 12 and at most <see cref="ConsensusOptions.RemetastasectomyClearTfiMonths"/> (18), above
/// when longer than 18.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class RemetastasectomyWindow
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message RemetastasectomyTfiInvertedCautionMessage = new("remetastasectomy.tfi-inverted-caution");

    /// <summary>The name under which the window appears in findings.</summary>
    public const string ConceptName = "derived.remetastasectomyTfiWindow";

    /// <summary>The name under which the counted treatment-free interval appears in findings.</summary>
    public const string IntervalName = "derived.treatmentFreeInterval";

    private RemetastasectomyWindow(
        TreatmentFreeIntervalPosition position,
        int minimumMonths,
        int clearMonths,
        IntervalAssessment interval,
        IReadOnlyList<Finding> findings,
        Message? caution,
        IReadOnlyList<string> missing)
    {
        Position = position;
        MinimumMonths = minimumMonths;
        ClearMonths = clearMonths;
        Interval = interval;
        Findings = findings.ToReadOnlyList();
        CautionMessage = caution;
        Missing = missing.ToReadOnlyList();
    }

    /// <summary>Gets where the interval falls.</summary>
    public TreatmentFreeIntervalPosition Position { get; }

    /// <summary>Gets the lower bound of the range, in months (from the options).</summary>
    public int MinimumMonths { get; }

    /// <summary>Gets the upper bound of the range, in months (from the options).</summary>
    public int ClearMonths { get; }

    /// <summary>Gets the treatment-free interval that was placed.</summary>
    public IntervalAssessment Interval { get; }

    /// <summary>Gets a value indicating whether the interval criterion of 9.1 is met (within or above the range), or <see langword="null"/> when unknown.</summary>
    public bool? CriterionMet => Position switch
    {
        TreatmentFreeIntervalPosition.WithinRange or TreatmentFreeIntervalPosition.AboveRange => true,
        TreatmentFreeIntervalPosition.BelowRange => false,
        _ => null,
    };

    /// <summary>Gets the findings: the interval as counted, then where it falls.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets the caution to show when the interval is inside the panel's range (or cannot be counted), as data, else <see langword="null"/>.</summary>
    public Message? CautionMessage { get; }

    /// <summary>Gets <see cref="CautionMessage"/> rendered in English, else <see langword="null"/>.</summary>
    public string? Caution => CautionMessage?.Text;

    /// <summary>Gets the facts missing to place the interval.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Places the context's treatment-free interval in the range configured by its options: computed once per evaluation and held by the context.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    internal static RemetastasectomyWindow Assess(EvaluationContext context) =>
        (context ?? throw new ArgumentNullException(nameof(context))).RemetastasectomyWindow;

    /// <summary>Computes the assessment; only <see cref="EvaluationContext.RemetastasectomyWindow"/> calls this, once per evaluation.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The assessment.</returns>
    internal static RemetastasectomyWindow Compute(EvaluationContext context)
    {
        context.Computing(DerivedConcepts.RemetastasectomyWindow);
        return Assess(context.TreatmentFreeInterval, context.Options);
    }

    /// <summary>Places a treatment-free interval in the range configured by <paramref name="options"/>.</summary>
    /// <param name="interval">The treatment-free interval.</param>
    /// <param name="options">The options (the two bounds).</param>
    /// <returns>The assessment.</returns>
    public static RemetastasectomyWindow Assess(IntervalAssessment interval, ConsensusOptions options)
    {
        if (interval is null)
        {
            throw new ArgumentNullException(nameof(interval));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var minimum = options.RemetastasectomyMinimumTfiMonths;
        var clear = options.RemetastasectomyClearTfiMonths;
        var longerThanMinimum = interval.LongerThanMonths(minimum);
        var longerThanClear = interval.LongerThanMonths(clear);

        if (interval.From is { } from && interval.To is { } to && to < from)
        {
            // The recorded end of treatment follows the detection of the recurrence: the interval before this
            // recurrence cannot be counted from the record (for example, treatment for the recurrence was recorded).
            var inverted = Message.Of(
                "remetastasectomy.tfi-inverted",
                ("from-event", interval.FromEventCode),
                ("from", from),
                ("to-event", interval.ToEventCode),
                ("to", to));
            return new RemetastasectomyWindow(
                TreatmentFreeIntervalPosition.Unknown,
                minimum,
                clear,
                interval,
                new[] { new Finding(ConceptName, "unknown", inverted) },
                RemetastasectomyTfiInvertedCautionMessage,
                new[] { FactNames.LastTreatmentEndedOn });
        }

        if (longerThanMinimum is null || longerThanClear is null)
        {
            var uncounted = Message.Of(
                "remetastasectomy.tfi-not-counted",
                ("from-event", interval.FromEventCode),
                ("to-event", interval.ToEventCode),
                ("missing", FactProse.NotRecordedMessage(interval.Missing)));
            return new RemetastasectomyWindow(
                TreatmentFreeIntervalPosition.Unknown,
                minimum,
                clear,
                interval,
                new[] { new Finding(IntervalName, "unknown", uncounted) },
                null,
                interval.Missing);
        }

        // Built only where a finding or caution states the range (not for an interval that cannot be counted).
        var range = Message.Of("remetastasectomy.tfi-range", ("minimum", minimum), ("clear", clear), ("single", minimum == clear));
        var counted = interval.ToFinding(IntervalName);
        var length = MetastasectomyInterval.LengthMessage(interval.CompletedMonths ?? 0, interval.ExtraDays ?? 0);
        var source = "9.1";
        if (longerThanMinimum == false)
        {
            return new RemetastasectomyWindow(
                TreatmentFreeIntervalPosition.BelowRange,
                minimum,
                clear,
                interval,
                new[]
                {
                    counted,
                    new Finding(ConceptName, "below", Message.Of("remetastasectomy.tfi-below", ("length", length), ("minimum", minimum), ("range", range)), "≤", Months(minimum), source),
                },
                null,
                Array.Empty<string>());
        }

        if (longerThanClear == true)
        {
            return new RemetastasectomyWindow(
                TreatmentFreeIntervalPosition.AboveRange,
                minimum,
                clear,
                interval,
                new[]
                {
                    counted,
                    new Finding(ConceptName, "above", Message.Of("remetastasectomy.tfi-above", ("length", length), ("clear", clear), ("range", range)), ">", Months(clear), source),
                },
                null,
                Array.Empty<string>());
        }

        return new RemetastasectomyWindow(
            TreatmentFreeIntervalPosition.WithinRange,
            minimum,
            clear,
            interval,
            new[]
            {
                counted,
                new Finding(ConceptName, "within", Message.Of("remetastasectomy.tfi-within", ("length", length), ("range", range)), ">", Months(minimum), source),
            },
            Message.Of("remetastasectomy.tfi-within-caution", ("length", length), ("range", range), ("minimum", minimum), ("clear", clear)),
            Array.Empty<string>());
    }

    private static string Months(int months) =>
        months.ToString(CultureInfo.InvariantCulture) + (months == 1 ? " month" : " months");
}
