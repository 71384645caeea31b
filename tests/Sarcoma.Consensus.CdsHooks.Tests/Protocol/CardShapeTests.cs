using System.Linq;
using System.Text.Json;
using Sarcoma.Consensus.CdsHooks.Tests.Support;

namespace Sarcoma.Consensus.CdsHooks.Tests.Protocol;

/// <summary>The shape checker itself, on the specification's and the CRD test kit's cards: it must accept them and catch a broken card.</summary>
public sealed class CardShapeTests
{
    [Theory]
    [InlineData("hl7-spec_cards-response-suggestions-links.json")]
    [InlineData("hl7-spec_empty-cards-response.json")]
    public void The_specifications_responses_pass(string file) =>
        Assert.Empty(CdsShape.CardsResponse(JsonDocument.Parse(Http.Fixture(file)).RootElement));

    [Fact]
    public void The_crd_test_kits_valid_cards_pass()
    {
        var cards = JsonDocument.Parse(Http.Fixture("crd-test-kit_valid_cards.json")).RootElement;
        Assert.Empty(cards.EnumerateArray().SelectMany((c, i) => CdsShape.Card(c, "[" + i + "]")));
    }

    [Fact]
    public void A_card_with_a_long_summary_a_bad_indicator_and_no_source_fails()
    {
        var card = JsonDocument.Parse("{\"summary\":\"" + new string('x', 141) + "\",\"indicator\":\"hard-stop\",\"suggestions\":[{\"label\":\"x\",\"actions\":[{\"type\":\"create\",\"description\":\"d\"}]}]}").RootElement;
        var problems = CdsShape.Card(card, "$");

        Assert.Contains(problems, p => p.StartsWith("$.summary", System.StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.indicator", System.StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.source", System.StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.selectionBehavior", System.StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.suggestions[0].actions[0].resource", System.StringComparison.Ordinal));
    }
}
