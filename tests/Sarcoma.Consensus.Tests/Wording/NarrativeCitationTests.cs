using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Sarcoma.Consensus.Tests.Engine;

namespace Sarcoma.Consensus.Tests.Wording;

/// <summary>
/// Sections 3.1–3.13's narrative is not Table 5: every sentence of the English catalogue that quotes or reports it
/// ("section 3.10 says …", "Section 3.4: …") is tagged "(narrative, not voted)", as the report's other narrative
/// sentences are (issue #7, fifth read F7: section 3.10's transarterial sentence was shown untagged).
/// </summary>
public sealed class NarrativeCitationTests
{
    private static readonly Regex UntaggedQuote = new(
        @"[Ss]ection 3\.\d+(?= (says|reports|adds|notes|warns|asks|supports|considers|describes|reserves|lists|leaves|finds|associates|names|concerns|also)\b|:)",
        RegexOptions.CultureInvariant);

    [Fact]
    public void Every_catalogue_sentence_quoting_the_narrative_is_tagged_not_voted()
    {
        var folder = Path.Combine(TraceabilityTests.RepositoryRoot(), "src", "Sarcoma.Consensus", "Wording", "en");
        var untagged = Directory.GetFiles(folder, "*.messages")
            .SelectMany(file => File.ReadLines(file).Select(line => (File: Path.GetFileName(file), Line: line)))
            .Where(l => !l.Line.StartsWith('#') && l.Line.Contains('='))
            .Where(l => UntaggedQuote.IsMatch(l.Line.Substring(l.Line.IndexOf('=', System.StringComparison.Ordinal))))
            .Select(l => l.File + ": " + l.Line.Split('=')[0].Trim())
            .ToList();

        Assert.Empty(untagged);
    }

    [Fact]
    public void The_transarterial_sentence_of_section_3_10_is_tagged_wherever_it_is_said()
    {
        var catalog = Sarcoma.Consensus.Wording.MessageCatalog.English;
        foreach (var code in new[] { "10.1.progressing", "indication.caution.progression" })
        {
            var text = catalog.Render(new Sarcoma.Consensus.Wording.Message(code));
            Assert.Contains("section 3.10 (narrative, not voted)", text, System.StringComparison.Ordinal);
            Assert.Contains("transarterial treatment", text, System.StringComparison.Ordinal);
        }
    }
}
