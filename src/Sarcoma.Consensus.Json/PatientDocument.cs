using System;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json;

/// <summary>
/// A patient document as read from JSON: the <see cref="Model.Patient"/> and the optional top-level
/// <c>label</c>, a short non-identifying case label such as <c>"Metachronous liver-only OMD"</c>.
/// </summary>
/// <remarks>
/// The label is free text supplied by the author of the document: it must not identify a patient (no names,
/// record numbers or dates of birth), and this library never writes it to error messages. Do not log it.
/// Immutable and thread-safe.
/// </remarks>
public sealed class PatientDocument
{
    /// <summary>Creates a document.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="label">
    /// The non-identifying case label, or <see langword="null"/>: at most 200 characters of valid Unicode text without
    /// control characters, Unicode line or paragraph separators, bidirectional formatting characters or other invisible
    /// format characters (Unicode category Cf, such as the zero-width space U+200B).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="label"/> is longer than 200 characters, or holds a character it must not.</exception>
    public PatientDocument(Patient patient, string? label = null)
    {
        Patient = patient ?? throw new ArgumentNullException(nameof(patient));
        if (label is not null && label.Length > Internal.PatientReader.MaximumLabelLength)
        {
            throw new ArgumentException("A case label is at most 200 characters long.", nameof(label));
        }

        if (label is not null && Internal.TextCheck.FreeTextProblem(label) is { } problem)
        {
            throw new ArgumentException("A case label " + problem, nameof(label));
        }

        Label = label;
    }

    /// <summary>Gets the patient.</summary>
    public Patient Patient { get; }

    /// <summary>Gets the non-identifying case label, or <see langword="null"/> when the document has none.</summary>
    public string? Label { get; }
}
