using System;
using NodaTime;
using Sarcoma.Consensus.Cli.Input;
using Sarcoma.Consensus.Cli.Rendering;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.Cli.Commands;

/// <summary>
/// <c>evaluate --fhir BUNDLE.json [--answers QR.json] [--json] [--html FILE]</c>: maps a FHIR R4 / mCODE Bundle to the
/// patient (dates after <c>--as-of</c> are input errors), applies the answers to its Questionnaire when given, and writes
/// the report (text, with a short account of the record, or JSON; with <c>--html</c> also the HTML page, as for a patient document).
/// </summary>
public static class FhirEvaluation
{
    /// <summary>Runs the evaluation.</summary>
    /// <param name="environment">The output streams and the engine.</param>
    /// <param name="bundlePath">The Bundle file.</param>
    /// <param name="answersPath">The QuestionnaireResponse file, or <see langword="null"/>.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="json">Whether to write JSON.</param>
    /// <param name="layout">The text layout (when not JSON).</param>
    /// <param name="htmlPath">The <c>--html</c> file to write the report's HTML page to, or <see langword="null"/>.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="InvalidInputException">A file is missing or is not valid FHIR, or the record does not fit the date.</exception>
    public static int Run(CliEnvironment environment, string bundlePath, string? answersPath, LocalDate asOf, bool json, ReportTextLayout layout = ReportTextLayout.BottomLine, string? htmlPath = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(bundlePath);
        var (mapping, bundle) = FhirPatientFile.ReadRecord(bundlePath, asOf);
        var patient = answersPath is null ? mapping.Patient : FhirPatientFile.ApplyAnswers(answersPath, mapping, environment.Stderr, Fhir.Questionnaires.QuestionnaireAnswerOptions.ForRecord(bundle, asOf));
        var report = PatientFile.Evaluate(environment.Evaluator, patient, asOf, answersPath is null ? bundlePath : bundlePath + " with " + answersPath);
        if (htmlPath is not null)
        {
            HtmlOutput.Write(htmlPath, report, new PatientDocument(patient, null), bundlePath, answersPath);
        }

        if (json)
        {
            environment.Stdout.Write(ReportJson.Serialize(report));
            environment.Stdout.Write('\n');
        }
        else
        {
            ReportText.Write(report, null, environment.Stdout, layout);
            FhirPatientFile.WriteMappingSummary(mapping, environment.Stdout);
        }

        return ExitCodes.Success;
    }
}
