using System.Linq;
using System.Text.Json;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary><c>catalog --messages</c> writes the compact catalogue a compact report refers to (#10 §4).</summary>
public sealed class CatalogMessagesTests
{
    [Fact]
    public void Catalog_messages_writes_the_compact_catalogue_with_every_message_template_and_the_finding_defaults()
    {
        var run = CliRun.Of("catalog", "--messages");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(ReportJson.CompactCatalog() + "\n", run.Stdout);
        using var document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(MessageCatalog.English.Codes.Count, document.RootElement.GetProperty("messages").EnumerateObject().Count());
        var lesions = document.RootElement.GetProperty("findings").GetProperty("omd.lesions.within");
        Assert.Equal("5 lesions", lesions.GetProperty("threshold").GetString());
        Assert.Equal("1.1", lesions.GetProperty("source").GetString());
    }

    [Fact]
    public void Catalog_refuses_json_and_messages_together()
    {
        var run = CliRun.Of("catalog", "--json", "--messages");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("mutually exclusive", run.Stderr, System.StringComparison.Ordinal);
    }
}
