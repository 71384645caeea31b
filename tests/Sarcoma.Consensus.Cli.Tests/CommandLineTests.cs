using System;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace Sarcoma.Consensus.Cli.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("bogus")]
    [InlineData("catalogue")]
    public void Unknown_command_exits_2_with_the_error_and_usage_on_stderr_and_nothing_on_stdout(string command)
    {
        var run = CliRun.Of(command);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"'{command}'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("sarcoma-consensus [command] [options]", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("catalog", "--bogus")]
    [InlineData("catalog", "--jsn")]
    [InlineData("catalog", "extra")]
    public void Unknown_option_or_argument_exits_2_with_the_command_usage_on_stderr_and_nothing_on_stdout(string command, string token)
    {
        var run = CliRun.Of(command, token);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"'{token}'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("sarcoma-consensus catalog [options]", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--json", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_root_option_exits_2()
    {
        var run = CliRun.Of("--bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("Usage:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_exits_2_with_usage_on_stderr()
    {
        var run = CliRun.Of();

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("Usage:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("catalog", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_exits_0_with_usage_on_stdout(string option)
    {
        var run = CliRun.Of(option);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("catalog", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("not a substitute for the multidisciplinary tumour board", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_help_exits_0_with_the_command_usage_on_stdout()
    {
        var run = CliRun.Of("catalog", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("sarcoma-consensus catalog [options]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--json", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_option_and_argument_has_a_description()
    {
        var root = CliApp.CreateRootCommand(new CliEnvironment(TextWriter.Null, TextWriter.Null, new NodaTime.Testing.FakeClock(CliRun.Now)));
        var commands = new[] { root }.Concat(root.Subcommands.SelectMany(Flatten)).ToList();

        Assert.All(commands, command =>
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), command.Name);
            Assert.All(command.Options, option => Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{command.Name} {option.Name}"));
            Assert.All(command.Arguments, argument => Assert.False(string.IsNullOrWhiteSpace(argument.Description), $"{command.Name} {argument.Name}"));
        });
    }

    [Fact]
    public void Help_lists_every_command()
    {
        string output = CliRun.Of("--help").Stdout;

        Assert.Contains("catalog", output, StringComparison.Ordinal);
        Assert.Contains("evaluate", output, StringComparison.Ordinal);
        Assert.Contains("schedule", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unexpected_failure_exits_1_with_a_generic_message_that_does_not_repeat_the_exception()
    {
        var run = CliRun.With(new ThrowingClock(), false, "evaluate", Repo.Patient("metachronous-liver-omd"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("error: unexpected failure (InvalidOperationException).", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", run.Stderr, StringComparison.Ordinal);
    }

    private sealed class ThrowingClock : NodaTime.IClock
    {
        public NodaTime.Instant GetCurrentInstant() => throw new InvalidOperationException("SECRET patient detail");
    }

    private static System.Collections.Generic.IEnumerable<Command> Flatten(Command command) =>
        new[] { command }.Concat(command.Subcommands.SelectMany(Flatten));
}
