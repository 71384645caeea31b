namespace Sarcoma.Consensus.Catalog;

/// <summary>The consensus category a recommendation reached in the panel's vote.</summary>
public enum ConsensusCategory
{
    /// <summary>Less than 80 % agreement: no consensus. Such an item is never presented as a recommendation.</summary>
    NotReached,

    /// <summary>At least 80 % and less than 90 % agreement.</summary>
    Weak,

    /// <summary>At least 90 % and less than 100 % agreement.</summary>
    Strong,

    /// <summary>100 % agreement.</summary>
    Unanimous,
}

/// <summary>
/// The guideline's consensus rule (section 2, Methods): consensus is agreement by at least 80 % of the
/// voters; 80–89 % is weak, 90–99 % strong and 100 % unanimous.
/// </summary>
/// <remarks>
/// The paper's bands are whole percentages; this rule reads them as half-open intervals on the exact
/// share (≥ 80 % and &lt; 90 % weak, ≥ 90 % and &lt; 100 % strong), computed in integers so that no
/// rounding can move a vote across a boundary. 32 of 36 (88.9 %) is therefore weak, as Table 5 prints.
/// </remarks>
public static class ConsensusRule
{
    /// <summary>The rule in plain words, for reports.</summary>
    public const string Description =
        "Consensus is agreement by at least 80% of voters: weak 80–89%, strong 90–99%, unanimous 100%; below 80% no consensus was reached.";

    /// <summary>Classifies a vote.</summary>
    /// <param name="votes">The tally.</param>
    /// <returns>The consensus category.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="votes"/> is <c>default</c> (no voters).</exception>
    public static ConsensusCategory Classify(Votes votes)
    {
        if (votes.Total <= 0)
        {
            throw new System.ArgumentException("A vote needs at least one voter; default(Votes) is not a vote.", nameof(votes));
        }

        long yesTimes100 = votes.Yes * 100L;
        if (votes.Yes == votes.Total)
        {
            return ConsensusCategory.Unanimous;
        }

        if (yesTimes100 >= 90L * votes.Total)
        {
            return ConsensusCategory.Strong;
        }

        if (yesTimes100 >= 80L * votes.Total)
        {
            return ConsensusCategory.Weak;
        }

        return ConsensusCategory.NotReached;
    }

    /// <summary>The kebab-case code used in JSON and reports: <c>unanimous</c>, <c>strong</c>, <c>weak</c> or <c>not-reached</c>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The code.</returns>
    public static string ToCode(this ConsensusCategory category) => category switch
    {
        ConsensusCategory.Unanimous => "unanimous",
        ConsensusCategory.Strong => "strong",
        ConsensusCategory.Weak => "weak",
        _ => "not-reached",
    };
}
