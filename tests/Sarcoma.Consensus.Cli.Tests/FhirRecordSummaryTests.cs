using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sarcoma.Consensus.Cli.Input;
using Sarcoma.Consensus.Fhir.Mapping;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>
/// <c>evaluate --fhir</c> after the fresh breaker of issue #9: the record summary's counts add up and a conflict is worded
/// "conflicting in the record", not only "not recorded"; <c>--html</c> writes the page as for a patient document; and
/// <c>--as-of</c> reaches the mapper, so a date of the record after it is an input error.
/// </summary>
public sealed class FhirRecordSummaryTests : IDisposable
{
    private const string AsOf = "2026-11-30";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sc-fhir-summary-" + Guid.NewGuid().ToString("N"));

    public FhirRecordSummaryTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string> Bundles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "samples", "fhir"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    private static string Bundle(string name) => Path.Combine(Repo.Root, "samples", "fhir", name + ".json");

    /// <summary>The flagship bundle with a second ECOG Observation of the same date and another grade: clinical.ecog is Conflicting.</summary>
    private string ConflictingBundle()
    {
        var bundle = JsonNode.Parse(File.ReadAllText(Bundle("metachronous-liver-omd")))!;
        var entries = bundle["entry"]!.AsArray();
        var ecog = entries.Select(e => e!["resource"]!).Single(r => (string?)r["code"]?["coding"]?[0]?["code"] == "89247-1");
        var second = ecog.DeepClone();
        second["id"] = "ecog-second";
        second.AsObject().Remove("valueInteger");
        second["valueInteger"] = 3;
        entries.Add(new JsonObject { ["fullUrl"] = "urn:uuid:6f1f2c1e-3b7a-4c59-9a51-0d2f6a0b7c11", ["resource"] = second });
        var path = Path.Combine(folder, "conflicting.json");
        File.WriteAllText(path, bundle.ToJsonString());
        return path;
    }

    private static void AssertSummaryAddsUp(string stdout, McodeMapping mapping)
    {
        var line = stdout.Split('\n').Single(l => l.Contains(" unknown: ", StringComparison.Ordinal));
        var match = Regex.Match(line, "^([0-9]+) facts read from [0-9]+ recognised resources; ([0-9]+) unknown: ([0-9]+) not in the record, ([0-9]+) not expressible in mCODE, ([0-9]+) ambiguous, ([0-9]+) conflicting in the record\\.");
        Assert.True(match.Success, line);
        var numbers = Enumerable.Range(1, 6).Select(i => int.Parse(match.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(numbers[1], numbers[2] + numbers[3] + numbers[4] + numbers[5]);
        Assert.Equal(mapping.Report.Unknown.Count, numbers[1]);
        Assert.Equal(mapping.Report.Mapped.Select(m => m.Fact).Distinct().Count(), numbers[0]);
        Assert.Equal(mapping.Report.Unknown.Count(u => u.Reason == UnknownReason.Conflicting), numbers[5]);
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void The_record_summary_of_every_sample_bundle_adds_up(string name)
    {
        var run = CliRun.Of("evaluate", "--fhir", Bundle(name), "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        AssertSummaryAddsUp(run.Stdout, FhirPatientFile.Read(Bundle(name)));
    }

    [Fact]
    public void A_conflict_is_worded_conflicting_in_the_record_and_counted()
    {
        var path = ConflictingBundle();
        var mapping = FhirPatientFile.Read(path);
        Assert.Equal(UnknownReason.Conflicting, mapping.Report.UnknownEntry("clinical.ecog")!.Reason);

        var run = CliRun.Of("evaluate", "--fhir", path, "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        AssertSummaryAddsUp(run.Stdout, mapping);
        Assert.Contains("1 conflicting in the record.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - clinical.ecog: conflicting in the record.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_with_fhir_writes_the_page()
    {
        var page = Path.Combine(folder, "report.html");

        var run = CliRun.Of("evaluate", "--fhir", Bundle("metachronous-liver-omd"), "--as-of", AsOf, "--html", page);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        var html = File.ReadAllText(page);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("FHIR RECORD", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void As_of_reaches_the_mapper_so_a_size_measured_after_it_is_invalid_input()
    {
        var bundle = JsonNode.Parse(File.ReadAllText(Bundle("metachronous-liver-omd")))!;
        var size = bundle["entry"]!.AsArray().Select(e => e!["resource"]!).First(r => (string?)r["code"]?["coding"]?[0]?["code"] == "21889-1");
        size["effectiveDateTime"] = "2026-12-15";
        var path = Path.Combine(folder, "future.json");
        File.WriteAllText(path, bundle.ToJsonString());

        var run = CliRun.Of("evaluate", "--fhir", path, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("effectiveDateTime: is after the evaluation date", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-12-15", run.Stderr, StringComparison.Ordinal);
    }
}
