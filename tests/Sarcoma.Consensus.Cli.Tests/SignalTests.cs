using System;
using System.IO;
using System.Linq;
using System.Threading;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>
/// A batch killed or interrupted mid-run, as a real process: SIGINT and SIGTERM stop it after the current line with its
/// summary and a non-zero exit; after SIGKILL the output is absent or the previous complete file, never half-written.
/// </summary>
public sealed class SignalTests
{
    private const int Sigint = 2;
    private const int Sigkill = 9;
    private const int Sigterm = 15;
    private const string Previous = "the previous complete output\n";

    [Theory]
    [InlineData(Sigint, 130, "SIGINT")]
    [InlineData(Sigterm, 143, "SIGTERM")]
    public void A_stop_signal_ends_the_batch_after_the_current_line_with_the_summary_and_the_previous_output_intact(int signal, int exitCode, string name)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Signals are sent with kill(2); the in-process tests cover the same logic everywhere.
        }

        using var folder = new TempFolder();
        var (input, output) = Prepare(folder);
        using var process = CliProcess.Start(folder.Path, "evaluate", "--batch", input, "--out", output, "--as-of", "2026-11-26");
        WaitUntilWriting(folder, process);
        if (signal == Sigint && IgnoresSigint(process.Id))
        {
            // Started with SIGINT ignored (a background job of a non-interactive shell): the tool rightly keeps it ignored.
            signal = Sigterm;
            (exitCode, name) = (143, "SIGTERM");
        }

        process.Signal(signal);
        var run = process.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Matches($"^Summary: [0-9]+ lines read, [0-9]+ evaluated \\(0 out of scope\\), 0 rejected, 0 blank\\. As of 2026-11-26\\. Stopped by {name} after line [0-9]+; no reports were written: out\\.ndjson was left as it was\\.\n$", run.Stderr);
        Assert.Equal(Previous, File.ReadAllText(folder.File(output)));
        Assert.Equal(new[] { "in.ndjson", "out.ndjson" }, Directory.GetFiles(folder.Path).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void After_SIGKILL_the_output_is_the_previous_complete_file()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TempFolder();
        var (input, output) = Prepare(folder);
        using var process = CliProcess.Start(folder.Path, "evaluate", "--batch", input, "--out", output, "--as-of", "2026-11-26");
        WaitUntilWriting(folder, process);

        process.Signal(Sigkill);
        var run = process.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(Previous, File.ReadAllText(folder.File(output)));
    }

    private static (string Input, string Output) Prepare(TempFolder folder)
    {
        var line = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repo.Patient("metachronous-liver-omd")))!.ToJsonString();
        var input = folder.File("in.ndjson");
        File.WriteAllText(input, string.Concat(Enumerable.Repeat(line + "\n", 20_000)));
        folder.Write("out.ndjson", Previous);
        return ("in.ndjson", "out.ndjson");
    }

    // Waits until the batch has written reports to its temporary file, so the signal lands mid-run.
    private static void WaitUntilWriting(TempFolder folder, CliProcess process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (!process.IsRunning)
            {
                throw new InvalidOperationException("The batch ended before it could be interrupted.");
            }

            if (Directory.GetFiles(folder.Path, ".out.ndjson.*.tmp").Any(f => new FileInfo(f).Length > 100_000))
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException("The batch did not start writing.");
    }

    private static bool IgnoresSigint(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line.Substring(7).Trim(), 16) & (1UL << (Sigint - 1))) != 0;
    }
}
