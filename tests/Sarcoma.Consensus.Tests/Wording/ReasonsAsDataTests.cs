using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;
using Xunit;

namespace Sarcoma.Consensus.Tests.Wording;

/// <summary>Findings and results hold their reasons as messages and render them only when read (issue #10 §1).</summary>
public sealed class ReasonsAsDataTests
{
    [Fact]
    public void A_finding_renders_its_message_as_its_sentence()
    {
        var finding = new Finding(FactNames.StagingLiverMri, "no", FactProse.NotRecordedMessage(new[] { FactNames.StagingLiverMri, FactNames.StagingFdgPetCt }));

        Assert.Equal("liver MRI and FDG-PET/CT are not recorded", finding.Sentence);
        Assert.Equal("facts.not-recorded", finding.Message.Code);
        Assert.False(finding.Message.IsLiteral);
    }

    [Fact]
    public void Findings_are_equal_by_their_data_whether_or_not_rendered()
    {
        var a = new Finding(FactNames.Ecog, "2", Message.Of("facts.not-recorded", ("facts", new[] { FactNames.Ecog })), "≤", "ECOG 1", "9.1");
        var b = new Finding(FactNames.Ecog, "2", Message.Of("facts.not-recorded", ("facts", new[] { FactNames.Ecog })), "≤", "ECOG 1", "9.1");
        _ = a.Sentence;

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new Finding(FactNames.Ecog, "2", Message.Of("facts.not-recorded", ("facts", new[] { FactNames.Ecog })), "<", "ECOG 1", "9.1"));
    }

    [Fact]
    public void A_finding_worded_by_a_caller_keeps_its_words_as_a_literal()
    {
        var finding = new Finding("custom.fact", "yes", "Worded {by} the caller.");

        Assert.True(finding.Message.IsLiteral);
        Assert.Equal("Worded {by} the caller.", finding.Sentence);
    }

    [Fact]
    public void The_one_fact_form_is_singular()
    {
        Assert.Equal("the ECOG performance status is not recorded", FactProse.NotRecorded(new[] { FactNames.Ecog, FactNames.Ecog }));
    }

    [Fact]
    public void Every_fact_name_has_plain_words()
    {
        foreach (var field in typeof(FactNames).GetFields())
        {
            var fact = (string)field.GetValue(null)!;
            Assert.True(MessageCatalog.English.Defines("fact." + fact), fact + " has no fact.<path> term");
            Assert.NotEqual(fact, FactProse.Describe(fact));
        }
    }
}
