using System;
using System.Threading;

namespace Sarcoma.Consensus.Cli;

/// <summary>
/// A request to stop, raised by SIGINT (Ctrl+C) or SIGTERM, that a long command honours at a safe point: the batch
/// stops after the line it is on, prints its summary and exits with <see cref="ExitCode"/>.
/// </summary>
/// <remarks>
/// A signal is taken over only while a command cooperates (<see cref="Cooperate"/>); at any other time, and for a second
/// signal, the process ends the usual way. Thread-safe: signals arrive on another thread.
/// </remarks>
public sealed class Interruption
{
    private int exitCode;
    private int cooperating;

    /// <summary>Gets a value indicating whether a stop was requested.</summary>
    public bool IsRequested => Volatile.Read(ref exitCode) != 0;

    /// <summary>Gets the exit code to end with when the stop was honoured (<see cref="ExitCodes.Interrupted"/> or <see cref="ExitCodes.Terminated"/>), or 0.</summary>
    public int ExitCode => Volatile.Read(ref exitCode);

    /// <summary>Gets the signal's name for messages (<c>SIGINT</c>, <c>SIGTERM</c>), or <see langword="null"/>.</summary>
    public string? SignalName => ExitCode switch
    {
        ExitCodes.Interrupted => "SIGINT",
        ExitCodes.Terminated => "SIGTERM",
        0 => null,
        _ => "a stop request",
    };

    /// <summary>Marks the span in which the running command honours a stop request itself.</summary>
    /// <returns>Dispose to end the span.</returns>
    public IDisposable Cooperate()
    {
        Interlocked.Increment(ref cooperating);
        return new Span(this);
    }

    /// <summary>
    /// Requests a stop from a signal handler. Returns <see langword="true"/> when a command is cooperating and this is the
    /// first request (the caller then cancels the signal's default action); <see langword="false"/> otherwise, so the
    /// process ends the usual way.
    /// </summary>
    /// <param name="code">The exit code to end with: <see cref="ExitCodes.Interrupted"/> for SIGINT, <see cref="ExitCodes.Terminated"/> for SIGTERM.</param>
    /// <returns>Whether the running command will stop by itself.</returns>
    public bool TryRequest(int code) =>
        Volatile.Read(ref cooperating) > 0 && Interlocked.CompareExchange(ref exitCode, code, 0) == 0;

    /// <summary>Requests a stop regardless of cooperation (for tests and embedding hosts).</summary>
    /// <param name="code">The exit code to end with.</param>
    public void Request(int code) => Interlocked.CompareExchange(ref exitCode, code, 0);

    private sealed class Span : IDisposable
    {
        private Interruption? owner;

        public Span(Interruption owner) => this.owner = owner;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref owner, null) is { } o)
            {
                Interlocked.Decrement(ref o.cooperating);
            }
        }
    }
}
