using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using Sarcoma.Consensus.Cli.Commands;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>#12: the parallel batch writes byte for byte what one line at a time writes, in input order.</summary>
public sealed class BatchParallelTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);

    [Theory]
    [InlineData(ReportLayout.Compact, 2)]
    [InlineData(ReportLayout.Compact, 8)]
    [InlineData(ReportLayout.Full, 3)]
    public void Parallel_output_and_messages_are_identical_to_sequential(ReportLayout layout, int parallelism)
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", VariedLines(600));

        var (sequentialCode, sequentialErr) = Run(input, folder.File("sequential.ndjson"), layout, 1);
        var (parallelCode, parallelErr) = Run(input, folder.File("parallel.ndjson"), layout, parallelism);

        Assert.Equal(2, sequentialCode);
        Assert.Equal(sequentialCode, parallelCode);
        Assert.Equal(sequentialErr.Replace("sequential.ndjson", "OUT", StringComparison.Ordinal), parallelErr.Replace("parallel.ndjson", "OUT", StringComparison.Ordinal));
        var sequential = File.ReadAllBytes(folder.File("sequential.ndjson"));
        Assert.Equal(sequential, File.ReadAllBytes(folder.File("parallel.ndjson")));
        var lines = Encoding.UTF8.GetString(sequential).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Length, lines.Select(l => JsonNode.Parse(l)!["line"]!.GetValue<long>()).Distinct().Count());
        Assert.Equal(lines.Select(l => JsonNode.Parse(l)!["line"]!.GetValue<long>()).Order(), lines.Select(l => JsonNode.Parse(l)!["line"]!.GetValue<long>()));
    }

    [Fact]
    public void Default_parallelism_gives_the_sequential_output()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.ndjson", VariedLines(200));

        Run(input, folder.File("a.ndjson"), ReportLayout.Compact, 1);
        Run(input, folder.File("b.ndjson"), ReportLayout.Compact, null);

        Assert.Equal(File.ReadAllBytes(folder.File("a.ndjson")), File.ReadAllBytes(folder.File("b.ndjson")));
    }

    private static (int Code, string Stderr) Run(string input, string output, ReportLayout layout, int? parallelism)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(stdout, stderr, new FakeClock(CliRun.Now));
        var code = BatchEvaluation.Run(environment, input, output, AsOf, layout, parallelism);
        return (code, stderr.ToString());
    }

    // Every sample patient under a new label, with rejected, malformed and blank lines mixed in.
    private static string VariedLines(int count)
    {
        var samples = Directory.GetFiles(Path.GetDirectoryName(Repo.Patient("metachronous-liver-omd"))!, "*.json")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
            .ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i % 13 == 5)
            {
                text.Append("   \n");
                continue;
            }

            if (i % 11 == 3)
            {
                text.Append("{\"primary\": {\n");
                continue;
            }

            var node = samples[i % samples.Length].DeepClone().AsObject();
            node.Remove("$schema");
            node["label"] = "patient " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (i % 7 == 2 && node["metastases"]?["lesions"] is JsonArray { Count: > 0 } lesions)
            {
                lesions[0]!["sizeMm"] = -1;
            }

            text.Append(node.ToJsonString()).Append('\n');
        }

        return text.ToString();
    }
}
