using System.CommandLine;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Cli.Rendering;

namespace Sarcoma.Consensus.Cli.Commands;

/// <summary>
/// <c>catalog [--json]</c>: lists the guideline's 34 voted recommendations with grade, votes and consensus.
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

        var command = new Command(
            Name,
            "List the 34 voted recommendations: id, short title, grade (level, strength), votes, agreement and consensus. "
            + "Items that did not reach consensus are labelled NO CONSENSUS and are not recommendations.")
        {
            json,
        };

        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(json))
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
