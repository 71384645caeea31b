namespace Sarcoma.Consensus.Json;

/// <summary>How a document is laid out when written.</summary>
public enum JsonLayout
{
    /// <summary>Indented by two spaces, one property per line, <c>\n</c> line ends on every platform. For files and people.</summary>
    Indented,

    /// <summary>One line with no insignificant white space: for NDJSON (write one document, then <c>\n</c>) and for transport.</summary>
    SingleLine,
}
