using System;
using System.Linq;
using System.Text.RegularExpressions;
using Sarcoma.Consensus.Tests.Support;
using Xunit;

namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>Every report says where it comes from (issue #10 §4): version, catalogue identity, options, date.</summary>
public sealed class ReportProvenanceTests
{
    [Fact]
    public void A_report_under_the_defaults_names_the_catalogue_the_version_and_the_date_and_no_option()
    {
        var report = ConsensusEngine.Default.Evaluate(Vignettes.MetachronousLiverOnlyOmd().Build(), Vignettes.AsOf);

        Assert.Equal(Vignettes.AsOf, report.Provenance.AsOf);
        Assert.Equal("10.3390/cancers17081295", report.Provenance.GuidelineDoi);
        Assert.Matches(new Regex("^sha256:[0-9a-f]{64}$"), report.Provenance.CatalogHash);
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"), report.Provenance.LibraryVersion);
        Assert.Empty(report.Provenance.NonDefaultOptions);
    }

    [Fact]
    public void Options_that_differ_from_the_defaults_are_listed_with_their_values_and_no_others()
    {
        var engine = new ConsensusEngine(new ConsensusOptions { LongDiseaseFreeIntervalMonths = 36, NormalLiverMinimumFlrPercent = 30m, TimeZoneId = "UTC" });

        var report = engine.Evaluate(Vignettes.MetachronousLiverOnlyOmd().Build(), Vignettes.AsOf);

        Assert.Equal(
            new[] { "NormalLiverMinimumFlrPercent=30", "LongDiseaseFreeIntervalMonths=36" },
            report.Provenance.NonDefaultOptions.Select(o => o.Key + "=" + o.Value));
    }

    [Fact]
    public void An_out_of_scope_report_carries_its_provenance_too()
    {
        var report = ConsensusEngine.Default.Evaluate(Vignettes.AlmostNothingKnown().WithPrimary(Sarcoma.Consensus.Model.Histology.Gist).Build(), Vignettes.AsOf);

        Assert.Equal(false, report.Scope.InScope);
        Assert.Equal(ConsensusEngine.Default.Evaluate(Vignettes.MetachronousLiverOnlyOmd().Build(), Vignettes.AsOf).Provenance.CatalogHash, report.Provenance.CatalogHash);
    }

    [Fact]
    public void Every_public_option_is_compared()
    {
        var options = typeof(ConsensusOptions).GetProperties().Where(p => p.CanWrite && p.SetMethod!.IsPublic).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(options, ReportProvenance.OptionNames.OrderBy(n => n, StringComparer.Ordinal));
    }
}
