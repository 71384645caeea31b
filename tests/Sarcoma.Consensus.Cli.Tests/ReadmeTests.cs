using System;
using System.IO;
using System.Linq;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>The README's run command and the excerpt of its output shown there stay true.</summary>
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
    public void Every_line_of_the_output_excerpt_is_in_the_real_output()
    {
        var arguments = ArgumentsOf(RunCommand());
        arguments[1] = Path.Combine(Repo.Root, arguments[1]); // the README runs from the repository root
        var run = CliRun.Of(arguments);
        var output = run.Stdout.Split('\n');
        var excerpt = Readme.Split("Excerpt of its output:\n\n```text\n")[1].Split("```")[0].Split('\n')
            .Where(line => line.Trim().Length > 0 && line.Trim() != "...");

        Assert.Equal(0, run.ExitCode);
        Assert.All(excerpt, line => Assert.Contains(line, output));
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
