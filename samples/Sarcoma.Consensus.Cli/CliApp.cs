using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using Sarcoma.Consensus.Cli.Commands;

namespace Sarcoma.Consensus.Cli;

/// <summary>The console sample's entry point, testable with any writers.</summary>
/// <remarks>
/// Each command lives in its own class under <c>Commands/</c> and is added to the root here; that is the
/// only change a new command needs in this file. Nothing here reads the clock: a command that needs
/// "today" takes it as an option.
/// </remarks>
public static class CliApp
{
    /// <summary>The tool's name, as shown in usage lines (fixed, so help reads the same under any host).</summary>
    public const string ToolName = "sarcoma-consensus";

    /// <summary>Runs the command line.</summary>
    /// <param name="args">Arguments.</param>
    /// <param name="stdout">Standard output: the command's result, or help when asked for.</param>
    /// <param name="stderr">Standard error: parse errors and the usage that goes with them.</param>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = CreateRootCommand(stdout, stderr);
        var parseResult = root.Parse(args);

        // Help and version clear parse errors; anything else with errors is a usage error (exit 2,
        // not System.CommandLine's default 1), reported on stderr with the usage of the command at fault.
        bool errorsCleared = parseResult.Action is { ClearsParseErrors: true };
        if (parseResult.Errors.Count > 0 && !errorsCleared)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine();
            WriteUsage(root, parseResult.CommandResult, stderr);
            return ExitCodes.UsageError;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>Builds the command tree.</summary>
    /// <param name="stdout">Where commands write their results.</param>
    /// <param name="stderr">Where commands write diagnostics.</param>
    /// <returns>The root command.</returns>
    public static Command CreateRootCommand(TextWriter stdout, TextWriter stderr)
    {
        // A plain Command rather than RootCommand: RootCommand names itself after the host process
        // ("testhost" under a test runner), and this tool's usage should always read the same.
        var root = new Command(
            ToolName,
            "Decision support for the Ibero-American consensus on liver metastases of soft tissue sarcoma "
            + "(Cancers 2025;17:1295). For clinicians; not a substitute for the multidisciplinary tumour board.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            CatalogCommand.Create(stdout, stderr),
        };

        return root;
    }

    private static void WriteUsage(Command root, CommandResult failedCommand, TextWriter stderr)
    {
        // Help is rendered by parsing the "--help" form of the failing command's path and sending its output to stderr.
        // The path excludes the root's own name: "catalog --help", not "sarcoma-consensus catalog --help".
        var path = new List<string>();
        var command = failedCommand;
        while (command.Parent is CommandResult parent)
        {
            path.Add(command.Command.Name);
            command = parent;
        }

        path.Reverse();
        path.Add("--help");
        root.Parse(path.ToArray()).Invoke(new InvocationConfiguration { Output = stderr, Error = stderr });
    }
}
