using System;
using System.CommandLine;
using Sarcoma.Consensus.Cli.Input;
using Sarcoma.Consensus.Cli.Rendering;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.Cli.Commands;

/// <summary>
/// <c>evaluate PATH [--as-of yyyy-MM-dd] [--json | --detail]</c>: evaluates one patient file against the whole guideline
/// (text: the one-screen bottom line, then the details; <c>--detail</c>: the full account);
/// <c>evaluate --batch IN.ndjson --out OUT.ndjson [--as-of yyyy-MM-dd] [--layout compact|full]</c>: evaluates one patient per line (see <see cref="BatchEvaluation"/>);
/// <c>evaluate --fhir BUNDLE.json [--answers QR.json]</c>: evaluates a FHIR R4 / mCODE record (see <see cref="FhirEvaluation"/>).
/// </summary>
public static class EvaluateCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "evaluate";

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The output streams and the clock.</param>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = new Argument<string?>("PATH")
        {
            Description = "A patient document (JSON, see docs/schema/patient.schema.json), for example samples/patients/metachronous-liver-omd.json.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var asOf = AsOfOption.Create();
        var timeZone = TimeZoneOption.Create();
        var json = new Option<bool>("--json")
        {
            Description = "Write the report as JSON (docs/schema/report.schema.json) instead of text.",
        };
        var batch = new Option<string?>("--batch")
        {
            Description = "Evaluate every line of an NDJSON file (one patient document per line) instead of PATH; needs --out.",
            HelpName = "IN.ndjson",
        };
        var output = new Option<string?>("--out")
        {
            Description = "With --batch: the NDJSON file to write, one line per input line (its JSON report, or its rejection), each with the input line number. "
                + "Written to a temporary file beside it and renamed when the batch ends, so an interrupted or failed run leaves it absent or as it was.",
            HelpName = "OUT.ndjson",
        };
        var layout = new Option<string?>("--layout")
        {
            Description = "The JSON report's layout: compact (decisions and reasons as data, wording by reference; docs/schema/report-compact.schema.json) "
                + "or full (docs/schema/report.schema.json). Default: compact with --batch, full with --json.",
            HelpName = "compact|full",
        };
        layout.AcceptOnlyFromAmong("compact", "full");
        var fhir = FhirPatientFile.CreateFhirOption();
        var answers = FhirPatientFile.CreateAnswersOption();

        var command = new Command(
            Name,
            "Evaluate a patient against the 34 recommendations: scope, timing, oligometastatic status, resection candidacy, "
            + "imaging, every recommendation with its grade, consensus and reasons, and the follow-up calendar. "
            + "Exit codes: 0 evaluated (out of scope included), 2 invalid input, usage or an output that could not be written "
            + "(in batch: any rejected line), 130/143 batch stopped by SIGINT/SIGTERM, 1 unexpected failure.")
        {
            path,
            asOf,
            timeZone,
            json,
            batch,
            output,
            layout,
            fhir,
            answers,
        };
        var html = HtmlOutput.Attach(command, batch);
        var detail = DetailOption.Attach(command, json, batch);

        command.Validators.Add(result =>
        {
            EmptyPaths.Check(result, (path, "PATH"), (batch, "--batch"), (output, "--out"), (fhir, "--fhir"), (answers, "--answers"));
            var hasPath = result.GetValue(path) is not null || result.GetResult(fhir) is not null;
            var hasBatch = result.GetResult(batch) is not null;
            var hasOut = result.GetResult(output) is not null;
            if (hasPath && hasBatch)
            {
                result.AddError("PATH and --batch are mutually exclusive: give one patient file, or --batch IN.ndjson --out OUT.ndjson.");
            }
            else if (!hasPath && !hasBatch)
            {
                result.AddError("Give a patient file (PATH), or --batch IN.ndjson --out OUT.ndjson.");
            }

            if (hasBatch && !hasOut)
            {
                result.AddError("--batch needs --out OUT.ndjson, the file the reports are written to.");
            }

            if (hasOut && !hasBatch)
            {
                result.AddError("--out is only used with --batch.");
            }

            if (result.GetResult(answers) is not null && result.GetResult(fhir) is null)
            {
                result.AddError("--answers needs --fhir BUNDLE.json, the record the Questionnaire was made from.");
            }

            if (result.GetValue(path) is not null && result.GetResult(fhir) is not null)
            {
                result.AddError("PATH and --fhir are mutually exclusive: give a patient document, or a FHIR Bundle.");
            }

            if (hasBatch && result.GetValue(json))
            {
                result.AddError("--json is for a single PATH; --batch always writes one JSON report per line (--layout compact or full).");
            }

            if (result.GetResult(layout) is not null && !hasBatch && !(result.GetValue(json) && result.GetValue(path) is not null))
            {
                result.AddError("--layout is for JSON reports: give it with --batch, or with PATH and --json.");
            }
        });

        command.SetAction(parseResult =>
        {
            var date = AsOfOption.Resolve(parseResult.GetValue(asOf), parseResult.GetValue(timeZone), environment);
            if (parseResult.GetValue(batch) is { } input)
            {
                return BatchEvaluation.Run(environment, input, parseResult.GetValue(output)!, date, Layout(parseResult.GetValue(layout), ReportLayout.Compact));
            }

            if (parseResult.GetValue(fhir) is { } bundle)
            {
                return FhirEvaluation.Run(environment, bundle, parseResult.GetValue(answers), date, parseResult.GetValue(json), DetailOption.Layout(parseResult.GetValue(detail)), parseResult.GetValue(html));
            }

            var file = parseResult.GetValue(path)!;
            var document = PatientFile.Read(file);
            var report = PatientFile.Evaluate(environment.Evaluator, document.Patient, date, file);
            if (parseResult.GetValue(html) is { } page)
            {
                HtmlOutput.Write(page, report, document, file);
            }

            if (parseResult.GetValue(json))
            {
                var options = new ReportJsonOptions { Layout = Layout(parseResult.GetValue(layout), ReportLayout.Full) }.For(document);
                environment.Stdout.Write(ReportJson.Serialize(report, options));
                environment.Stdout.Write('\n');
            }
            else
            {
                ReportText.Write(report, document.Label, environment.Stdout, DetailOption.Layout(parseResult.GetValue(detail)));
            }

            return ExitCodes.Success;
        });

        return command;
    }

    private static ReportLayout Layout(string? value, ReportLayout otherwise) => value switch
    {
        "compact" => ReportLayout.Compact,
        "full" => ReportLayout.Full,
        _ => otherwise,
    };
}
