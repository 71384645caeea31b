using NodaTime;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Remetastasectomy;

/// <summary>
/// The time from a liver metastasectomy to the detection of a later relapse, in calendar months and days: for a liver
/// recurrence the interval that describes the relapse (section 3.9: "relapses with a short DFI"), where the DFI from the
/// primary describes only the first metastatic relapse. Counted like <see cref="Timing.IntervalAssessment"/>.
/// </summary>
internal readonly struct MetastasectomyInterval
{
    private MetastasectomyInterval(LocalDate from, LocalDate to, int months, int days)
    {
        From = from;
        To = to;
        CompletedMonths = months;
        ExtraDays = days;
    }

    public LocalDate From { get; }

    public LocalDate To { get; }

    public int CompletedMonths { get; }

    public int ExtraDays { get; }

    /// <summary>Measures the interval; <paramref name="to"/> must not precede <paramref name="from"/>.</summary>
    public static MetastasectomyInterval Between(LocalDate from, LocalDate to)
    {
        var period = Period.Between(from, to, PeriodUnits.Months | PeriodUnits.Days);
        return new MetastasectomyInterval(from, to, period.Months, period.Days);
    }

    /// <summary>Whether the interval is at least <paramref name="months"/> calendar months (<c>to ≥ from.PlusMonths(months)</c>).</summary>
    public bool AtLeastMonths(int months) => To >= From.PlusMonths(months);

    /// <summary>Describes the length, for example "8 months" or "8 months and 12 days", in English.</summary>
    public string Describe() => DescribeMessage().Text;

    /// <summary>The length as a message (<c>remetastasectomy.interval-length</c>): completed months and extra days.</summary>
    public Message DescribeMessage() => LengthMessage(CompletedMonths, ExtraDays);

    /// <summary>A length of calendar months and days as a message: "8 months", "8 months and 12 days", "12 days".</summary>
    /// <param name="months">Completed months (≥ 0).</param>
    /// <param name="days">Extra days (≥ 0).</param>
    public static Message LengthMessage(int months, int days) =>
        months >= 0 && months < LengthMonths && days >= 0 && days < 31 ? Lengths[(months * 31) + days] : CreateLength(months, days);

    // Whole months and days up to 20 years: no patient data beyond the numbers, so made once per process.
    private const int LengthMonths = 240;

    private static readonly Evaluation.MemoTable<Message> Lengths = new(LengthMonths * 31, static key => CreateLength(key / 31, key % 31));

    private static Message CreateLength(int months, int days) =>
        Message.Of("remetastasectomy.interval-length", ("months", months), ("days", days));
}
