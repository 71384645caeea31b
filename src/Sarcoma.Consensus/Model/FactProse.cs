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
        Message.Of("facts.not-recorded", ("facts", facts.Distinct(StringComparer.Ordinal).ToArray()));

    /// <summary>Describes several facts as "a, b and c are not recorded" (or "a is not recorded"), in English.</summary>
    public static string NotRecorded(IEnumerable<string> facts) => NotRecordedMessage(facts).Text;

    /// <summary>Joins phrases as "a", "a and b" or "a, b and c".</summary>
    public static string JoinPhrases(IReadOnlyList<string> phrases) =>
        phrases.Count <= 1
            ? string.Concat(phrases)
            : string.Join(", ", phrases.Take(phrases.Count - 1)) + " and " + phrases[phrases.Count - 1];
}
