using System;
using System.Diagnostics;
using System.Globalization;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>
/// Character devices for the output tests, made with mknod in a temporary folder — never the system's own: no test
/// writes to, deletes, replaces or changes anything under /dev.
/// </summary>
internal static class Devices
{
    /// <summary>The minor number of the full device (every write fails with ENOSPC, "no space left on the device").</summary>
    public const int Full = 7;

    /// <summary>The minor number of the null device (every write succeeds and is discarded).</summary>
    public const int Null = 3;

    /// <summary>Makes the memory device 1:<paramref name="minor"/> as <paramref name="name"/> in the folder.</summary>
    /// <returns>Its path, or <see langword="null"/> when mknod is not permitted here (not root, or not Linux).</returns>
    public static string? Make(TempFolder folder, string name, int minor)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var path = folder.File(name);
        return Tool("mknod", path, "c", "1", minor.ToString(CultureInfo.InvariantCulture)) && IsCharacterDevice(path) ? path : null;
    }

    /// <summary>Whether the path is a character device (<c>test -c</c>).</summary>
    public static bool IsCharacterDevice(string path) => Tool("test", "-c", path);

    /// <summary>Runs a tool (mknod, test, ln); whether it exited 0.</summary>
    public static bool Tool(string name, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(name) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
