using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary><c>evaluate --fhir</c>, <c>questionnaire --fhir</c>, <c>--answers</c> and FHIR lines in a batch.</summary>
public sealed class FhirCommandTests : IDisposable
{
    private const string AsOf = "2026-11-26";
    private const string Secret = "Doe-1234567";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sc-fhir-" + Guid.NewGuid().ToString("N"));

    public FhirCommandTests() => Directory.CreateDirectory(folder);

    private static string Bundle(string name) => Path.Combine(Repo.Root, "samples", "fhir", name + ".json");

    private static string Answers(string name) => Path.Combine(Repo.Root, "samples", "fhir", "responses", name + ".json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Evaluate_fhir_writes_the_report_and_an_account_of_the_record()
    {
        var run = CliRun.Of("evaluate", "--fhir", Bundle("metachronous-liver-omd"), "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("RECOMMENDATIONS: 34 evaluated. 1 apply, 26 need facts, 4 do not apply", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("FHIR RECORD", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_fhir_with_answers_decides_what_the_sample_document_decides()
    {
        var fromBundle = CliRun.Of("evaluate", "--fhir", Bundle("metachronous-liver-omd"), "--answers", Answers("metachronous-liver-omd"), "--as-of", AsOf, "--json");
        var fromDocument = CliRun.Of("evaluate", Repo.Patient("metachronous-liver-omd"), "--as-of", AsOf, "--json");

        Assert.Equal(0, fromBundle.ExitCode);
        Assert.Equal(string.Empty, fromBundle.Stderr);
        Assert.Equal(Statuses(fromDocument.Stdout), Statuses(fromBundle.Stdout));
    }

    [Fact]
    public void Questionnaire_is_written_to_the_out_file()
    {
        var file = Path.Combine(folder, "q.json");

        var run = CliRun.Of("questionnaire", "--fhir", Bundle("metachronous-liver-omd"), "--as-of", AsOf, "--out", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches("^[0-9]+ questions written to ", run.Stdout);
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("Questionnaire", document.RootElement.GetProperty("resourceType").GetString());
    }

    [Fact]
    public void Out_of_scope_bundle_is_an_answer_and_gets_a_questionnaire_without_questions()
    {
        Assert.Equal(0, CliRun.Of("evaluate", "--fhir", Bundle("gist-out-of-scope"), "--as-of", AsOf).ExitCode);
        var run = CliRun.Of("questionnaire", "--fhir", Bundle("gist-out-of-scope"), "--as-of", AsOf);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("\"item\"", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Bundle\", \"" + Secret, "is not a FHIR R4 Bundle", "(document): is not JSON")]
    [InlineData("{\"resourceType\":\"Patient\",\"id\":\"" + Secret + "\"}", "is not a FHIR R4 Bundle", "resourceType: is not \"Bundle\"")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/p\"},\"onsetDateTime\":true,\"note\":[{\"text\":\"" + Secret + "\"}]}}]}", "is not a FHIR R4 Bundle", "Bundle.entry[0].resource(Condition).onset")]
    public void Bad_fhir_exits_2_naming_resource_and_element_never_a_value(string json, string headline, string detail)
    {
        var file = Path.Combine(folder, "bad.json");
        File.WriteAllText(file, json);

        var run = CliRun.Of("evaluate", "--fhir", file, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(headline, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(detail, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("last spring")]
    [InlineData("2025-13-45")]
    public void A_malformed_date_exits_2_naming_the_element_never_the_value(string onset)
    {
        var file = Path.Combine(folder, "bad-date.json");
        File.WriteAllText(file, File.ReadAllText(Bundle("metachronous-liver-omd")).Replace("\"onsetDateTime\": \"2022-03-14\"", "\"onsetDateTime\": \"" + onset + "\"", StringComparison.Ordinal));

        var run = CliRun.Of("evaluate", "--fhir", file, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("has FHIR values that cannot be read (1 problem):", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Bundle.entry[1].resource(Condition).onsetDateTime: is not a valid FHIR dateTime", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(onset, run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}", "Bundle.entry: is empty or absent")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}", "Bundle.entry: is empty or absent")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"" + Secret + "\"}]}}]}", "Bundle.entry: holds no patient data")]
    public void A_bundle_without_patient_data_exits_2_saying_so(string json, string detail)
    {
        var file = Path.Combine(folder, "empty.json");
        File.WriteAllText(file, json);

        var run = CliRun.Of("evaluate", "--fhir", file, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("holds no patient data, so there is nothing to evaluate (1 problem):", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(detail, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_with_a_patient_but_no_cancer_condition_is_evaluated_with_scope_unknown()
    {
        var file = Path.Combine(folder, "patient-only.json");
        File.WriteAllText(file, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}}]}");

        var run = CliRun.Of("evaluate", "--fhir", file, "--as-of", AsOf, "--json");

        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("scope").GetProperty("inScope").ValueKind);
        Assert.All(report.RootElement.GetProperty("recommendations").EnumerateArray(), r => Assert.Equal("insufficient-data", r.GetProperty("status").GetString()));
    }

    [Fact]
    public void A_misspelt_resource_type_is_one_error_naming_it()
    {
        var file = Path.Combine(folder, "misspelt.json");
        File.WriteAllText(file, File.ReadAllText(Bundle("metachronous-liver-omd")).Replace("\"resourceType\": \"Condition\"", "\"resourceType\": \"Condtion\"", StringComparison.Ordinal));

        var run = CliRun.Of("evaluate", "--fhir", file, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("is not an element", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(": is \"Condtion\", which is not a FHIR R4 resource type (did you mean \"Condition\"?)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_need_a_bundle_and_must_be_a_questionnaire_response()
    {
        Assert.Equal(2, CliRun.Of("evaluate", Repo.Patient("metachronous-liver-omd"), "--answers", Answers("metachronous-liver-omd")).ExitCode);
        var run = CliRun.Of("evaluate", "--fhir", Bundle("metachronous-liver-omd"), "--answers", Bundle("metachronous-liver-omd"), "--as-of", AsOf);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a FHIR R4 QuestionnaireResponse", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_reads_bundles_and_patient_documents_line_by_line()
    {
        var input = Path.Combine(folder, "in.ndjson");
        var output = Path.Combine(folder, "out.ndjson");
        var bundle = JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(Bundle("metachronous-liver-omd"))).RootElement);
        var document = JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(Repo.Patient("metachronous-liver-omd"))).RootElement);
        File.WriteAllLines(input, new[] { bundle, document, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"valueInteger\":\"" + Secret + "\"}}]}" });

        var run = CliRun.Of("evaluate", "--batch", input, "--out", output, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        var written = File.ReadAllLines(output);
        Assert.Equal(3, written.Length);
        Assert.StartsWith("{\"line\":3,\"rejected\":true,", written[2], StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, written[2], StringComparison.Ordinal);
        Assert.Contains("line 3: Bundle.entry[0].resource(Observation)", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("3 lines read, 2 evaluated", run.Stderr, StringComparison.Ordinal);
    }

    private static string[] Statuses(string reportJson)
    {
        using var report = JsonDocument.Parse(reportJson);
        return report.RootElement.GetProperty("recommendations").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString() + " " + r.GetProperty("status").GetString())
            .ToArray();
    }
}
