using System;

namespace Sarcoma.Consensus.Catalog;

/// <summary>The result of the panel's vote on one recommendation (Table 5).</summary>
/// <remarks>This type is an immutable value type and is thread-safe.</remarks>
public readonly struct Votes : IEquatable<Votes>
{
    /// <summary>Creates a vote tally.</summary>
    /// <param name="total">Number of voters.</param>
    /// <param name="yes">Votes in favour.</param>
    /// <param name="no">Votes against.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, there were no voters, or yes + no differs from the total.</exception>
    public Votes(int total, int yes, int no)
    {
        if (total <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(total), "A vote needs at least one voter.");
        }

        if (yes < 0 || no < 0 || yes + no != total)
        {
            throw new ArgumentOutOfRangeException(nameof(yes), "Yes and no votes must be non-negative and add up to the total.");
        }

        Total = total;
        Yes = yes;
        No = no;
    }

    /// <summary>Gets the number of voters.</summary>
    public int Total { get; }

    /// <summary>Gets the number of votes in favour.</summary>
    public int Yes { get; }

    /// <summary>Gets the number of votes against.</summary>
    public int No { get; }

    /// <summary>
    /// Gets the share of votes in favour, as a percentage rounded to one decimal place (half away from zero),
    /// for example 91.7 for 33 of 36.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tally is <c>default</c> (no voters).</exception>
    public decimal AgreementPercent => Total > 0
        ? Math.Round(Yes * 100m / Total, 1, MidpointRounding.AwayFromZero)
        : throw new InvalidOperationException("default(Votes) has no voters.");

    /// <summary>Gets the consensus category these votes fall into under <see cref="ConsensusRule"/>.</summary>
    public ConsensusCategory Category => ConsensusRule.Classify(this);

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Votes left, Votes right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Votes left, Votes right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Votes other) => Total == other.Total && Yes == other.Yes && No == other.No;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Votes other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Total * 397) ^ (Yes * 31) ^ No;

    /// <summary>Formats the tally, for example <c>33/36 yes (91.7%)</c>.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{Yes}/{Total} yes ({AgreementPercent:0.0}%)");
}
