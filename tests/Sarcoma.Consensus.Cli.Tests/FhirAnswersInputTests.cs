using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>
/// The <c>--answers</c> file is input like any other: bytes that are not UTF-8 are exit 2 naming the file (they were an
/// unexpected DecoderFallbackException, exit 1), and a linkId that is not a question never reaches standard error raw.
/// </summary>
public sealed class FhirAnswersInputTests : IDisposable
{
    private const string AsOf = "2026-11-30";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sc-fhir-answers-" + Guid.NewGuid().ToString("N"));

    public FhirAnswersInputTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Sample => Path.Combine(Repo.Root, "samples", "fhir", "metachronous-liver-omd.json");

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xE9 })]
    public void Answers_that_are_not_UTF8_are_invalid_input(byte[] bad)
    {
        var head = Encoding.UTF8.GetBytes("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"linkId\":\"clinical.fitForSurgery\",\"text\":\"fit");
        var tail = Encoding.UTF8.GetBytes("\",\"answer\":[{\"valueBoolean\":true}]}]}");
        var answers = Write("qr.json", head.Concat(bad).Concat(tail).ToArray());

        var run = CliRun.Of("evaluate", "--fhir", Sample, "--answers", answers, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not UTF-8 text", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zq\\nerror: zqforged")]
    [InlineData("zq\\u001b]0;zqtitle\\u0007")]
    [InlineData("zq\\u2028zq")]
    public void An_unknown_linkId_is_named_by_path_and_nothing_of_it_is_echoed(string linkIdJson)
    {
        var answers = Write("qr.json", Encoding.UTF8.GetBytes(
            "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"linkId\":\"" + linkIdJson + "\",\"answer\":[{\"valueBoolean\":true}]}]}"));

        var run = CliRun.Of("evaluate", "--fhir", Sample, "--answers", answers, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("QuestionnaireResponse.item[0].linkId: is not a question of this Questionnaire", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("zq", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Stderr, StringComparison.Ordinal);
    }
}

/// <summary>
/// <c>evaluate --fhir B.json [--answers QR.json] --html FILE</c>: FILE may be neither input, by name, through a symlink or
/// a hard link (it overwrote the bundle or the answers with HTML, exit 0).
/// </summary>
public sealed class FhirHtmlOutputTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sc-fhir-html-" + Guid.NewGuid().ToString("N"));

    public FhirHtmlOutputTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Copy(string source, string name)
    {
        var path = Path.Combine(folder, name);
        File.Copy(source, path);
        return path;
    }

    [Fact]
    public void The_html_page_is_never_written_over_the_bundle_or_the_answers()
    {
        var bundle = Copy(Path.Combine(Repo.Root, "samples", "fhir", "metachronous-liver-omd.json"), "b.json");
        var answers = Copy(Path.Combine(Repo.Root, "samples", "fhir", "responses", "metachronous-liver-omd.json"), "qr.json");
        var link = Path.Combine(folder, "link.html");
        File.CreateSymbolicLink(link, bundle);
        var before = (File.ReadAllBytes(bundle), File.ReadAllBytes(answers));

        foreach (var target in new[] { bundle, answers, link, Path.Combine(folder, "..", Path.GetFileName(folder), "b.json") })
        {
            var run = CliRun.Of("evaluate", "--fhir", bundle, "--answers", answers, "--html", target, "--as-of", "2026-11-30");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--html", run.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal(before.Item1, File.ReadAllBytes(bundle));
        Assert.Equal(before.Item2, File.ReadAllBytes(answers));
        var written = CliRun.Of("evaluate", "--fhir", bundle, "--answers", answers, "--html", Path.Combine(folder, "page.html"), "--as-of", "2026-11-30");
        Assert.Equal(0, written.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(folder, "page.html")), StringComparison.OrdinalIgnoreCase);
    }
}
