using System.IO;
using NodaTime;
using NodaTime.Testing;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>What one run of the command line wrote and returned.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The instant the fake clock shows unless a test says otherwise: midday UTC on 26 November 2026.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 12, 0);

    public static CliRun Of(params string[] args) => With(new FakeClock(Now), stderrIsTerminal: false, args);

    public static CliRun With(IClock clock, bool stderrIsTerminal, params string[] args) =>
        In((stdout, stderr) => new CliEnvironment(stdout, stderr, clock) { StderrIsTerminal = stderrIsTerminal }, args);

    /// <summary>Runs the command line in an environment the test makes (a time zone, an evaluator, a stop request).</summary>
    public static CliRun In(System.Func<TextWriter, TextWriter, CliEnvironment> environment, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int exitCode = CliApp.Run(args, environment(stdout, stderr));
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
