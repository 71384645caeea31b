namespace Sarcoma.Consensus.Cli;

/// <summary>The process exit codes of the console sample.</summary>
/// <remarks>
/// <para>
/// 0 and 2 follow the usual Unix convention (2 = what the tool was given was wrong). Every code the tool can return
/// is listed here.
/// </para>
/// <list type="bullet">
/// <item><description>0: the command ran and wrote its answer. An out-of-scope patient (GIST, bone sarcoma) is an answer, so is
/// a patient with no dated metastasectomy asked for a follow-up calendar.</description></item>
/// <item><description>1: an unexpected failure (a bug or the machine): a generic message, never patient data.</description></item>
/// <item><description>2: the command line or the input was wrong: an unknown option, a malformed <c>--as-of</c>, an empty path, a missing or
/// unreadable file, an invalid patient document (each field named), and in batch mode any rejected line (including a line whose
/// evaluation failed unexpectedly: the batch goes on). Also 2: an output that could not be written (a full disk, a missing
/// folder), reported as an output failure naming the output.</description></item>
/// <item><description>130 and 143: a batch stopped by SIGINT (Ctrl+C) or SIGTERM after the line it was on, with its summary printed;
/// the <c>--out</c> file was left as it was (absent, or the previous complete file).</description></item>
/// </list>
/// <para>No run exits 0 leaving a file at a requested output path that this run did not write.</para>
/// </remarks>
public static class ExitCodes
{
    /// <summary>The command ran and wrote its output.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected failed; a generic message without patient data went to standard error.</summary>
    public const int UnexpectedFailure = 1;

    /// <summary>Unknown command, unknown option or a missing argument: the error and the usage went to standard error.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// A file could not be read or written, or a patient document (or, in batch mode, at least one line) is invalid;
    /// the fields at fault went to standard error. The same code as <see cref="UsageError"/>: in both cases what the tool
    /// was given must be corrected.
    /// </summary>
    public const int InvalidInput = 2;

    /// <summary>
    /// An output (standard output, <c>--out</c>, <c>--ics</c>) could not be written, for example on a full disk; the output
    /// and the reason went to standard error. The target file was left as it was.
    /// </summary>
    public const int OutputFailure = 2;

    /// <summary>The batch was stopped by SIGINT (Ctrl+C) after the line it was on (128 + 2, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>The batch was stopped by SIGTERM after the line it was on (128 + 15, as shells report it).</summary>
    public const int Terminated = 143;
}
