namespace Sarcoma.Consensus.Json;

/// <summary>What a report document holds (its white space is chosen apart, by <see cref="JsonLayout"/>).</summary>
public enum ReportLayout
{
    /// <summary>
    /// Everything, for a reader who has only this document: the guideline's citation, every derived concept with its
    /// rationale, and each recommendation's wording, grade, votes, summary, rationale and findings
    /// (<c>docs/schema/report.schema.json</c>; about 60–70 KB for an in-scope patient).
    /// </summary>
    Full,

    /// <summary>
    /// The decisions and their reasons as data, for machines and batches: each recommendation by id with its status,
    /// consensus, flags, missing facts, findings (fact, value, comparison, threshold, source, message code and
    /// arguments), cautions and summary as message codes and arguments; the key derived concepts without rationale.
    /// The guideline's wording is referenced, not repeated: it is the catalogue identified by the provenance's
    /// <c>catalogHash</c> (<c>sarcoma-consensus catalog --json</c>, <c>RecommendationCatalog</c>), and message codes are
    /// rendered by a <c>MessageCatalog</c>. Null values and empty lists are left out
    /// (<c>docs/schema/report-compact.schema.json</c>; at most 8 KB for every bundled sample).
    /// </summary>
    Compact,
}
