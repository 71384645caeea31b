using System;
using System.IO;
using Sarcoma.Consensus.Cli.Output;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>
/// Every output option (<c>evaluate --html</c>, <c>evaluate --batch --out</c>, <c>schedule --ics</c>,
/// <c>questionnaire --out</c>) goes through <see cref="OutputFile"/>: a device is written as it is and never replaced by a
/// file, an output that resolves to an input is refused before anything is written, and every message names the option.
/// Devices are made with mknod in a temporary folder, never the system's own.
/// </summary>
public sealed class OutputFileTests
{
    private const string AsOf = "2026-11-30";

    private static readonly string Omd = Repo.Patient("metachronous-liver-omd");

    private static readonly string FollowUp = Repo.Patient("post-resection-follow-up");

    private static readonly string Bundle = Path.Combine(Repo.Root, "samples", "fhir", "metachronous-liver-omd.json");

    public enum Output
    {
        Html,
        BatchOut,
        Ics,
        QuestionnaireOut,
    }

    [Theory]
    [InlineData(Output.Html, "--html")]
    [InlineData(Output.BatchOut, "--out")]
    [InlineData(Output.Ics, "--ics")]
    [InlineData(Output.QuestionnaireOut, "--out")]
    public void A_full_device_is_exit_2_naming_the_option_and_stays_a_device(Output output, string option)
    {
        using var folder = new TempFolder();
        var device = Devices.Make(folder, "full", Devices.Full);
        if (device is null)
        {
            return; // mknod is not permitted here (not root, or not Linux): the device cases cannot be made safely.
        }

        var run = Run(folder, output, device);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {option} {device}: the output could not be written (no space left on the device).\n", run.Stderr, StringComparison.Ordinal);
        Assert.True(Devices.IsCharacterDevice(device));
    }

    [Theory]
    [InlineData(Output.Html)]
    [InlineData(Output.BatchOut)]
    [InlineData(Output.Ics)]
    [InlineData(Output.QuestionnaireOut)]
    public void A_null_device_is_written_as_it_is_and_not_replaced_by_a_file(Output output)
    {
        using var folder = new TempFolder();
        var device = Devices.Make(folder, "null", Devices.Null);
        if (device is null)
        {
            return;
        }

        var run = Run(folder, output, device);

        Assert.Equal(0, run.ExitCode);
        Assert.True(Devices.IsCharacterDevice(device));
        Assert.Equal(new[] { device }, Directory.GetFileSystemEntries(folder.Path, "*null*"));
    }

    [Theory]
    [InlineData(Output.Html, "--html", "the HTML report", "PATH")]
    [InlineData(Output.BatchOut, "--out", "the batch output", "--batch")]
    [InlineData(Output.Ics, "--ics", "the iCalendar file", "PATH")]
    [InlineData(Output.QuestionnaireOut, "--out", "the Questionnaire", "--fhir")]
    public void An_output_that_is_the_input_is_exit_2_naming_the_option_and_the_input_is_untouched(Output output, string option, string what, string input)
    {
        using var folder = new TempFolder();
        var path = folder.Write("in", InputText(output));

        var run = Run(folder, output, path, inputPath: path);

        AssertRefused(run, option, path, what, input, output, path);
        Assert.Equal(InputText(output), File.ReadAllText(path));
    }

    [Theory]
    [InlineData(Output.Html, "--html", "the HTML report", "PATH")]
    [InlineData(Output.BatchOut, "--out", "the batch output", "--batch")]
    [InlineData(Output.Ics, "--ics", "the iCalendar file", "PATH")]
    [InlineData(Output.QuestionnaireOut, "--out", "the Questionnaire", "--fhir")]
    public void An_output_that_reaches_the_input_through_dot_dot_or_a_symbolic_link_is_refused(Output output, string option, string what, string input)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("o"));
        var path = folder.Write(Path.Combine("o", "in"), InputText(output));
        var dotDot = Path.Combine(folder.Path, "o", "..", "o", "in");
        var link = folder.File("link");
        File.CreateSymbolicLink(link, path);
        var linkedFolder = folder.File("linked-o");
        Directory.CreateSymbolicLink(linkedFolder, folder.File("o"));
        var throughFolderLink = Path.Combine(linkedFolder, "in");

        foreach (var target in new[] { dotDot, link, throughFolderLink })
        {
            var run = Run(folder, output, target, inputPath: path);

            AssertRefused(run, option, target, what, input, output, path);
            Assert.Equal(InputText(output), File.ReadAllText(path));
            Assert.Equal(path, File.ResolveLinkTarget(link, returnFinalTarget: true)?.FullName);
        }
    }

    [Theory]
    [InlineData(Output.Html, "--html", "the HTML report", "PATH")]
    [InlineData(Output.BatchOut, "--out", "the batch output", "--batch")]
    [InlineData(Output.Ics, "--ics", "the iCalendar file", "PATH")]
    [InlineData(Output.QuestionnaireOut, "--out", "the Questionnaire", "--fhir")]
    public void On_linux_an_output_that_is_a_hard_link_to_the_input_is_refused(Output output, string option, string what, string input)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Hard links are told apart by device and inode on Linux only.
        }

        using var folder = new TempFolder();
        var path = folder.Write("in", InputText(output));
        var hardLink = folder.File("hard");
        if (!Devices.Tool("ln", path, hardLink))
        {
            return;
        }

        var run = Run(folder, output, hardLink, inputPath: path);

        AssertRefused(run, option, hardLink, what, input, output, path);
        Assert.Equal(InputText(output), File.ReadAllText(path));
    }

    [Fact]
    public void Ics_naming_the_patient_file_of_a_patient_without_a_calendar_is_refused_and_the_file_is_not_deleted()
    {
        using var folder = new TempFolder();
        var path = folder.Write("patient.json", File.ReadAllText(Omd));

        var run = CliRun.Of("schedule", path, "--as-of", AsOf, "--ics", path);

        AssertRefused(run, "--ics", path, "the iCalendar file", "PATH", Output.Ics, path);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(File.ReadAllText(Omd), File.ReadAllText(path));
    }

    [Theory]
    [InlineData(Output.Html, "--html", "HTML report")]
    [InlineData(Output.BatchOut, "--out", "batch output")]
    [InlineData(Output.Ics, "--ics", "iCalendar file")]
    [InlineData(Output.QuestionnaireOut, "--out", "Questionnaire")]
    public void An_output_that_is_a_folder_is_exit_2_naming_the_option(Output output, string option, string what)
    {
        using var folder = new TempFolder();
        var target = folder.File("dir");
        Directory.CreateDirectory(target);

        var run = Run(folder, output, target);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {option} {target}: the {what} cannot be written (it is a folder).\n", run.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    [Theory]
    [InlineData("gist-out-of-scope")]
    [InlineData("metachronous-liver-omd")]
    public void Ics_that_is_a_folder_or_in_a_missing_folder_is_exit_2_also_for_a_patient_without_a_calendar(string patient)
    {
        using var folder = new TempFolder();

        var intoFolder = CliRun.Of("schedule", Repo.Patient(patient), "--as-of", AsOf, "--ics", folder.Path);
        var missing = Path.Combine(folder.Path, "no-such-folder", "cal.ics");
        var intoMissing = CliRun.Of("schedule", Repo.Patient(patient), "--as-of", AsOf, "--ics", missing);

        Assert.Equal(2, intoFolder.ExitCode);
        Assert.Equal($"error: --ics {folder.Path}: the iCalendar file cannot be written (it is a folder).\n", intoFolder.Stderr);
        Assert.Equal(string.Empty, intoFolder.Stdout);
        Assert.Equal(2, intoMissing.ExitCode);
        Assert.Equal($"error: --ics {missing}: the iCalendar file cannot be written (its folder does not exist).\n", intoMissing.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Outputs_beside_their_inputs_are_still_written()
    {
        using var folder = new TempFolder();
        var patient = folder.Write("patient.json", File.ReadAllText(FollowUp));

        var html = CliRun.Of("evaluate", patient, "--as-of", AsOf, "--html", folder.File("patient.html"));
        var ics = CliRun.Of("schedule", patient, "--as-of", AsOf, "--ics", folder.File("patient.ics"));

        Assert.Equal((0, string.Empty), (html.ExitCode, html.Stderr));
        Assert.Equal((0, string.Empty), (ics.ExitCode, ics.Stderr));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(folder.File("patient.html")), StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR", File.ReadAllText(folder.File("patient.ics")), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(FollowUp), File.ReadAllText(patient));
    }

    [Fact]
    public void Same_file_is_true_only_for_one_existing_file()
    {
        using var folder = new TempFolder();
        var a = folder.Write("a", "a");
        var b = folder.Write("b", "a");

        Assert.True(OutputFile.IsSameFile(a, Path.Combine(folder.Path, ".", "a")));
        Assert.False(OutputFile.IsSameFile(a, b));
        Assert.False(OutputFile.IsSameFile(folder.File("missing"), folder.File("missing")));
        Assert.False(OutputFile.IsSameFile(a, folder.File("missing")));
    }

    private static void AssertRefused(CliRun run, string option, string target, string what, string input, Output output, string inputPath)
    {
        Assert.Equal(2, run.ExitCode);
        if (output == Output.BatchOut && Path.GetFullPath(target) == inputPath)
        {
            // The batch refuses the same path (after . and ..) before opening anything, in words of its own.
            Assert.Equal($"error: {target}: --out names the --batch input; write the reports to another file.\n", run.Stderr);
            return;
        }

        Assert.Equal($"error: {option} {target}: {what} would overwrite the input {input} (the same file); write it to another file.\n", run.Stderr);
    }

    private static string InputText(Output output) => output switch
    {
        Output.BatchOut => OneLine(File.ReadAllText(Omd)) + "\n",
        Output.Ics => File.ReadAllText(FollowUp),
        Output.QuestionnaireOut => File.ReadAllText(Bundle),
        _ => File.ReadAllText(Omd),
    };

    private static CliRun Run(TempFolder folder, Output output, string target, string? inputPath = null)
    {
        var input = inputPath ?? folder.Write("input-" + output, InputText(output));
        return output switch
        {
            Output.Html => CliRun.Of("evaluate", input, "--as-of", AsOf, "--html", target),
            Output.BatchOut => CliRun.Of("evaluate", "--batch", input, "--out", target, "--as-of", AsOf),
            Output.Ics => CliRun.Of("schedule", input, "--as-of", AsOf, "--ics", target),
            _ => CliRun.Of("questionnaire", "--fhir", input, "--as-of", AsOf, "--out", target),
        };
    }

    private static string OneLine(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();
}
