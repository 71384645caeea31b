namespace Sarcoma.Consensus.Model;

/// <summary>Keeps decimals in one form, so that equal values are held, compared and printed alike.</summary>
internal static class Decimals
{
    // Dividing by one written with 28 decimal places makes the runtime return the quotient at the smallest scale
    // that holds it exactly: 25.50 becomes 25.5, 100.000 becomes 100, and no value changes.
    private const decimal OneAtFullScale = 1.0000000000000000000000000000m;

    /// <summary>Drops trailing zeros after the decimal point (<c>25.50</c> → <c>25.5</c>); the value is unchanged.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <returns>The same value without trailing zeros, or <see langword="null"/>.</returns>
    public static decimal? Normalize(decimal? value) => value is { } v ? v / OneAtFullScale : null;
}
