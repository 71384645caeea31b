using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus;

/// <summary>
/// Where a report comes from, so it can be checked and reproduced: the library version, the catalogue it evaluated
/// (the guideline's DOI and a hash of every recommendation's wording, grade and votes), the evaluation date, and the
/// options that differ from the consensus defaults (issue #10 §4). Carried by every report, in every layout.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ReportProvenance
{
    private static readonly Lazy<string> Hash = new(ComputeCatalogHash);

    // Every option, by name, with its value as invariant text: explicit (no reflection), so trimming and AOT keep it,
    // and a test checks it lists every public option.
    private static readonly (string Name, Func<ConsensusOptions, string> Value)[] OptionValues =
    {
        (nameof(ConsensusOptions.SynchronousWindowMonths), o => Number(o.SynchronousWindowMonths)),
        (nameof(ConsensusOptions.AtWindowBoundary), o => o.AtWindowBoundary.ToString()),
        (nameof(ConsensusOptions.RemetastasectomyMinimumTfiMonths), o => Number(o.RemetastasectomyMinimumTfiMonths)),
        (nameof(ConsensusOptions.RemetastasectomyClearTfiMonths), o => Number(o.RemetastasectomyClearTfiMonths)),
        (nameof(ConsensusOptions.GoodPerformanceStatusMaximumEcog), o => Number(o.GoodPerformanceStatusMaximumEcog)),
        (nameof(ConsensusOptions.NormalLiverMinimumFlrPercent), o => Number(o.NormalLiverMinimumFlrPercent)),
        (nameof(ConsensusOptions.ChemotherapyLiverMinimumFlrPercent), o => Number(o.ChemotherapyLiverMinimumFlrPercent)),
        (nameof(ConsensusOptions.ChemotherapyLiverEvaluationCeilingFlrPercent), o => Number(o.ChemotherapyLiverEvaluationCeilingFlrPercent)),
        (nameof(ConsensusOptions.LongDiseaseFreeIntervalMonths), o => Number(o.LongDiseaseFreeIntervalMonths)),
        (nameof(ConsensusOptions.SurgeryPrecludingMinimumEcog), o => Number(o.SurgeryPrecludingMinimumEcog)),
        (nameof(ConsensusOptions.DetectionBeforeDiagnosisToleranceDays), o => Number(o.DetectionBeforeDiagnosisToleranceDays)),
        (nameof(ConsensusOptions.StagingCurrencyMonths), o => Number(o.StagingCurrencyMonths)),
        (nameof(ConsensusOptions.ApplySurgicalRecommendationsOutsideIndications), o => o.ApplySurgicalRecommendationsOutsideIndications ? "true" : "false"),
        (nameof(ConsensusOptions.ProgressionOnSystemicTherapyDefersSurgery), o => o.ProgressionOnSystemicTherapyDefersSurgery ? "true" : "false"),
        (nameof(ConsensusOptions.FdgPetCtSubtypes), o => "[" + string.Join(", ", (o.FdgPetCtSubtypes ?? (IEnumerable<string>)ConsensusOptions.DefaultFdgPetCtSubtypeCodes).Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal)) + "]"),
        (nameof(ConsensusOptions.FollowUpHorizonYears), o => Number(o.FollowUpHorizonYears)),
        (nameof(ConsensusOptions.TimeZoneId), o => o.TimeZoneId),
        (nameof(ConsensusOptions.EarliestPlausibleDate), o => LocalDatePattern.Iso.Format(o.EarliestPlausibleDate)),
        (nameof(ConsensusOptions.LatestPlausibleDate), o => LocalDatePattern.Iso.Format(o.LatestPlausibleDate)),
    };

    private static readonly ConsensusOptions Defaults = new();

    internal ReportProvenance(LocalDate asOf, ConsensusOptions options)
        : this(asOf, NonDefault(options))
    {
    }

    // For an engine that computed its options' differences once (NonDefault): the same provenance without recomputing them.
    internal ReportProvenance(LocalDate asOf, IReadOnlyList<KeyValuePair<string, string>> nonDefaultOptions)
    {
        AsOf = asOf;
        NonDefaultOptions = nonDefaultOptions;
    }

    /// <summary>The options that differ from the defaults, by name, with their values as invariant text (a read-only list).</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> NonDefault(ConsensusOptions options) =>
        OptionValues
            .Select(o => (o.Name, Value: o.Value(options), Default: o.Value(Defaults)))
            .Where(o => !string.Equals(o.Value, o.Default, StringComparison.Ordinal))
            .Select(o => new KeyValuePair<string, string>(o.Name, o.Value))
            .ToReadOnlyList();

    /// <summary>Gets the library version that produced the report (for example <c>0.1.0</c>; no build metadata, so a report is the same bytes on every build of one version).</summary>
    public string LibraryVersion { get; } = CachedVersion;

    /// <summary>Gets the DOI of the guideline evaluated (<c>10.3390/cancers17081295</c>).</summary>
    public string GuidelineDoi => RecommendationCatalog.Guideline.Doi;

    /// <summary>
    /// Gets the identity of the catalogue evaluated: <c>sha256:</c> and the lower-case hex SHA-256 of the citation and of
    /// every recommendation's id, kind, direction, wording (both printings), grades, votes and consensus, in catalogue order.
    /// Two reports with the same hash were judged against the same 34 recommendations.
    /// </summary>
    public string CatalogHash => Hash.Value;

    /// <summary>Gets the evaluation date ("today" as given to the engine).</summary>
    public LocalDate AsOf { get; }

    /// <summary>
    /// Gets the options that differ from the consensus defaults, by option name (<see cref="ConsensusOptions"/>), with their
    /// values as invariant text, in a fixed order; empty when every option is at its default.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> NonDefaultOptions { get; }

    /// <summary>Gets the names of every option the provenance compares (for tests and documentation).</summary>
    internal static IReadOnlyList<string> OptionNames => OptionValues.Select(o => o.Name).ToArray();

    // Read once per process (reflection over the assembly's attributes was paid on every report).
    private static readonly string CachedVersion = Version;

    private static string Version
    {
        get
        {
            var informational = typeof(ReportProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (string.IsNullOrEmpty(informational))
            {
                return typeof(ReportProvenance).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            }

            var plus = informational!.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string ComputeCatalogHash()
    {
        var text = new StringBuilder();
        text.Append(RecommendationCatalog.Guideline.Citation).Append('\n');
        foreach (var r in RecommendationCatalog.All)
        {
            text.Append(r.Id).Append('\u001F')
                .Append(r.Kind.ToString()).Append('\u001F')
                .Append(r.Direction.ToString()).Append('\u001F')
                .Append(r.ShortTitle).Append('\u001F')
                .Append(r.Text).Append('\u001F')
                .Append(r.TableText).Append('\u001F')
                .Append(r.Grade.ToString()).Append('\u001F')
                .Append(r.SectionGrade?.ToString() ?? string.Empty).Append('\u001F')
                .Append(r.Votes.Total.ToString(CultureInfo.InvariantCulture)).Append('/')
                .Append(r.Votes.Yes.ToString(CultureInfo.InvariantCulture)).Append('/')
                .Append(r.Votes.No.ToString(CultureInfo.InvariantCulture)).Append('\u001F')
                .Append(r.Consensus.ToString()).Append('\u001F')
                .Append(r.Printed.AgreementPercent.ToString(CultureInfo.InvariantCulture)).Append('\u001F')
                .Append(r.Printed.Category.ToString()).Append('\n');
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        var hex = new StringBuilder("sha256:", 7 + (hash.Length * 2));
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
