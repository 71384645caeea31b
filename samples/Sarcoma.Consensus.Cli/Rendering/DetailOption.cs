using System;
using System.CommandLine;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>
/// <c>evaluate PATH --detail</c>: the full account instead of the bottom line and compact details (see
/// <see cref="ReportTextLayout.Detail"/>); for the text report only.
/// </summary>
public static class DetailOption
{
    /// <summary>The option's name on the command line.</summary>
    public const string OptionName = "--detail";

    /// <summary>Adds <c>--detail</c> to the evaluate command, refused together with <c>--json</c> or <c>--batch</c>.</summary>
    /// <param name="command">The evaluate command.</param>
    /// <param name="json">Its <c>--json</c> option.</param>
    /// <param name="batch">Its <c>--batch</c> option.</param>
    /// <returns>The option, to read in the command's action.</returns>
    public static Option<bool> Attach(Command command, Option<bool> json, Option<string?> batch)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(batch);
        var detail = new Option<bool>(OptionName)
        {
            Description = "Write the full text account (every sentence of every result in place, facts needed as JSON paths, "
                + "unwrapped) instead of the one-screen bottom line followed by the compact details.",
        };
        command.Options.Add(detail);
        command.Validators.Add(result =>
        {
            if (result.GetResult(detail) is null)
            {
                return;
            }

            if (result.GetValue(json))
            {
                result.AddError("--detail is for the text report; --json always writes the whole report.");
            }

            if (result.GetResult(batch) is not null)
            {
                result.AddError("--detail is for the text report of one patient; --batch writes JSON.");
            }
        });
        return detail;
    }

    /// <summary>The layout chosen.</summary>
    /// <param name="detail">The option's value.</param>
    /// <returns>The layout.</returns>
    public static ReportTextLayout Layout(bool detail) => detail ? ReportTextLayout.Detail : ReportTextLayout.BottomLine;
}
