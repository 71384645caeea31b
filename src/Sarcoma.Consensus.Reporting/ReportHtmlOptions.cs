using System;

namespace Sarcoma.Consensus.Reporting;

/// <summary>Options for <see cref="ReportHtml"/>.</summary>
/// <remarks>A plain options object: create one per call or share one that is no longer changed.</remarks>
public sealed class ReportHtmlOptions
{
    /// <summary>The longest case label accepted, in characters (the same limit as the patient document's <c>label</c>).</summary>
    public const int MaximumLabelLength = 200;

    private string? label;

    /// <summary>
    /// Gets or sets the non-identifying case label shown in the page title and header (for example
    /// <c>"Metachronous liver-only OMD"</c>), or <see langword="null"/> for none. Free text: it is HTML-encoded and
    /// stripped of control characters. It must not identify a patient (no names, record numbers or dates of birth).
    /// </summary>
    /// <exception cref="ArgumentException">The value is longer than <see cref="MaximumLabelLength"/> characters.</exception>
    public string? Label
    {
        get => label;
        set
        {
            if (value is not null && value.Length > MaximumLabelLength)
            {
                throw new ArgumentException("A case label is at most 200 characters long.", nameof(value));
            }

            label = value;
        }
    }
}
