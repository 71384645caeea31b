using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime.Testing;

namespace Sarcoma.Consensus.Cli.Tests;

public sealed class BatchEvaluationTests
{
    private const string AsOf = "2026-11-26";

    private static readonly string Omd = OneLine(File.ReadAllText(Repo.Patient("metachronous-liver-omd")));
    private static readonly string Gist = OneLine(File.ReadAllText(Repo.Patient("gist-out-of-scope")));

    [Fact]
    public void Mixed_batch_writes_a_line_per_input_line_with_its_number_reports_bad_lines_by_number_and_exits_2()
    {
        using var folder = new TempFolder();
        var invalid = OneLine(EvaluateCommandTests.SampleWith(node =>
        {
            node["label"] = "SECRET-LABEL";
            node["metastases"]!["lesions"]![0]!["sizeMm"] = -37.5m;
        }));
        var input = folder.Write("in.ndjson", string.Join("\n", Omd, string.Empty, "{\"label\": \"SECRET-MALFORMED\", \"primary\": {", invalid, Gist) + "\n");
        var output = folder.File("out.ndjson");

        var run = CliRun.Of("evaluate", "--batch", input, "--out", output, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var reports = File.ReadAllLines(output);
        Assert.Equal(4, reports.Length);
        using (var first = JsonDocument.Parse(reports[0]))
        {
            Assert.Equal("compact", first.RootElement.GetProperty("layout").GetString());
            Assert.Equal(1, first.RootElement.GetProperty("line").GetInt64());
            Assert.Equal("Metachronous liver-only oligometastatic leiomyosarcoma", first.RootElement.GetProperty("label").GetString());
            Assert.Equal(34, first.RootElement.GetProperty("recommendations").EnumerateObject().Count());
            Assert.Equal(AsOf, first.RootElement.GetProperty("asOf").GetString());
        }

        Assert.Equal("{\"line\":3,\"rejected\":true,\"errors\":[{\"field\":\"$\",\"message\":\"not a valid JSON document in UTF-8 (the error is at byte 43 of the line).\"}]}", reports[1]);
        Assert.Equal("{\"line\":4,\"rejected\":true,\"errors\":[{\"field\":\"metastases.lesions[0].sizeMm\",\"message\":\"must be greater than 0.\"}]}", reports[2]);
        using (var last = JsonDocument.Parse(reports[3]))
        {
            Assert.Equal(5, last.RootElement.GetProperty("line").GetInt64());
            Assert.False(last.RootElement.GetProperty("scope").GetProperty("inScope").GetBoolean());
        }

        Assert.DoesNotContain("SECRET", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.DoesNotContain("37.5", File.ReadAllText(output), StringComparison.Ordinal);

        var messages = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            new[]
            {
                "line 3: (document): not a valid JSON document in UTF-8 (the error is at byte 43 of the line).",
                "line 4: metastases.lesions[0].sizeMm: must be greater than 0.",
                $"Summary: 5 lines read, 2 evaluated (1 out of scope), 2 rejected, 1 blank. As of {AsOf}; reports written to {output}.",
            },
            messages);
        Assert.DoesNotContain("SECRET", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("37.5", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Gastrointestinal", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_whose_label_hides_an_invisible_format_character_is_rejected_naming_label_without_echoing_it()
    {
        using var folder = new TempFolder();
        string WithLabel(string label) => OneLine(EvaluateCommandTests.SampleWith(node => node["label"] = label));
        // A zero-width space written raw and escaped, and a tag character (U+E0053, a surrogate pair): invisible in a report.
        var raw = WithLabel("SECRET\u200bLABEL");
        var escaped = WithLabel("SECRET-LABEL").Replace("SECRET-LABEL", "SECRET\\u200bLABEL", StringComparison.Ordinal);
        var tag = WithLabel("SECRET\U000E0053LABEL");
        var input = folder.Write("in.ndjson", string.Join("\n", raw, escaped, tag, Omd) + "\n");
        var output = folder.File("out.ndjson");

        var run = CliRun.Of("evaluate", "--batch", input, "--out", output, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        var reports = File.ReadAllLines(output);
        Assert.Equal(4, reports.Length);
        for (var i = 0; i < 3; i++)
        {
            using var rejection = JsonDocument.Parse(reports[i]);
            Assert.Equal(i + 1, rejection.RootElement.GetProperty("line").GetInt64());
            Assert.True(rejection.RootElement.GetProperty("rejected").GetBoolean());
            var error = Assert.Single(rejection.RootElement.GetProperty("errors").EnumerateArray().ToArray());
            Assert.Equal("label", error.GetProperty("field").GetString());
            Assert.Contains("invisible format characters", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Contains("\"line\":4,", reports[3], StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 1: label: must not contain control characters", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("compact")]
    [InlineData("full")]
    public void Reports_are_the_single_file_json_in_the_layout_asked_for_with_the_line_number(string? layout)
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", Omd + "\n");
        var output = folder.File("out.ndjson");
        var layoutArguments = layout is null ? Array.Empty<string>() : new[] { "--layout", layout };

        var run = CliRun.Of(new[] { "evaluate", "--batch", input, "--out", output, "--as-of", AsOf }.Concat(layoutArguments).ToArray());
        var single = CliRun.Of("evaluate", Repo.Patient("metachronous-liver-omd"), "--json", "--as-of", AsOf, "--layout", layout ?? "compact").Stdout;

        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(output);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Equal(text.Length - 1, text.IndexOf('\n', StringComparison.Ordinal));
        var expected = JsonNode.Parse(single)!.AsObject();
        Assert.Equal(layout ?? "compact", expected["layout"]!.GetValue<string>());
        expected["line"] = 1;
        var actual = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(1, actual["line"]!.GetValue<long>());
        Assert.Equal(expected.Select(p => p.Key).Order(StringComparer.Ordinal), actual.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.True(JsonNode.DeepEquals(expected["recommendations"], actual["recommendations"]));
        Assert.True(JsonNode.DeepEquals(expected["provenance"], actual["provenance"]));
    }

    [Fact]
    public void Layout_is_only_for_json_reports()
    {
        var run = CliRun.Of("evaluate", Repo.Patient("metachronous-liver-omd"), "--layout", "compact", "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--layout is for JSON reports", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_property_line_is_rejected_with_its_path()
    {
        using var folder = new TempFolder();
        var misspelt = Omd.Replace("\"ecog\"", "\"ecgo\"", StringComparison.Ordinal);
        var input = folder.Write("in.ndjson", Gist + "\n" + misspelt + "\n");

        var run = CliRun.Of("evaluate", "--batch", input, "--out", folder.File("out.ndjson"), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("line 2: clinical.ecgo: is not a known property.\n", run.Stderr, StringComparison.Ordinal);
        var written = File.ReadAllLines(folder.File("out.ndjson"));
        Assert.Equal(2, written.Length);
        Assert.Equal("{\"line\":2,\"rejected\":true,\"errors\":[{\"field\":\"clinical.ecgo\",\"message\":\"is not a known property.\"}]}", written[1]);
    }

    [Fact]
    public void Batch_of_good_lines_and_blank_lines_exits_0()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", "\r\n" + Omd + "\r\n   \r\n" + Gist);

        var run = CliRun.Of("evaluate", "--batch", input, "--out", folder.File("out.ndjson"), "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Summary: 4 lines read, 2 evaluated (1 out of scope), 0 rejected, 2 blank.", run.Stderr.Split(" As of ")[0]);
        Assert.Equal(2, File.ReadAllLines(folder.File("out.ndjson")).Length);
    }

    [Fact]
    public void Batch_streams_20000_lines_into_20000_reports()
    {
        using var folder = new TempFolder();
        var input = folder.File("in.ndjson");
        using (var writer = new StreamWriter(input, append: false, new UTF8Encoding(false)))
        {
            // Mostly out-of-scope lines, whose reports are short, with a full evaluation every 1000 lines.
            for (int i = 0; i < 20_000; i++)
            {
                writer.Write(i % 1000 == 0 ? Omd : Gist);
                writer.Write('\n');
            }
        }

        var output = folder.File("out.ndjson");
        var run = CliRun.Of("evaluate", "--batch", input, "--out", output, "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Summary: 20000 lines read, 20000 evaluated (19980 out of scope), 0 rejected, 0 blank.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(20_000, File.ReadLines(output).Count());
        Assert.DoesNotContain('\r', run.Stderr);
    }

    [Fact]
    public void Progress_is_drawn_on_stderr_only_when_it_is_a_terminal()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", string.Concat(Enumerable.Repeat(Gist + "\n", 2500)));
        string[] args = { "evaluate", "--batch", input, "--out", folder.File("out.ndjson"), "--as-of", AsOf };

        var redirected = CliRun.With(new FakeClock(CliRun.Now), false, args);
        var terminal = CliRun.With(new FakeClock(CliRun.Now), true, args);

        Assert.DoesNotContain('\r', redirected.Stderr);
        Assert.Contains("\r… 1000 lines read", terminal.Stderr, StringComparison.Ordinal);
        Assert.Contains("\r… 2000 lines read", terminal.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\rSummary: 2500 lines read, 2500 evaluated (2500 out of scope), 0 rejected, 0 blank. As of 2026-11-26; reports written to " + folder.File("out.ndjson") + ".\n", terminal.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_input_exits_2_naming_it_and_creates_no_output()
    {
        using var folder = new TempFolder();
        var input = folder.File("missing.ndjson");

        var run = CliRun.Of("evaluate", "--batch", input, "--out", folder.File("out.ndjson"), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {input}: no such batch input.\n", run.Stderr);
        Assert.False(File.Exists(folder.File("out.ndjson")));
    }

    [Fact]
    public void Output_that_is_the_input_exits_2_and_leaves_the_input_alone()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", Omd + "\n");

        var run = CliRun.Of("evaluate", "--batch", input, "--out", input, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out names the --batch input", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(Omd + "\n", File.ReadAllText(input));
    }

    [Fact]
    public void Line_dated_after_as_of_is_rejected_naming_the_field()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", Omd + "\n");

        var run = CliRun.Of("evaluate", "--batch", input, "--out", folder.File("out.ndjson"), "--as-of", "2025-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("line 1: metastases.detectedOn: is in the future relative to the evaluation date (asOf).\n", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(
            "{\"line\":1,\"rejected\":true,\"errors\":[{\"field\":\"metastases.detectedOn\",\"message\":\"is in the future relative to the evaluation date (asOf).\"}]}\n",
            File.ReadAllText(folder.File("out.ndjson")));
    }

    private static string OneLine(string json) => JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
