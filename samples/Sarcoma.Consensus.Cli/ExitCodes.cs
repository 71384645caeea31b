namespace Sarcoma.Consensus.Cli;

/// <summary>The process exit codes of the console sample.</summary>
/// <remarks>
/// 0 and 2 follow the usual Unix convention (2 = the command line itself was wrong). Commands that
/// read patient files add their own codes here, so every code the tool can return is listed in one place.
/// </remarks>
public static class ExitCodes
{
    /// <summary>The command ran and wrote its output.</summary>
    public const int Success = 0;

    /// <summary>Unknown command, unknown option or a missing argument: the error and the usage went to standard error.</summary>
    public const int UsageError = 2;
}
