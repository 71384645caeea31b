using System;
using System.IO;
using NodaTime;

namespace Sarcoma.Consensus.Cli;

/// <summary>What the commands may touch outside themselves: the two output streams, the clock and the local time zone, whether standard error is a terminal, and stop requests.</summary>
/// <remarks>
/// Built once, by the composition root (<c>Program</c>) for the real console or by a test with string writers and a
/// fake clock. No command reads the system clock or the console directly, so every output is reproducible given
/// an environment.
/// </remarks>
public sealed class CliEnvironment
{
    /// <summary>Creates an environment.</summary>
    /// <param name="stdout">Standard output: the command's result. A failure to write it is reported as an output failure (<see cref="Output.OutputFailureException"/>).</param>
    /// <param name="stderr">Standard error: diagnostics, batch progress and summary.</param>
    /// <param name="clock">The clock that says what "today" is when <c>--as-of</c> is omitted.</param>
    public CliEnvironment(TextWriter stdout, TextWriter stderr, IClock clock)
    {
        Stdout = new Output.GuardedWriter(stdout ?? throw new ArgumentNullException(nameof(stdout)), "standard output");
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

    /// <summary>
    /// Gets the time zone whose date is "today" when <c>--as-of</c> is omitted: the machine's local time zone when run
    /// from the console (<c>Program</c>), UTC unless set otherwise; <c>--time-zone</c> overrides it for one run.
    /// </summary>
    public DateTimeZone Zone { get; init; } = DateTimeZone.Utc;

    /// <summary>Gets the stop request raised by SIGINT or SIGTERM, honoured by the batch after the line it is on.</summary>
    public Interruption Interruption { get; init; } = new();

    /// <summary>Gets the engine: by default one with the consensus defaults (<see cref="ConsensusOptions"/>); a host or a test may give another.</summary>
    public IConsensusEvaluator Evaluator { get; init; }

    /// <summary>Gets today's date by the clock in <paramref name="zone"/> (by default <see cref="Zone"/>). Read once per command, so a run never straddles two dates.</summary>
    /// <param name="zone">The time zone given with <c>--time-zone</c>, or <see langword="null"/> for <see cref="Zone"/>.</param>
    /// <returns>The date.</returns>
    public LocalDate Today(DateTimeZone? zone = null) => Clock.GetCurrentInstant().InZone(zone ?? Zone).Date;
}
