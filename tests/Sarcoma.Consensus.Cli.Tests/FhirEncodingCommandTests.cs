using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>
/// docs/fhir.md, "UTF-8 only": a FHIR bundle, answers file or batch line that is not UTF-8 is exit 2 (a rejected line in
/// a batch) naming the file (or line) and <c>(document)</c>, as a UTF-16 patient file is. UTF-16 bundles and answers with
/// a byte order mark were read, and invalid bytes in a FHIR batch line were replaced by U+FFFD and read.
/// </summary>
public sealed class FhirEncodingCommandTests
{
    private const string AsOf = "2026-11-30";

    private static readonly string Bundle = Path.Combine(Repo.Root, "samples", "fhir", "metachronous-liver-omd.json");

    private static readonly string Answers = Path.Combine(Repo.Root, "samples", "fhir", "responses", "metachronous-liver-omd.json");

    private static byte[] Utf16WithMark(string path) => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(File.ReadAllText(path))).ToArray();

    private static string Write(TempFolder folder, string name, byte[] bytes)
    {
        var path = folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_UTF16_bundle_is_exit_2_naming_the_file_like_a_UTF16_patient_file()
    {
        using var folder = new TempFolder();
        var bundle = Write(folder, "b.json", Utf16WithMark(Bundle));
        var patient = Write(folder, "p.json", Utf16WithMark(Repo.Patient("metachronous-liver-omd")));

        var fhir = CliRun.Of("evaluate", "--fhir", bundle, "--as-of", AsOf);
        var json = CliRun.Of("evaluate", patient, "--as-of", AsOf);

        Assert.Equal(2, fhir.ExitCode);
        Assert.Equal(2, json.ExitCode);
        Assert.StartsWith($"error: {bundle}: is not a FHIR R4 Bundle (1 problem):\n  (document): is UTF-16 text", fhir.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UTF16_answers_are_exit_2_naming_the_file()
    {
        using var folder = new TempFolder();
        var answers = Write(folder, "qr.json", Utf16WithMark(Answers));

        var run = CliRun.Of("evaluate", "--fhir", Bundle, "--answers", answers, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {answers}: is not a FHIR R4 QuestionnaireResponse (1 problem):\n  (document): is UTF-16 text", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_files_as_UTF8_with_a_byte_order_mark_are_read()
    {
        using var folder = new TempFolder();
        var bundle = Write(folder, "b.json", Encoding.UTF8.GetPreamble().Concat(File.ReadAllBytes(Bundle)).ToArray());
        var answers = Write(folder, "qr.json", Encoding.UTF8.GetPreamble().Concat(File.ReadAllBytes(Answers)).ToArray());

        var run = CliRun.Of("evaluate", "--fhir", bundle, "--answers", answers, "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void A_FHIR_batch_line_with_bytes_that_are_not_UTF8_is_rejected_and_the_batch_goes_on()
    {
        using var folder = new TempFolder();
        var line = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Bundle))!.ToJsonString();
        var good = Encoding.UTF8.GetBytes(line);
        // An é written as Latin-1 in an element the mapper does not read (Bundle.language): it was read as U+FFFD.
        const string Mark = "\"resourceType\":\"Bundle\"";
        var at = line.IndexOf(Mark, StringComparison.Ordinal) + Mark.Length;
        var invalid = Encoding.UTF8.GetBytes(line.Substring(0, at) + ",\"language\":\"e").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("n\"" + line.Substring(at))).ToArray();
        var input = Write(folder, "in.ndjson", good.Concat(new[] { (byte)'\n' }).Concat(invalid).Concat(new[] { (byte)'\n' }).Concat(good).Concat(new[] { (byte)'\n' }).ToArray());
        var output = folder.File("out.ndjson");

        var run = CliRun.Of("evaluate", "--batch", input, "--out", output, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("line 2: (document): is not UTF-8 text", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Summary: 3 lines read, 2 evaluated (0 out of scope), 1 rejected, 0 blank.", lines[1], StringComparison.Ordinal);
    }
}
