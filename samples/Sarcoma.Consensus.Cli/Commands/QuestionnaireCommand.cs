using System;
using System.CommandLine;
using System.Linq;
using Sarcoma.Consensus.Cli.Input;
using Sarcoma.Consensus.Cli.Output;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Questionnaires;

namespace Sarcoma.Consensus.Cli.Commands;

/// <summary>
/// <c>questionnaire --fhir BUNDLE.json [--out Q.json] [--as-of yyyy-MM-dd] [--details]</c>: writes a FHIR R4 Questionnaire
/// asking for the facts the record cannot hold that would decide the recommendations that need facts.
/// </summary>
public static class QuestionnaireCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "questionnaire";

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The output streams and the clock.</param>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var fhir = FhirPatientFile.CreateFhirOption();
        fhir.Required = true;
        var asOf = AsOfOption.Create();
        var timeZone = TimeZoneOption.Create();
        var output = new Option<string?>("--out")
        {
            Description = "The file to write the Questionnaire to, written whole or not at all (a temporary file beside it, renamed when complete); without it, the Questionnaire is written to standard output.",
            HelpName = "Q.json",
        };
        var details = new Option<bool>("--details")
        {
            Description = "Also ask for the unknown facts that only the report's wording depends on, so the answered record gives the same report as a complete patient document.",
        };

        var command = new Command(
            Name,
            "Write a FHIR R4 Questionnaire (SDC-friendly) for the facts a FHIR record cannot hold that would decide the recommendations "
            + "that need facts; answer it and pass the QuestionnaireResponse to 'evaluate --fhir BUNDLE.json --answers QR.json'. "
            + "Exit codes: 0 written (an out-of-scope patient gets a Questionnaire without questions), 2 invalid input or usage, 1 unexpected failure.")
        {
            fhir,
            asOf,
            timeZone,
            output,
            details,
        };

        command.Validators.Add(result => EmptyPaths.Check(result, (fhir, "--fhir"), (output, "--out")));
        command.SetAction(parseResult =>
        {
            var date = AsOfOption.Resolve(parseResult.GetValue(asOf), parseResult.GetValue(timeZone), environment);
            var path = parseResult.GetValue(fhir)!;
            var mapping = FhirPatientFile.Read(path, date);
            var questionnaire = PatientFileEvaluation.Guard(path, date, () =>
                MissingFactsQuestionnaire.Create(mapping, date, environment.Evaluator, new QuestionnaireOptions { IncludeReportDetails = parseResult.GetValue(details) }));
            var json = FhirJson.Serialize(questionnaire);
            var questions = Count(questionnaire.Item);
            if (parseResult.GetValue(output) is { } file)
            {
                using (var written = OutputFile.Create(file, "Questionnaire", "--out", ("--fhir", path)))
                {
                    written.Write(new System.Text.UTF8Encoding(false).GetBytes(json));
                    written.Commit();
                }

                environment.Stdout.WriteLine($"{questions} {(questions == 1 ? "question" : "questions")} written to {DisplayText.Path(file)}.");
            }
            else
            {
                environment.Stdout.Write(json);
            }

            return ExitCodes.Success;
        });

        return command;
    }

    private static int Count(System.Collections.Generic.IEnumerable<Hl7.Fhir.Model.Questionnaire.ItemComponent> items) =>
        items.Sum(i => (i.Type == Hl7.Fhir.Model.Questionnaire.QuestionnaireItemType.Group ? 0 : 1) + Count(i.Item));
}
