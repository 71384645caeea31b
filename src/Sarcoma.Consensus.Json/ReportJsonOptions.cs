using System;
using Sarcoma.Consensus.Json.Internal;

namespace Sarcoma.Consensus.Json;

/// <summary>
/// How <see cref="ReportJson"/> writes a report: the layout (full or compact), the white space, and what joins the
/// report back to its input (the patient document's case label, the input line of a batch).
/// </summary>
/// <remarks>Immutable and thread-safe; value equality. <see cref="Default"/> is the full, indented layout without label or line.</remarks>
public sealed record ReportJsonOptions
{
    private readonly string? label;
    private readonly long? lineNumber;

    /// <summary>Gets the full, indented layout without label or line number.</summary>
    public static ReportJsonOptions Default { get; } = new();

    /// <summary>Gets the compact, single-line layout without label or line number (one NDJSON line once <c>\n</c> is added).</summary>
    public static ReportJsonOptions CompactLine { get; } = new() { Layout = ReportLayout.Compact, Formatting = JsonLayout.SingleLine };

    /// <summary>Gets what the report holds: <see cref="ReportLayout.Full"/> (the default) or <see cref="ReportLayout.Compact"/>.</summary>
    public ReportLayout Layout { get; init; } = ReportLayout.Full;

    /// <summary>Gets the white space: <see cref="JsonLayout.Indented"/> (the default) or <see cref="JsonLayout.SingleLine"/>. Ignored when writing to a caller's <see cref="System.Text.Json.Utf8JsonWriter"/>, whose own options apply.</summary>
    public JsonLayout Formatting { get; init; } = JsonLayout.Indented;

    /// <summary>
    /// Gets the patient document's non-identifying case label (<see cref="PatientDocument.Label"/>), echoed as
    /// <c>label</c> so a report joins back to its input; <see langword="null"/> (the default) writes <c>null</c>.
    /// </summary>
    /// <exception cref="ArgumentException">On set: longer than 200 characters, or holding a control, line-separator or bidirectional formatting character (the rules of <see cref="PatientDocument"/>).</exception>
    public string? Label
    {
        get => label;
        init
        {
            if (value is not null && value.Length > PatientReader.MaximumLabelLength)
            {
                throw new ArgumentException("A case label is at most 200 characters long.", nameof(Label));
            }

            if (value is not null && TextCheck.FreeTextProblem(value) is { } problem)
            {
                throw new ArgumentException("A case label " + problem, nameof(Label));
            }

            label = value;
        }
    }

    /// <summary>
    /// Gets the one-based line of the batch input the report answers, echoed as <c>line</c>; <see langword="null"/>
    /// (the default, outside a batch) writes no <c>line</c> in either layout.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">On set: less than 1.</exception>
    public long? LineNumber
    {
        get => lineNumber;
        init => lineNumber = value is < 1
            ? throw new ArgumentOutOfRangeException(nameof(LineNumber), "A line number counts from 1.")
            : value;
    }

    /// <summary>Creates options that echo a patient document's label.</summary>
    /// <param name="document">The document the report was evaluated from.</param>
    /// <returns>These options with <see cref="Label"/> set to the document's label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    public ReportJsonOptions For(PatientDocument document) =>
        this with { Label = (document ?? throw new ArgumentNullException(nameof(document))).Label };
}
