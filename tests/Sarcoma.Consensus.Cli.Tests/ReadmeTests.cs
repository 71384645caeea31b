using System;
using System.IO;
using System.Linq;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>The README's run command and the bottom line of its output shown there stay true.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).Replace("\r\n", "\n");

    [Fact]
    public void The_run_command_evaluates_the_bundled_example_patient()
    {
        var command = RunCommand();

        Assert.StartsWith("dotnet run --project samples/Sarcoma.Consensus.Cli -- evaluate samples/patients/", command, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repo.Root, ArgumentsOf(command)[1])));
    }

    [Fact]
    public void The_bottom_line_shown_is_the_real_first_screen_of_the_output()
    {
        var arguments = ArgumentsOf(RunCommand());
        arguments[1] = Path.Combine(Repo.Root, arguments[1]); // the README runs from the repository root
        var run = CliRun.Of(arguments);
        var shown = Readme.Split("It opens with the bottom line, one screen:\n\n```text\n")[1].Split("```")[0];
        var output = run.Stdout.Split('\n');
        var bottomLine = string.Concat(output.TakeWhile(line => !line.StartsWith("────", StringComparison.Ordinal)).Select(line => line + "\n"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(bottomLine, shown);
        Assert.InRange(shown.Split('\n').Length - 1, 10, 40); // aims at 25 lines, never cuts a caution (issue #7 review F9)
    }

    private static string RunCommand()
    {
        var lines = Readme.Split('\n');
        var marker = Array.IndexOf(lines, "<!-- run-command -->");
        Assert.True(marker >= 0, "README has no run-command marker");
        return lines[marker + 2];
    }

    private static string[] ArgumentsOf(string command) =>
        command.Split(" -- ", 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
