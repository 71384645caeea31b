using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json;

/// <summary>
/// Thrown when a patient document cannot be read: it is not valid JSON, it does not follow the patient schema
/// (an unknown or repeated property, a value of the wrong type, a code not in its list, a missing lesion site), or
/// the patient it describes is inconsistent (<see cref="PatientValidator"/>, without an evaluation date).
/// </summary>
/// <remarks>
/// <para>
/// Every problem found is listed in <see cref="Errors"/>, each with the path of the field in the one style every
/// exception of the library uses, that of <see cref="PatientValidationException"/> and of <see cref="FactNames"/>:
/// property names joined by dots from the document root, array indices in brackets, no <c>$.</c> prefix
/// (<c>metastases.lesions[0].sizeMm</c>; drop the indices for the <see cref="FactNames"/> constant). A problem with the
/// document as a whole (not JSON, not an object) has the path <c>$</c>. The same path names a missing fact in a report,
/// so one string locates a field everywhere. The message names the fields and says what is wrong; it never repeats a value
/// from the document, so it may be logged. Property names are echoed only when they look like field names (ASCII
/// identifiers of at most 64 characters); any other name appears as <c>['?']</c>.
/// </para>
/// <para>
/// When the text is not valid JSON, <see cref="LineNumber"/> and <see cref="BytePositionInLine"/> locate the
/// error (zero-based, as <see cref="System.Text.Json.JsonException"/> counts them; the message counts from one).
/// The parser's own message is not kept, because it may quote a fragment of the document.
/// </para>
/// </remarks>
public sealed class PatientJsonException : FormatException
{
    /// <summary>The largest number of problems spelt out in <see cref="Exception.Message"/>; <see cref="Errors"/> has them all.</summary>
    public const int MaximumErrorsInMessage = 20;

    /// <summary>Creates the exception for a document that was parsed but is invalid.</summary>
    /// <param name="errors">The problems, at least one; each field a path in the <see cref="FactNames"/> form (<c>$</c> for the whole document).</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public PatientJsonException(IReadOnlyList<ValidationError> errors)
        : this(errors, null, null)
    {
    }

    private PatientJsonException(IReadOnlyList<ValidationError> errors, long? lineNumber, long? bytePositionInLine)
        : base(FormatMessage(errors, lineNumber, bytePositionInLine))
    {
        Errors = Array.AsReadOnly(errors.ToArray());
        Path = errors[0].Field;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>Gets every problem found, in the order the document was read.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Gets the path of the first problem (<c>metastases.lesions[0].sizeMm</c>; <c>$</c> when the document is not valid JSON).</summary>
    public string Path { get; }

    /// <summary>Gets the zero-based line of a JSON syntax error, or <see langword="null"/> when the JSON is well formed.</summary>
    public long? LineNumber { get; }

    /// <summary>Gets the zero-based byte position within the line of a JSON syntax error, or <see langword="null"/> when the JSON is well formed.</summary>
    public long? BytePositionInLine { get; }

    /// <summary>Gets a value indicating whether the text was not valid JSON (as opposed to valid JSON that is not a valid patient document).</summary>
    public bool IsSyntaxError => LineNumber is not null;

    /// <summary>
    /// Gets the problems grouped by field path, in the order first found, each field with its messages: the shape of
    /// the <c>errors</c> member of an RFC 9457 validation problem, ready for ASP.NET Core's
    /// <c>Results.ValidationProblem(errors)</c> or <c>new ValidationProblemDetails(errors)</c>. No message holds a
    /// value from the document.
    /// </summary>
    /// <returns>A new dictionary (ordinal keys) from field path to messages.</returns>
    /// <example>
    /// An ASP.NET Core minimal API that binds the patient document through the strict reader
    /// (<see cref="SarcomaJsonSerializerOptions.AddSarcomaConsensus"/>) and answers an invalid one with 400 and a
    /// <c>ValidationProblemDetails</c> naming each field, the exception answered by the <c>Sarcoma.Consensus.AspNetCore</c>
    /// package (whose <c>PatientRequest</c> parameter does the same without an exception):
    /// <code language="csharp"><![CDATA[
    /// builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddSarcomaConsensus());
    /// builder.Services.AddSarcomaConsensusProblemDetails();
    /// var app = builder.Build();
    /// app.UseExceptionHandler();
    /// app.MapPost("/evaluate", (Patient patient, IConsensusEvaluator evaluator) => Results.Ok(evaluator.EvaluateToday(patient)));
    /// // 400 {"title":"One or more validation errors occurred.","status":400,
    /// //      "errors":{"metastases.lesions[0].sizeMM":["is not a known property; did you mean \"sizeMm\"? Names are case-sensitive."],
    /// //                "clinical.ecog":["must be between 0 and 5."]}}
    /// ]]></code>
    /// </example>
    public IDictionary<string, string[]> ToValidationErrors() => ValidationError.GroupByField(Errors);

    internal static PatientJsonException Syntax(long? lineNumber, long? bytePositionInLine, string what)
    {
        var line = lineNumber ?? 0;
        var position = bytePositionInLine ?? 0;
        var error = new ValidationError(
            Internal.JsonPath.Root,
            string.Format(CultureInfo.InvariantCulture, "{0}: the error is on line {1}, at byte {2} of that line.", what, line + 1, position + 1));
        return new PatientJsonException(new[] { error }, line, position);
    }

    private static string FormatMessage(IReadOnlyList<ValidationError> errors, long? lineNumber, long? bytePositionInLine)
    {
        if (errors is null || errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        if (lineNumber is not null)
        {
            return "The patient document " + errors[0].Message;
        }

        var shown = string.Join("; ", errors.Take(MaximumErrorsInMessage).Select(e => e.ToString()));
        var more = errors.Count > MaximumErrorsInMessage
            ? string.Format(CultureInfo.InvariantCulture, "; and {0} more", errors.Count - MaximumErrorsInMessage)
            : string.Empty;
        return string.Format(
            CultureInfo.InvariantCulture,
            "The patient document is invalid ({0} {1}): {2}{3}",
            errors.Count,
            errors.Count == 1 ? "problem" : "problems",
            shown,
            more);
    }
}
