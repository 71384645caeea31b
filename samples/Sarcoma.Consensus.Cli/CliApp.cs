using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using Sarcoma.Consensus.Cli.Commands;
using Sarcoma.Consensus.Cli.Input;
using Sarcoma.Consensus.Cli.Output;

namespace Sarcoma.Consensus.Cli;

/// <summary>The console sample's entry point, testable with any writers and any clock.</summary>
/// <remarks>
/// Each command lives in its own class under <c>Commands/</c> and is added to the root here; that is the
/// only change a new command needs in this file. Nothing here reads the clock or the console: both come in
/// through the <see cref="CliEnvironment"/>.
/// </remarks>
public static class CliApp
{
    /// <summary>The tool's name, as shown in usage lines (fixed, so help reads the same under any host).</summary>
    public const string ToolName = "sarcoma-consensus";

    // Response files are off: an argument that starts with '@' is a path like any other. Expanding it would read a
    // patient file as a list of arguments and echo its content (label, histology, dates) in the errors.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>Runs the command line.</summary>
    /// <param name="args">Arguments.</param>
    /// <param name="environment">The output streams and the clock.</param>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var stderr = environment.Stderr;

        var root = CreateRootCommand(environment);
        var parseResult = root.Parse(args, Parsing);

        // Help and version clear parse errors; anything else with errors is a usage error (exit 2,
        // not System.CommandLine's default 1), reported on stderr with the usage of the command at fault.
        bool errorsCleared = parseResult.Action is { ClearsParseErrors: true };
        if (parseResult.Errors.Count > 0 && !errorsCleared)
        {
            foreach (var error in parseResult.Errors)
            {
                // The parser may quote an argument: escape anything that could forge a line or drive the terminal.
                stderr.WriteLine($"error: {DisplayText.Escape(error.Message)}");
            }

            stderr.WriteLine();
            WriteUsage(root, parseResult.CommandResult, stderr);
            return ExitCodes.UsageError;
        }

        try
        {
            // The default handler would print the exception, whose message may quote patient data.
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = environment.Stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (InvalidInputException e)
        {
            e.WriteTo(stderr);
            return ExitCodes.InvalidInput;
        }
        catch (OutputFailureException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.OutputFailure;
        }
#pragma warning disable CA1031 // The catch-all is the point: a generic message, never the exception's text.
        catch (Exception e)
#pragma warning restore CA1031
        {
            stderr.WriteLine(
                $"error: unexpected failure ({e.GetType().Name}). Its details are not shown because they may contain patient data; "
                + "please report the command that caused it.");
            return ExitCodes.UnexpectedFailure;
        }
    }

    /// <summary>Builds the command tree.</summary>
    /// <param name="environment">Where commands write, and the clock they read "today" from.</param>
    /// <returns>The root command.</returns>
    public static Command CreateRootCommand(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // A plain Command rather than RootCommand: RootCommand names itself after the host process
        // ("testhost" under a test runner), and this tool's usage should always read the same.
        var root = new Command(
            ToolName,
            "Decision support for the Ibero-American consensus on liver metastases of soft tissue sarcoma "
            + "(Cancers 2025;17:1295). For clinicians; not a substitute for the multidisciplinary tumour board.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            CatalogCommand.Create(environment),
            EvaluateCommand.Create(environment),
            QuestionnaireCommand.Create(environment),
            ScheduleCommand.Create(environment),
        };

        return root;
    }

    private static void WriteUsage(Command root, CommandResult failedCommand, System.IO.TextWriter stderr)
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
        root.Parse(path.ToArray(), Parsing).Invoke(new InvocationConfiguration { Output = stderr, Error = stderr });
    }
}
