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
    /// consensus, flags, missing facts, and its summary, findings and cautions by index; each distinct finding once, as
    /// its message code and arguments with only the fact, value, comparison, threshold and source that differ from the
    /// code's defaults; each distinct summary, caution and nested message once; the key derived concepts without
    /// rationale. The guideline's wording is referenced, not repeated: it is the catalogue identified by the provenance's
    /// <c>catalogHash</c> (<c>sarcoma-consensus catalog --json</c>, <c>RecommendationCatalog</c>); the message templates
    /// and the finding defaults are the compact catalogue (<see cref="ReportJson.CompactCatalog(string)"/>,
    /// <c>sarcoma-consensus catalog --messages</c>), with which every sentence of the full layout's recommendations can be
    /// rebuilt. Null values and empty lists are left out (<c>docs/schema/report-compact.schema.json</c>; 11–17 KB on one
    /// line for the bundled in-scope samples, about a seventh of the full layout).
    /// </summary>
    Compact,
}
