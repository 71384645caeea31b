using System;
using System.Globalization;

namespace Sarcoma.Consensus.PropertyTests;

/// <summary>
/// How much the property tests generate. By default a CI run (a fixed number of iterations, well under a minute on two
/// cores); <c>SARCOMA_FUZZ=long</c> selects the long run, to be started by hand: at least 1,000,000 patients (half
/// through object initialisers, half through the builder) and 200,000 mutated JSON documents.
/// <c>SARCOMA_FUZZ_ITER</c> sets the patients of each patient property and <c>SARCOMA_FUZZ_JSON_ITER</c> the documents;
/// <c>SARCOMA_FUZZ_SEED</c> replays the seed CsCheck printed for a failure.
/// </summary>
internal static class FuzzSettings
{
    public static bool IsLong => string.Equals(Environment.GetEnvironmentVariable("SARCOMA_FUZZ"), "long", StringComparison.OrdinalIgnoreCase);

    /// <summary>Patients for each of the two patient properties (initialisers, builder).</summary>
    public static long Patients => Number("SARCOMA_FUZZ_ITER") ?? (IsLong ? 500_000 : 1_500);

    /// <summary>Patients for the monotonicity property (each evaluated twice).</summary>
    public static long MonotonicityPatients => Number("SARCOMA_FUZZ_ITER") ?? (IsLong ? 200_000 : 1_000);

    /// <summary>Mutated JSON documents.</summary>
    public static long JsonMutations => Number("SARCOMA_FUZZ_JSON_ITER") ?? (IsLong ? 200_000 : 3_000);

    public static string? Seed => Environment.GetEnvironmentVariable("SARCOMA_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    private static long? Number(string variable) =>
        long.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
