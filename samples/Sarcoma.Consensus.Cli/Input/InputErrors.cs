using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Cli.Input;

/// <summary>Turns the libraries' validation errors into lines for standard error: field path, then what is wrong.</summary>
/// <remarks>
/// The libraries' messages never contain a patient's values (<see cref="PatientJsonException"/>,
/// <see cref="PatientValidationException"/>), and nothing is added here but paths and counts.
/// </remarks>
public static class InputErrors
{
    /// <summary>How many problems are listed for one document; the rest are counted.</summary>
    public const int MaximumListed = PatientJsonException.MaximumErrorsInMessage;

    /// <summary>
    /// Shows a field the way the patient document spells it: <c>$.metastases.lesions[0].sizeMm</c> becomes
    /// <c>metastases.lesions[0].sizeMm</c>, the document root <c>$</c> becomes <c>(document)</c>, and the engine's
    /// <c>asOf</c> becomes <c>--as-of</c>, the option that set it.
    /// </summary>
    /// <param name="field">The field, as a JSONPath or a <see cref="FactNames"/> path.</param>
    /// <returns>The text to show.</returns>
    public static string DisplayField(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field == "$")
        {
            return "(document)";
        }

        if (field.StartsWith("$.", StringComparison.Ordinal))
        {
            return field.Substring(2);
        }

        if (field.StartsWith("$[", StringComparison.Ordinal))
        {
            return field.Substring(1);
        }

        return field == FactNames.AsOf ? "--as-of" : field;
    }

    /// <summary>One line per problem (at most <see cref="MaximumListed"/>, then a count of the rest).</summary>
    /// <param name="errors">The problems.</param>
    /// <returns>The lines.</returns>
    public static IReadOnlyList<string> Lines(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        // Escaped as paths are: a library names fields by path, but nothing reaches a terminal raw (defence in depth).
        var lines = errors.Take(MaximumListed).Select(e => $"{DisplayText.Escape(DisplayField(e.Field))}: {DisplayText.Escape(e.Message)}").ToList();
        if (errors.Count > MaximumListed)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"… and {errors.Count - MaximumListed} more."));
        }

        return lines;
    }

    /// <summary>Counts problems in words: "1 problem", "3 problems".</summary>
    /// <param name="count">The count.</param>
    /// <returns>The text.</returns>
    public static string Problems(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "problem" : "problems")}");
}
