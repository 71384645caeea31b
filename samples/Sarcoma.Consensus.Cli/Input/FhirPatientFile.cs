using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Hl7.Fhir.Model;
using NodaTime;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Questionnaires;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.Cli.Input;

/// <summary>
/// The FHIR R4 / mCODE input of the console tool: <c>--fhir BUNDLE.json</c> (one patient's Bundle), <c>--answers QR.json</c>
/// (a QuestionnaireResponse to the Questionnaire of <c>questionnaire --fhir</c>), and Bundles as lines of a batch.
/// Every input problem becomes an <see cref="InvalidInputException"/> naming the file, the resource and the element,
/// never a value.
/// </summary>
public static class FhirPatientFile
{
    /// <summary>The <c>--fhir</c> option's name.</summary>
    public const string FhirOptionName = "--fhir";

    /// <summary>The <c>--answers</c> option's name.</summary>
    public const string AnswersOptionName = "--answers";

    /// <summary>Creates the <c>--fhir BUNDLE.json</c> option.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> CreateFhirOption() => new(FhirOptionName)
    {
        Description = "Read the patient from a FHIR R4 Bundle (mCODE profiles or plain resources recognised by their codes) instead of a patient document.",
        HelpName = "BUNDLE.json",
    };

    /// <summary>Creates the <c>--answers QR.json</c> option.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> CreateAnswersOption() => new(AnswersOptionName)
    {
        Description = "With --fhir: a FHIR QuestionnaireResponse to the Questionnaire of 'questionnaire --fhir'; its answers fill the facts the record cannot hold (an answer that contradicts the record is reported and not applied).",
        HelpName = "QR.json",
    };

    /// <summary>Reads a Bundle file and maps it.</summary>
    /// <param name="path">The path, as given.</param>
    /// <param name="asOf">The evaluation date: a date the mapper reads after it is an input error (<see cref="McodeMapperOptions.AsOf"/>).</param>
    /// <returns>The patient and the mapping report.</returns>
    /// <exception cref="InvalidInputException">
    /// The file is missing or is not a FHIR R4 Bundle, a value the mapper reads does not parse (a malformed date), or the
    /// Bundle holds no patient data; each problem is named by FHIR path.
    /// </exception>
    public static McodeMapping Read(string path, LocalDate? asOf = null) => ReadRecord(path, asOf).Mapping;

    /// <summary>Reads a Bundle file and maps it, keeping the Bundle (for the answers' checks, <see cref="QuestionnaireAnswerOptions.ForRecord"/>).</summary>
    /// <param name="path">The path, as given.</param>
    /// <param name="asOf">The evaluation date: a date the mapper reads after it is an input error.</param>
    /// <returns>The mapping and the Bundle.</returns>
    /// <exception cref="InvalidInputException">As <see cref="Read"/>.</exception>
    public static (McodeMapping Mapping, Hl7.Fhir.Model.Bundle Bundle) ReadRecord(string path, LocalDate? asOf)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = PatientFile.OpenRead(path, "FHIR bundle");
        Hl7.Fhir.Model.Bundle bundle;
        try
        {
            bundle = FhirJson.ReadBundle(stream);
        }
        catch (FhirInputException e)
        {
            // Also bytes that are not UTF-8 (UTF-16 with or without a byte order mark): (document) says so, as for a patient file.
            throw Invalid(path, "is not a FHIR R4 Bundle", e);
        }

        try
        {
            return (Mapper(asOf).Map(bundle), bundle);
        }
        catch (FhirInputException e) when (e.NoPatientData)
        {
            throw Invalid(path, "holds no patient data, so there is nothing to evaluate", e);
        }
        catch (FhirInputException e)
        {
            throw Invalid(path, "has FHIR values that cannot be read", e);
        }
    }

    private static McodeMapper Mapper(LocalDate? asOf) => asOf is null ? McodeMapper.Default : new McodeMapper(new McodeMapperOptions { AsOf = asOf });

    /// <summary>Reads a QuestionnaireResponse file and applies its answers to the patient, reporting conflicts on standard error.</summary>
    /// <param name="path">The path, as given.</param>
    /// <param name="mapping">The mapped bundle: its patient, and the lesions read from it pending the Questionnaire's confirmation.</param>
    /// <param name="stderr">Where conflicts are reported (by fact name, never value).</param>
    /// <param name="options">The record's Patient and the evaluation date the response is checked against (<see cref="QuestionnaireAnswerOptions.ForRecord"/>); none when <see langword="null"/>.</param>
    /// <returns>The patient with the answers applied.</returns>
    /// <exception cref="InvalidInputException">The file is not a QuestionnaireResponse, is not this patient's (subject), is withdrawn (entered-in-error), or an answer cannot be read.</exception>
    public static Model.Patient ApplyAnswers(string path, McodeMapping mapping, TextWriter stderr, QuestionnaireAnswerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stderr);
        QuestionnaireResponse response;
        using (var stream = PatientFile.OpenRead(path, "QuestionnaireResponse"))
        {
            try
            {
                // The same UTF-8-only reading as the bundle's and a patient file's: UTF-16 answers are refused, not guessed.
                response = FhirJson.Read<QuestionnaireResponse>(stream);
            }
            catch (FhirInputException e)
            {
                throw Invalid(path, "is not a FHIR R4 QuestionnaireResponse", e);
            }
        }

        var outcome = QuestionnaireAnswers.Apply(mapping, response, options ?? new QuestionnaireAnswerOptions());
        if (outcome.Errors.Count > 0)
        {
            throw new InvalidInputException(
                $"{DisplayText.Path(path)}: {InputErrors.Problems(outcome.Errors.Count)} in the answers (by linkId or FHIR element):",
                InputErrors.Lines(outcome.Errors));
        }

        foreach (var conflict in outcome.Conflicts)
        {
            stderr.WriteLine($"warning: {DisplayText.Path(path)}: {DisplayText.Escape(conflict.Fact)}: {DisplayText.Escape(conflict.Explanation)}");
        }

        return outcome.Patient;
    }

    /// <summary>Whether an NDJSON line of a batch is a FHIR resource (it has a top-level <c>resourceType</c>) rather than a patient document.</summary>
    /// <param name="line">The line, UTF-8.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsFhirLine(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("resourceType"u8))
                {
                    return true;
                }

                reader.Skip();
                reader.Read();
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    /// <summary>Reads one batch line holding a Bundle.</summary>
    /// <param name="line">The line, UTF-8.</param>
    /// <param name="asOf">The evaluation date: a date the mapper reads after it is an input error.</param>
    /// <returns>The patient document (no label).</returns>
    /// <exception cref="FhirInputException">The line is not UTF-8 (its bytes are decoded strictly, never replaced), not a FHIR R4 Bundle, a value the mapper reads does not parse, or it holds no patient data.</exception>
    public static PatientDocument ReadBatchLine(ReadOnlySpan<byte> line, LocalDate? asOf = null) =>
        new(Mapper(asOf).Map(FhirJson.ParseBundle(line)).Patient, null);

    /// <summary>The lines of a FHIR input problem, by FHIR path.</summary>
    /// <param name="e">The problem.</param>
    /// <returns>One line per problem.</returns>
    public static IReadOnlyList<string> Lines(FhirInputException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return InputErrors.Lines(e.Errors);
    }

    /// <summary>Writes what the mapper read and left unknown, after the text report.</summary>
    /// <param name="mapping">The mapping.</param>
    /// <param name="output">The writer.</param>
    public static void WriteMappingSummary(McodeMapping mapping, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(output);
        var report = mapping.Report;
        var counts = UnknownCounts(report);
        output.WriteLine();
        output.WriteLine("FHIR RECORD");
        output.WriteLine($"{report.Mapped.Select(m => m.Fact).Distinct().Count()} facts read from {report.Recognised.Count} recognised resources; "
            + $"{report.Unknown.Count} unknown: {counts[UnknownReason.NoResource]} not in the record, "
            + $"{counts[UnknownReason.NotExpressibleInMcode]} not expressible in mCODE, "
            + $"{counts[UnknownReason.Ambiguous]} ambiguous, "
            + $"{counts[UnknownReason.Conflicting]} conflicting in the record.");
        var conflicting = report.Unknown.Where(u => u.Reason == UnknownReason.Conflicting).ToArray();
        if (conflicting.Length > 0)
        {
            // The report above words every unknown fact as "not recorded"; these are recorded, but the record disagrees with itself.
            output.WriteLine("Conflicting in the record (left unknown, shown above as \"not recorded\"; the record holds values that disagree, named here by element, never by value):");
            foreach (var fact in conflicting)
            {
                output.WriteLine($"  - {fact.Fact}: conflicting in the record. {fact.Explanation}");
            }
        }

        output.WriteLine("'questionnaire --fhir' writes a FHIR Questionnaire for the facts that would decide the recommendations above that need facts.");
    }

    /// <summary>How many facts are unknown for each <see cref="UnknownReason"/> (every reason, zero included), so the summary's parts add up to its total.</summary>
    /// <param name="report">The mapping report.</param>
    /// <returns>The count per reason.</returns>
    public static IReadOnlyDictionary<UnknownReason, int> UnknownCounts(MappingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Enum.GetValues<UnknownReason>().ToDictionary(reason => reason, reason => report.Unknown.Count(u => u.Reason == reason));
    }

    private static InvalidInputException Invalid(string path, string what, FhirInputException e) =>
        new($"{DisplayText.Path(path)}: {what} ({InputErrors.Problems(e.Errors.Count)}):", Lines(e));
}
