using System;
using System.IO;

namespace Sarcoma.Consensus.Cli.Output;

/// <summary>
/// Raised when an output (standard output, <c>--out</c>, <c>--ics</c>) cannot be written, for example on a full disk.
/// <see cref="CliApp"/> reports it as an output failure, never as a problem with an input line, and exits with
/// <see cref="ExitCodes.OutputFailure"/>.
/// </summary>
/// <remarks>The message names the output and a reason in a few fixed words; the runtime's own message is not kept.</remarks>
public sealed class OutputFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="output">The output, as shown to the user: a path or "standard output".</param>
    /// <param name="reason">Why, in a few words.</param>
    public OutputFailureException(string output, string reason)
        : base($"{output}: the output could not be written ({reason}).")
    {
        Output = output;
        Reason = reason;
    }

    /// <summary>Gets the output, as shown to the user.</summary>
    public string Output { get; }

    /// <summary>Gets why it could not be written.</summary>
    public string Reason { get; }

    /// <summary>Describes an input/output error in a few fixed words.</summary>
    /// <param name="e">The error.</param>
    /// <returns>The words.</returns>
    public static string Describe(Exception e) => e switch
    {
        IOException io when io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) || io.HResult == unchecked((int)0x80070070) => "no space left on the device",
        IOException io when io.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase) => "the reader of the pipe has gone",
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "its folder does not exist",
        _ => "an input/output error",
    };
}
