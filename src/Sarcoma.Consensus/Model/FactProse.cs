using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Model;

/// <summary>
/// Plain-language names for patient facts, so that summaries, finding sentences and cautions speak prose while the
/// JSON paths stay in <c>Missing</c> and <c>Finding.Fact</c>.
/// </summary>
internal static class FactProse
{
    /// <summary>Describes one fact in English (the <c>fact.&lt;path&gt;</c> term of the catalogue), falling back to its JSON path.</summary>
    public static string Describe(string fact) => MessageCatalog.English.Term("fact", fact);

    /// <summary>Describes several facts as "a, b and c are not recorded" (or "a is not recorded"), as a message.</summary>
    public static Message NotRecordedMessage(IEnumerable<string> facts) =>
        Message.Of("facts.not-recorded", ("facts", DistinctFacts(facts)));

    /// <summary>
    /// The distinct facts, first occurrence first (as <c>Distinct(StringComparer.Ordinal)</c>), as a read-only value list a
    /// message or concept keeps without another copy: a handful of facts, so a linear check instead of a hash set; a
    /// read-only value list without repeats is returned as it is.
    /// </summary>
    /// <param name="facts">The facts.</param>
    /// <returns>The distinct facts.</returns>
    internal static ReadOnlyValueList<string> DistinctFacts(IEnumerable<string> facts)
    {
        if (facts is not IReadOnlyList<string> list)
        {
            return ReadOnlyValueList<string>.Wrap(facts.Distinct(StringComparer.Ordinal).ToArray());
        }

        if (list.Count == 0)
        {
            return ReadOnlyValueList<string>.None;
        }

        if (list is ReadOnlyValueList<string> shared && !HasRepeats(shared))
        {
            return shared;
        }

        var distinct = new string[list.Count];
        var count = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var fact = list[i];
            var seen = false;
            for (var j = 0; j < count; j++)
            {
                if (string.Equals(distinct[j], fact, StringComparison.Ordinal))
                {
                    seen = true;
                    break;
                }
            }

            if (!seen)
            {
                distinct[count++] = fact;
            }
        }

        if (count < distinct.Length)
        {
            Array.Resize(ref distinct, count);
        }

        return ReadOnlyValueList<string>.Wrap(distinct);
    }

    private static bool HasRepeats(ReadOnlyValueList<string> facts)
    {
        for (var i = 1; i < facts.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(facts[j], facts[i], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Describes several facts as "a, b and c are not recorded" (or "a is not recorded"), in English.</summary>
    public static string NotRecorded(IEnumerable<string> facts) => NotRecordedMessage(facts).Text;

    /// <summary>Joins phrases as "a", "a and b" or "a, b and c".</summary>
    public static string JoinPhrases(IReadOnlyList<string> phrases) =>
        phrases.Count <= 1
            ? string.Concat(phrases)
            : string.Join(", ", phrases.Take(phrases.Count - 1)) + " and " + phrases[phrases.Count - 1];
}
