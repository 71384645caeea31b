namespace Sarcoma.Consensus.Json;

/// <summary>What a report document holds (its white space is chosen apart, by <see cref="JsonLayout"/>).</summary>
public enum ReportLayout
{
    /// <summary>
    /// Everything, for a reader who has only this document: the guideline's citation, every derived concept with its
    /// rationale, and each recommendation's wording, grade, votes, summary, rationale and findings
    /// (<c>docs/schema/report.schema.json</c>; about 70–115 KB on one line for an in-scope patient).
    /// </summary>
    Full,

    /// <summary>
    /// The decisions and their reasons as data, for machines and batches: each recommendation by id with its status,
    /// consensus, flags, summary, findings (by index), cautions and missing facts (by index); messages as
    /// <c>[key, {arguments}]</c> tuples, the key numbering the code in the compact catalogue and the arguments equal to
    /// the code's defaults left out; each distinct finding once, with only the fact, value, comparison, threshold and
    /// source that differ from the code's defaults; each message used in more than one place once; the key derived
    /// concepts without rationale. The guideline's wording is referenced, not repeated: it is the catalogue identified by
    /// the provenance's <c>catalogHash</c> (<c>sarcoma-consensus catalog --json</c>, <c>RecommendationCatalog</c>); the
    /// key table, the defaults and the message templates are the compact catalogue identified by the report's
    /// <c>compactCatalogHash</c> (<see cref="ReportJson.CompactCatalog(string)"/>, <c>sarcoma-consensus catalog
    /// --messages</c>), with which every sentence of the full layout's recommendations can be rebuilt. Null values and
    /// empty lists are left out (<c>docs/schema/report-compact.schema.json</c>; 6–8 KB on one line for the bundled
    /// in-scope samples, at most 8 KB by test, about 7 % of the full layout).
    /// </summary>
    Compact,
}
