using System;
using System.IO;
using NodaTime;

namespace Sarcoma.Consensus.Cli;

/// <summary>What the commands may touch outside themselves: the two output streams, the clock, and whether standard error is a terminal.</summary>
/// <remarks>
/// Built once, by the composition root (<c>Program</c>) for the real console or by a test with string writers and a
/// fake clock. No command reads the system clock or the console directly, so every output is reproducible given
/// an environment.
/// </remarks>
public sealed class CliEnvironment
{
    /// <summary>Creates an environment.</summary>
    /// <param name="stdout">Standard output: the command's result.</param>
    /// <param name="stderr">Standard error: diagnostics, batch progress and summary.</param>
    /// <param name="clock">The clock that says what "today" is when <c>--as-of</c> is omitted.</param>
    public CliEnvironment(TextWriter stdout, TextWriter stderr, IClock clock)
    {
        Stdout = stdout ?? throw new ArgumentNullException(nameof(stdout));
        Stderr = stderr ?? throw new ArgumentNullException(nameof(stderr));
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Evaluator = new ConsensusEngine(options: null, clock);
    }

    /// <summary>Gets standard output.</summary>
    public TextWriter Stdout { get; }

    /// <summary>Gets standard error.</summary>
    public TextWriter Stderr { get; }

    /// <summary>Gets the clock.</summary>
    public IClock Clock { get; }

    /// <summary>Gets a value indicating whether standard error is an interactive terminal, so progress may be drawn on it (default <see langword="false"/>).</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>Gets the engine, with the consensus defaults (<see cref="ConsensusOptions"/>).</summary>
    public IConsensusEvaluator Evaluator { get; }

    /// <summary>Gets today's date by the clock, in UTC (the engine's default time zone). Read once per command, so a run never straddles two dates.</summary>
    /// <returns>The date.</returns>
    public LocalDate Today() => Clock.GetCurrentInstant().InUtc().Date;
}
