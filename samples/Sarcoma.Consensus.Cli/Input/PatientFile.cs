using System;
using System.IO;
using System.Security;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Cli.Input;

/// <summary>Reads a patient file and evaluates it, turning every input problem into an <see cref="InvalidInputException"/>.</summary>
public static class PatientFile
{
    /// <summary>Reads and validates a patient document (<c>docs/schema/patient.schema.json</c>).</summary>
    /// <param name="path">The path, as given on the command line.</param>
    /// <returns>The document: the patient and its case label.</returns>
    /// <exception cref="InvalidInputException">The file is missing or unreadable, or the document is invalid; each field is named.</exception>
    public static PatientDocument Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = OpenRead(path, "patient file");
            return PatientJson.ReadDocument(stream);
        }
        catch (PatientJsonException e)
        {
            throw new InvalidInputException(
                $"{DisplayText.Path(path)}: the patient document is invalid ({InputErrors.Problems(e.Errors.Count)}):",
                InputErrors.Lines(e.Errors));
        }
        catch (IOException e)
        {
            throw new InvalidInputException($"{DisplayText.Path(path)}: the patient file cannot be read ({Reason(e)}).");
        }
    }

    /// <summary>Evaluates a patient, reporting a record that is inconsistent with the evaluation date field by field.</summary>
    /// <param name="evaluator">The engine.</param>
    /// <param name="patient">The patient.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="path">The patient file, for the message.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidInputException">A date in the record is after <paramref name="asOf"/>, or <paramref name="asOf"/> precedes the diagnosis.</exception>
    public static ConsensusReport Evaluate(IConsensusEvaluator evaluator, Patient patient, LocalDate asOf, string path)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        try
        {
            return evaluator.Evaluate(patient, asOf);
        }
        catch (PatientValidationException e)
        {
            throw new InvalidInputException(
                $"{DisplayText.Path(path)}: the patient record does not fit the evaluation date {LocalDatePattern.Iso.Format(asOf)} ({InputErrors.Problems(e.Errors.Count)}):",
                InputErrors.Lines(e.Errors));
        }
    }

    /// <summary>Opens a file for reading, naming the argument when it cannot be.</summary>
    /// <param name="path">The path.</param>
    /// <param name="what">What the file is, for the message ("patient file", "batch input").</param>
    /// <returns>The stream.</returns>
    /// <exception cref="InvalidInputException">The file does not exist or cannot be read.</exception>
    public static FileStream OpenRead(string path, string what)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException($"{DisplayText.Path(path)}: no such {what}.");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or SecurityException or IOException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException($"{DisplayText.Path(path)}: the {what} cannot be read ({Reason(e)}).");
        }
    }

    /// <summary>Why a file could not be opened, in a few fixed words: the runtime's message is left out (it repeats the path, and may be localised).</summary>
    /// <param name="e">The error.</param>
    /// <returns>The words.</returns>
    public static string Reason(Exception e) => e switch
    {
        DirectoryNotFoundException => "its folder does not exist",
        UnauthorizedAccessException or SecurityException => "permission denied, or it is a folder",
        PathTooLongException => "the path is too long",
        ArgumentException or NotSupportedException => "the path is not valid",
        _ => Output.OutputFailureException.Describe(e),
    };
}
