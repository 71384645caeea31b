using System;
using System.Collections.Generic;
using NodaTime;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Tests.Wording;

/// <summary>The message templates (an ICU MessageFormat subset) and the catalogue that renders them.</summary>
public sealed class MessageCatalogTests
{
    private static readonly MessageCatalog Catalog = MessageCatalog.Create("en", new Dictionary<string, string>
    {
        ["list.and"] = "and",
        ["list.or"] = "or",
        ["site.lymph-node"] = "lymph node",
        ["site.lung"] = "lung",
        ["lesions"] = "{count, plural, =0 {No lesion} one {# lesion} other {# lesions}} in the liver.",
        ["timing"] = "Detected on {date}: {timing, select, synchronous {synchronous} other {metachronous}}.",
        ["sites"] = "Metastases in {sites, term, site}.",
        ["because"] = "{reason, capital}; see {ids, list, or}.",
        ["reason"] = "the disease is {what}",
        ["reasons"] = "Outside the scenario: {reasons, list, semicolon}.",
        ["size"] = "Largest lesion {size} mm.",
        ["flag"] = "{known, select, true {Recorded} false {Not recorded} other {Unknown}}.",
    });

    [Theory]
    [InlineData(0, "No lesion in the liver.")]
    [InlineData(1, "1 lesion in the liver.")]
    [InlineData(2, "2 lesions in the liver.")]
    public void Plural_branches_follow_the_number(int count, string expected) =>
        Assert.Equal(expected, Catalog.Render(Message.Of("lesions", ("count", count))));

    [Fact]
    public void Select_chooses_by_value_and_dates_are_iso() =>
        Assert.Equal("Detected on 2024-02-29: synchronous.", Catalog.Render(Message.Of("timing", ("date", new LocalDate(2024, 2, 29)), ("timing", "synchronous"))));

    [Fact]
    public void Terms_are_looked_up_and_lists_joined() =>
        Assert.Equal("Metastases in liver, lymph node and lung.", Catalog.Render(Message.Of("sites", ("sites", new[] { "liver", "lymph-node", "lung" }))));

    [Fact]
    public void Nested_messages_render_capitalised_and_lists_use_their_style()
    {
        var nested = Message.Of("reason", ("what", "not oligometastatic"));

        Assert.Equal("The disease is not oligometastatic; see 9.1 or 10.1.", Catalog.Render(Message.Of("because", ("reason", nested), ("ids", new[] { "9.1", "10.1" }))));
        Assert.Equal("Outside the scenario: the disease is a; the disease is b.", Catalog.Render(Message.Of("reasons", ("reasons", new[] { Message.Of("reason", ("what", "a")), Message.Of("reason", ("what", "b")) }))));
    }

    [Theory]
    [InlineData(12.5, "Largest lesion 12.5 mm.")]
    [InlineData(0.25, "Largest lesion 0.25 mm.")]
    [InlineData(100, "Largest lesion 100 mm.")]
    public void Numbers_are_invariant_without_trailing_zeros(double size, string expected) =>
        Assert.Equal(expected, Catalog.Render(Message.Of("size", ("size", (decimal)size))));

    [Fact]
    public void An_absent_argument_selects_other_and_a_missing_code_is_visible()
    {
        Assert.Equal("Unknown.", Catalog.Render(new Message("flag")));
        Assert.Equal("Recorded.", Catalog.Render(Message.Of("flag", ("known", true))));
        Assert.Equal("⟦no.such.code⟧", Catalog.Render(new Message("no.such.code")));
    }

    [Fact]
    public void A_language_falls_back_to_english_for_codes_it_lacks()
    {
        var spanish = MessageCatalog.Create("es", new Dictionary<string, string> { ["list.and"] = "y" }, Catalog);

        Assert.Equal("Metastases in liver y lung.", spanish.Render(Message.Of("sites", ("sites", new[] { "liver", "lung" }))));
    }

    [Theory]
    [InlineData("{count, plural, one {x}}")]
    [InlineData("{count, bogus}")]
    [InlineData("{unclosed")]
    [InlineData("text }")]
    public void Malformed_templates_are_rejected(string template) =>
        Assert.ThrowsAny<FormatException>(() => MessageCatalog.Create("en", new Dictionary<string, string> { ["x"] = template }).Render(new Message("x", MessageArguments.Of(("count", 1)))));

    [Fact]
    public void Messages_and_their_arguments_compare_by_value()
    {
        Assert.Equal(Message.Of("sites", ("sites", new[] { "liver" })), Message.Of("sites", ("sites", new[] { "liver" })));
        Assert.NotEqual(Message.Of("sites", ("sites", new[] { "liver" })), Message.Of("sites", ("sites", new[] { "lung" })));
        Assert.Throws<ArgumentException>(() => Message.Of("x", ("a", 1), ("a", 2)));
        Assert.Throws<ArgumentException>(() => Message.Of("x", ("a", new object())));
    }

    [Fact]
    public void The_shipped_english_catalogue_loads_and_every_template_parses()
    {
        Assert.Contains("en", MessageCatalog.Languages);
        foreach (var code in MessageCatalog.English.Codes)
        {
            var text = MessageCatalog.English.Render(new Message(code));
            Assert.DoesNotContain("⟦", text);
        }
    }
}
