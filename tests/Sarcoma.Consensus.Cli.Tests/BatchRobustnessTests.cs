using System;
using System.IO;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>No input line stops a batch, no output file lies, and an output failure is named as one.</summary>
public sealed class BatchRobustnessTests
{
    private const string AsOf = "2026-11-26";

    private static readonly string Omd = OneLine(File.ReadAllText(Repo.Patient("metachronous-liver-omd")));
    private static readonly string Gist = OneLine(File.ReadAllText(Repo.Patient("gist-out-of-scope")));

    [Fact]
    public void An_unexpected_failure_evaluating_one_line_rejects_that_line_only_and_the_batch_goes_on()
    {
        using var folder = new TempFolder();
        var poisoned = OneLine(EvaluateCommandTests.SampleWith(node => node["metastases"]!["lesions"]![0]!["sizeMm"] = 33.3m));
        var input = folder.Write("in.ndjson", string.Join("\n", Omd, poisoned, Gist, Omd) + "\n");
        var output = folder.File("out.ndjson");

        var run = CliRun.In(
            (o, e) => new CliEnvironment(o, e, new FakeClock(CliRun.Now)) { Evaluator = new FailsOnSize(33.3m, ConsensusEngine.Default) },
            "evaluate", "--batch", input, "--out", output, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        var written = File.ReadAllLines(output);
        Assert.Equal(4, written.Length);
        Assert.Equal("{\"line\":2,\"rejected\":true,\"errors\":[{\"field\":\"$\",\"message\":\"unexpected failure while evaluating this line (InvalidOperationException); the line was skipped. Its details are not shown because they may contain patient data; please report it.\"}]}", written[1]);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line 2: (document): unexpected failure while evaluating this line (InvalidOperationException); the line was skipped. Its details are not shown because they may contain patient data; please report it.", lines[0]);
        Assert.StartsWith("Summary: 4 lines read, 3 evaluated (1 out of scope), 1 rejected, 0 blank.", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stop_request_ends_the_batch_after_the_current_line_with_the_summary_exit_130_and_out_untouched()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", string.Join("\n", Omd, Gist, Omd) + "\n");
        var output = folder.Write("out.ndjson", "previous complete file\n");
        var interruption = new Interruption();
        interruption.Request(ExitCodes.Interrupted);

        var run = CliRun.In(
            (o, e) => new CliEnvironment(o, e, new FakeClock(CliRun.Now)) { Interruption = interruption },
            "evaluate", "--batch", input, "--out", output, "--as-of", AsOf);

        Assert.Equal(130, run.ExitCode);
        Assert.Equal(
            $"Summary: 1 line read, 1 evaluated (0 out of scope), 0 rejected, 0 blank. As of {AsOf}. Stopped by SIGINT after line 1; no reports were written: {output} was left as it was.\n",
            run.Stderr);
        Assert.Equal("previous complete file\n", File.ReadAllText(output));
        Assert.Equal(new[] { input, output }.OrderBy(p => p, StringComparer.Ordinal), Directory.GetFiles(folder.Path).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void A_stop_request_by_SIGTERM_exits_143_and_leaves_no_out_file_when_there_was_none()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", Omd + "\n" + Omd + "\n");
        var interruption = new Interruption();
        interruption.Request(ExitCodes.Terminated);

        var run = CliRun.In(
            (o, e) => new CliEnvironment(o, e, new FakeClock(CliRun.Now)) { Interruption = interruption },
            "evaluate", "--batch", input, "--out", folder.File("out.ndjson"), "--as-of", AsOf);

        Assert.Equal(143, run.ExitCode);
        Assert.Contains("Stopped by SIGTERM after line 1", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(new[] { input }, Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_signal_is_taken_over_only_while_a_batch_runs()
    {
        var interruption = new Interruption();

        Assert.False(interruption.TryRequest(ExitCodes.Interrupted));
        using (interruption.Cooperate())
        {
            Assert.True(interruption.TryRequest(ExitCodes.Interrupted));
            Assert.False(interruption.TryRequest(ExitCodes.Terminated));
        }

        Assert.Equal(ExitCodes.Interrupted, interruption.ExitCode);
    }

    [Fact]
    public void A_complete_batch_replaces_the_previous_out_file_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", Gist + "\n");
        var output = folder.Write("out.ndjson", "previous\n");

        var run = CliRun.Of("evaluate", "--batch", input, "--out", output, "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{\"layout\":\"compact\",\"line\":1,", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(folder.Path).Length);
    }

    [Fact]
    public void An_out_path_that_is_a_link_keeps_the_link_and_replaces_the_file_it_points_to()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", Gist + "\n");
        var real = folder.Write("real.ndjson", "previous\n");
        var link = folder.File("link.ndjson");
        File.CreateSymbolicLink(link, real);

        var run = CliRun.Of("evaluate", "--batch", input, "--out", link, "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("{\"layout\":\"compact\",\"line\":1,", File.ReadAllText(real), StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_disk_is_reported_as_an_output_failure_not_blamed_on_a_line()
    {
        // A full device made in a temporary folder: the test never writes to the system's /dev/full.
        using var folder = new TempFolder();
        var full = Devices.Make(folder, "full", Devices.Full);
        if (full is null)
        {
            return; // mknod is not permitted here (not root, or not Linux); OutputFileTests cover the rest without a device.
        }

        var input = folder.Write("in.ndjson", Gist + "\n" + Omd + "\n");

        var run = CliRun.Of("evaluate", "--batch", input, "--out", full, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: --out {full}: the output could not be written (no space left on the device).\n", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected failure", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1:", run.Stderr, StringComparison.Ordinal);
        Assert.True(Devices.IsCharacterDevice(full)); // written as the device it is, never replaced by a file
        Assert.Equal(new[] { full, input }.OrderBy(p => p, StringComparer.Ordinal), Directory.GetFiles(folder.Path).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void A_full_disk_on_standard_output_is_an_output_failure()
    {
        var run = CliRun.In(
            (o, e) => new CliEnvironment(new FullWriter(), e, new FakeClock(CliRun.Now)),
            "evaluate", Repo.Patient("metachronous-liver-omd"), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: standard output: the output could not be written (no space left on the device).\n", run.Stderr);
    }

    [Theory]
    [InlineData("--batch")]
    [InlineData("--out")]
    public void An_empty_path_exits_2_naming_the_option(string option)
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", Gist + "\n");
        var args = option == "--batch"
            ? new[] { "evaluate", "--batch", string.Empty, "--out", folder.File("out.ndjson") }
            : new[] { "evaluate", "--batch", input, "--out", string.Empty };

        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {option}: the path is empty; give a file.\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_patient_and_calendar_paths_exit_2_naming_them()
    {
        Assert.StartsWith("error: PATH: the path is empty", CliRun.Of("evaluate", string.Empty).Stderr, StringComparison.Ordinal);
        Assert.StartsWith("error: PATH: the path is empty", CliRun.Of("schedule", " ").Stderr, StringComparison.Ordinal);
        var ics = CliRun.Of("schedule", Repo.Patient("post-resection-follow-up"), "--ics", string.Empty);
        Assert.Equal(2, ics.ExitCode);
        Assert.StartsWith("error: --ics: the path is empty", ics.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_folder_exits_2_and_is_left_alone()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", Gist + "\n");

        var run = CliRun.Of("evaluate", "--batch", input, "--out", folder.Path, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: --out {folder.Path}: the batch output cannot be written (it is a folder).\n", run.Stderr);
    }

    private static string OneLine(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();

    // An engine that fails on one patient, as a bug would: the rest of the batch must not notice.
    private sealed class FailsOnSize : IConsensusEvaluator
    {
        private readonly decimal size;
        private readonly IConsensusEvaluator inner;

        public FailsOnSize(decimal size, IConsensusEvaluator inner)
        {
            this.size = size;
            this.inner = inner;
        }

        public System.Collections.Generic.IReadOnlyList<Evaluation.RecommendationEvaluatorInfo> Evaluators => inner.Evaluators;

        public Evaluation.RecommendationResult? Evaluate(Patient patient, LocalDate asOf, string recommendationId) => inner.Evaluate(patient, asOf, recommendationId);

        public ConsensusReport Evaluate(Patient patient, LocalDate asOf) =>
            patient.Metastases?.Lesions.Any(l => l.SizeMm == size) == true
                ? throw new InvalidOperationException("SECRET patient detail")
                : inner.Evaluate(patient, asOf);

        public ConsensusReport EvaluateToday(Patient patient) => throw new NotSupportedException();
    }

    private sealed class FullWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");
    }
}
