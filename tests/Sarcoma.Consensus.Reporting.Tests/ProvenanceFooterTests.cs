using System;

namespace Sarcoma.Consensus.Reporting.Tests;

/// <summary>Every page says where it comes from, in a small footer (issue #10 §4).</summary>
public sealed class ProvenanceFooterTests
{
    public static TheoryData<string> AllSamples => new(Repo.SampleNames());

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Every_page_ends_with_the_provenance_of_its_report(string sample)
    {
        var (report, _, _) = Samples.Evaluate(sample);
        var footer = Page.Document(Samples.Html(sample)).QuerySelector("footer .provenance");

        Assert.NotNull(footer);
        var text = footer!.TextContent;
        Assert.Contains("Sarcoma.Consensus " + report.Provenance.LibraryVersion + ";", text, StringComparison.Ordinal);
        Assert.Contains("doi:" + report.Provenance.GuidelineDoi, text, StringComparison.Ordinal);
        Assert.Contains(report.Provenance.CatalogHash, text, StringComparison.Ordinal);
        Assert.Contains("as of 2026-11-26", text, StringComparison.Ordinal);
        Assert.Contains("options all at the consensus defaults", text, StringComparison.Ordinal);
        Assert.StartsWith("sha256:", report.Provenance.CatalogHash, StringComparison.Ordinal);
        Assert.All(report.Provenance.NonDefaultOptions, o => Assert.Contains(o.Key + " = " + o.Value, text, StringComparison.Ordinal));
    }
}
