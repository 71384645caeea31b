using System;
using System.IO;
using System.Text.Json.Nodes;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>
/// docs/fhir.md: the console passes <c>--as-of</c> to the FHIR mapper and the record's Patient to the answers' checks, so
/// a future-dated Observation, a subject that is not the record's Patient, or a withdrawn response is exit 2 naming the
/// element, never the value.
/// </summary>
public sealed class FhirInputChecksCommandTests : IDisposable
{
    private const string AsOf = "2026-11-30";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sc-fhir-checks-" + Guid.NewGuid().ToString("N"));

    public FhirInputChecksCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Sample => Path.Combine(Repo.Root, "samples", "fhir", "metachronous-liver-omd.json");

    private static string SampleAnswers => Path.Combine(Repo.Root, "samples", "fhir", "responses", "metachronous-liver-omd.json");

    private string Write(string name, JsonNode node)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    private static JsonNode Resource(JsonNode bundle, string type, string? loinc = null)
    {
        foreach (var entry in bundle["entry"]!.AsArray())
        {
            var resource = entry!["resource"]!;
            if ((string?)resource["resourceType"] == type && (loinc is null || resource["code"]!.ToJsonString().Contains(loinc, StringComparison.Ordinal)))
            {
                return resource;
            }
        }

        throw new InvalidOperationException("The sample bundle has no such resource.");
    }

    [Fact]
    public void An_ECOG_observation_dated_after_as_of_is_invalid_input()
    {
        var bundle = JsonNode.Parse(File.ReadAllText(Sample))!;
        Resource(bundle, "Observation", "89247-1")["effectiveDateTime"] = "2027-03-01";

        var run = CliRun.Of("evaluate", "--fhir", Write("b.json", bundle), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".resource(Observation).effectiveDateTime: is after the evaluation date", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("2027-", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_about_a_Group_is_invalid_input()
    {
        var bundle = JsonNode.Parse(File.ReadAllText(Sample))!;
        Resource(bundle, "Condition")["subject"] = JsonNode.Parse("{\"reference\":\"Group/zq-group\"}");

        var run = CliRun.Of("evaluate", "--fhir", Write("b.json", bundle), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".resource(Condition).subject:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("zq-group", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subject", "{\"reference\":\"Patient/zq-other\"}", "QuestionnaireResponse.subject:")]
    [InlineData("status", "\"entered-in-error\"", "QuestionnaireResponse.status:")]
    [InlineData("authored", "\"2027-01-01\"", "QuestionnaireResponse.authored:")]
    public void Answers_that_are_not_this_patients_current_answers_are_invalid_input(string element, string value, string expected)
    {
        var response = JsonNode.Parse(File.ReadAllText(SampleAnswers))!;
        response[element] = JsonNode.Parse(value);

        var run = CliRun.Of("evaluate", "--fhir", Sample, "--answers", Write("qr.json", response), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("zq-other", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("2027-", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_answers_to_the_sample_bundle_still_apply()
    {
        var run = CliRun.Of("evaluate", "--fhir", Sample, "--answers", SampleAnswers, "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
    }
}
