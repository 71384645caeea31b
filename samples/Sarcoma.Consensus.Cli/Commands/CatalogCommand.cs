using System.CommandLine;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Cli.Rendering;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.Cli.Commands;

/// <summary>
/// <c>catalog [--json | --messages]</c>: lists the guideline's 34 voted recommendations with grade, votes and consensus;
/// <c>--messages</c> writes the compact catalogue instead (<see cref="ReportJson.CompactCatalog(string)"/>: the message
/// templates and the finding defaults a compact report refers to).
/// </summary>
public static class CatalogCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "catalog";

    /// <summary>Creates the command.</summary>
    /// <param name="environment">Where the table or JSON is written (standard output).</param>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create(CliEnvironment environment)
    {
        System.ArgumentNullException.ThrowIfNull(environment);
        var stdout = environment.Stdout;
        var json = new Option<bool>("--json")
        {
            Description = "Write a JSON array, one object per recommendation in Table 5 order, instead of the table.",
        };

        var messages = new Option<bool>("--messages")
        {
            Description = "Write the compact catalogue as JSON instead: every message template (English) and, by message code, the fact, value, "
                + "comparison, threshold and source that a compact report's findings leave out (docs/schema/README.md, the compact layout).",
        };

        var command = new Command(
            Name,
            "List the 34 voted recommendations: id, short title, grade (level, strength), votes, agreement and consensus. "
            + "Items that did not reach consensus are labelled NO CONSENSUS and are not recommendations.")
        {
            json,
            messages,
        };

        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(messages))
            {
                result.AddError("--json and --messages are mutually exclusive: --json lists the recommendations, --messages the compact catalogue.");
            }
        });

        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(messages))
            {
                stdout.Write(ReportJson.CompactCatalog());
                stdout.Write('\n');
            }
            else if (parseResult.GetValue(json))
            {
                CatalogJson.Write(RecommendationCatalog.All, stdout);
            }
            else
            {
                CatalogTable.Write(RecommendationCatalog.All, RecommendationCatalog.Guideline, stdout);
            }

            return ExitCodes.Success;
        });

        return command;
    }
}
