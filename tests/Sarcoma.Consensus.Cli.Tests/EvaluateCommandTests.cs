using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;

namespace Sarcoma.Consensus.Cli.Tests;

public sealed class EvaluateCommandTests
{
    private const string AsOf = "2026-11-26";
    private const string NoConsensusNotice = "NO CONSENSUS — shown for information, not a recommendation";
    private const string Disclaimer = "Decision support for clinicians; not a substitute for the multidisciplinary tumour board.";

    private static readonly string Omd = Repo.Patient("metachronous-liver-omd");

    [Fact]
    public void Evaluate_detail_exits_0_with_header_concepts_recommendations_provenance_and_disclaimer()
    {
        var run = CliRun.Of("evaluate", Omd, "--as-of", AsOf, "--detail");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("Guideline: Lopes-Brás R, Muñoz P, Netto E, et al. Cancers 2025;17(8):1295. doi:10.3390/cancers17081295", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("As of: 2026-11-26\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Scope: in scope", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Timing (2.1/2.2): metachronous.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Disease-free interval: The disease-free interval is 41 months and 19 days", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Oligometastatic disease (1.1/1.2): yes.", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Treatment-free interval (9.1):", run.Stdout, StringComparison.Ordinal); // a first metastatic presentation, not a liver recurrence
        Assert.Contains("Liver resection on the table: yes.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Imaging plan (4.1–4.3, section 3.4):", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  5.3  Metachronous liver-only OMD: consider liver resection\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Grade (V,B); consensus unanimous (36/36 votes, 100.0%).", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nProvenance: Sarcoma.Consensus ", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("BOTTOM LINE", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(Disclaimer + " Most recommendations are level V evidence (expert opinion): check every output against the patient and the paper.\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_lists_what_applies_first_then_facts_needed_then_what_does_not_apply_then_no_consensus()
    {
        string output = CliRun.Of("evaluate", Repo.Patient("missing-metastasis-date"), "--as-of", AsOf).Stdout;

        int applies = output.IndexOf("\nAPPLIES (", StringComparison.Ordinal);
        int insufficient = output.IndexOf("\nINSUFFICIENT DATA — FACTS NEEDED (", StringComparison.Ordinal);
        int doesNotApply = output.IndexOf("\nDOES NOT APPLY (", StringComparison.Ordinal);
        int noConsensus = output.IndexOf("\n" + NoConsensusNotice + " (3)", StringComparison.Ordinal);
        Assert.True(applies > 0 && applies < insufficient && insufficient < doesNotApply && doesNotApply < noConsensus, output);
    }

    [Fact]
    public void Evaluate_names_the_missing_facts_in_words_and_the_detail_by_their_paths()
    {
        string output = CliRun.Of("evaluate", Repo.Patient("missing-metastasis-date"), "--as-of", AsOf).Stdout;
        string detail = CliRun.Of("evaluate", Repo.Patient("missing-metastasis-date"), "--as-of", AsOf, "--detail").Stdout;

        Assert.Contains("Timing (2.1/2.2): unknown.", output, StringComparison.Ordinal);
        Assert.Contains("  Facts needed: the date the metastases were detected.", output, StringComparison.Ordinal);
        Assert.Contains("To complete these, record: the date the metastases were detected (20);", output, StringComparison.Ordinal);
        Assert.DoesNotContain("metastases.detectedOn", output, StringComparison.Ordinal);
        Assert.Contains("  Facts needed: metastases.detectedOn.", detail, StringComparison.Ordinal);
        Assert.Contains("To complete these, record: metastases.detectedOn", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_shows_the_three_no_consensus_items_only_apart_and_labelled()
    {
        string output = CliRun.Of("evaluate", Omd, "--as-of", AsOf).Stdout;
        int block = output.IndexOf("\n" + NoConsensusNotice + " (3)", StringComparison.Ordinal);

        Assert.True(block > 0);
        foreach (var id in new[] { "3.2", "5.5", "10.2" })
        {
            int item = output.IndexOf($"\n  {id,-5}", StringComparison.Ordinal);
            Assert.True(item > block, $"{id} is listed before the no-consensus block.");
            Assert.Equal(item, output.LastIndexOf($"\n  {id,-5}", StringComparison.Ordinal));
        }

        Assert.Equal(4, CountOf(output, NoConsensusNotice));
    }

    [Fact]
    public void Evaluate_condenses_what_does_not_apply_to_one_card_sized_line_each_and_the_detail_to_one_long_line()
    {
        string output = CliRun.Of("evaluate", Omd, "--as-of", AsOf).Stdout;
        string detail = CliRun.Of("evaluate", Omd, "--as-of", AsOf, "--detail").Stdout;

        Assert.Contains("\n  2.1  Not synchronous oligometastatic disease (2.1). [(V,B), weak consensus, 30/36]\n", output, StringComparison.Ordinal);
        Assert.Contains("\n  2.1  Synchronous OMD: detected at or within 6 months of primary diagnosis (V,B), weak: The metastases are metachronous, not synchronous.\n", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_shows_the_follow_up_calendar_when_there_is_one()
    {
        string output = CliRun.Of("evaluate", Repo.Patient("post-resection-follow-up"), "--as-of", AsOf).Stdout;

        Assert.Contains("FOLLOW-UP CALENDAR (13.1), from the liver metastasectomy of 2026-08-20", output, StringComparison.Ordinal);
        Assert.Contains("    1      3  3–4-monthly  2026-11-20  2026-11-20 to 2026-12-20  DUE NOW\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FOLLOW-UP CALENDAR", CliRun.Of("evaluate", Omd, "--as-of", AsOf).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_output_is_the_same_on_every_run_for_a_given_as_of()
    {
        Assert.Equal(CliRun.Of("evaluate", Omd, "--as-of", AsOf).Stdout, CliRun.Of("evaluate", Omd, "--as-of", AsOf).Stdout);
        Assert.Equal(CliRun.Of("evaluate", Omd, "--as-of", AsOf, "--json").Stdout, CliRun.Of("evaluate", Omd, "--as-of", AsOf, "--json").Stdout);
    }

    [Fact]
    public void Evaluate_json_parses_with_34_recommendations_in_catalog_order()
    {
        var run = CliRun.Of("evaluate", Omd, "--as-of", AsOf, "--json");
        using var document = JsonDocument.Parse(run.Stdout);
        var recommendations = document.RootElement.GetProperty("recommendations");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(AsOf, document.RootElement.GetProperty("asOf").GetString());
        Assert.Equal(34, recommendations.GetArrayLength());
        Assert.Equal(
            Catalog.RecommendationCatalog.All.Select(r => r.Id),
            recommendations.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.EndsWith("}\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_without_as_of_uses_the_clocks_date_in_the_environments_time_zone()
    {
        var lateEvening = new FakeClock(Instant.FromUtc(2026, 11, 26, 23, 59, 59));
        var justAfterMidnight = new FakeClock(Instant.FromUtc(2026, 11, 27, 0, 0, 1));

        Assert.Contains("As of: 2026-11-26\n", CliRun.With(lateEvening, false, "evaluate", Omd).Stdout, StringComparison.Ordinal);
        Assert.Contains("As of: 2026-11-27\n", CliRun.With(justAfterMidnight, false, "evaluate", Omd).Stdout, StringComparison.Ordinal);
        Assert.Equal(CliRun.Of("evaluate", Omd, "--as-of", AsOf).Stdout, CliRun.Of("evaluate", Omd).Stdout);
    }

    [Fact]
    public void East_of_UTC_today_is_the_local_date_so_a_record_dated_local_today_is_not_in_the_future()
    {
        // 00:30 on 27 November in Madrid is still 26 November in UTC.
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 23, 30));
        var madrid = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Madrid"];
        using var folder = new TempFolder();
        var today = folder.Write("today.json", SampleWith(node => node["metastases"]!["detectedOn"] = "2026-11-27"));

        var local = CliRun.In((o, e) => new CliEnvironment(o, e, clock) { Zone = madrid }, "evaluate", today);
        var utc = CliRun.In((o, e) => new CliEnvironment(o, e, clock) { Zone = madrid }, "evaluate", today, "--time-zone", "UTC");

        Assert.Equal(0, local.ExitCode);
        Assert.Contains("As of: 2026-11-27\n", local.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, utc.ExitCode);
        Assert.Contains("metastases.detectedOn: is in the future", utc.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_zone_option_sets_whose_today_is_used()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 20, 0));

        var tokyo = CliRun.With(clock, false, "evaluate", Omd, "--time-zone", "Asia/Tokyo");
        var saoPaulo = CliRun.With(clock, false, "evaluate", Omd, "--time-zone", "America/Sao_Paulo");

        Assert.Contains("As of: 2026-11-27\n", tokyo.Stdout, StringComparison.Ordinal);
        Assert.Contains("As of: 2026-11-26\n", saoPaulo.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("Europe/Madrid\u001b[2J")]
    public void An_unknown_time_zone_is_a_usage_error_naming_the_option(string zone)
    {
        var run = CliRun.Of("evaluate", Omd, "--time-zone", zone);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --time-zone: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_scope_gist_exits_0_and_says_so_without_recommendations()
    {
        var run = CliRun.Of("evaluate", Repo.Patient("gist-out-of-scope"), "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("Scope: OUT OF SCOPE. Gastrointestinal stromal tumours are excluded", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("no recommendation was evaluated", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("APPLIES", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(Disclaimer, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_scope_gist_json_has_the_reason_and_no_recommendations()
    {
        var run = CliRun.Of("evaluate", Repo.Patient("gist-out-of-scope"), "--as-of", AsOf, "--json");
        using var document = JsonDocument.Parse(run.Stdout);

        Assert.Equal(0, run.ExitCode);
        Assert.False(document.RootElement.GetProperty("scope").GetProperty("inScope").GetBoolean());
        Assert.NotNull(document.RootElement.GetProperty("outOfScope").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("recommendations").GetArrayLength());
    }

    public static TheoryData<string> SamplePatients() => new(Repo.PatientFiles().Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SamplePatients))]
    public void Every_sample_patient_evaluates_with_exit_0_as_text_and_as_json(string name)
    {
        var text = CliRun.Of("evaluate", Repo.Patient(name), "--as-of", AsOf);
        var json = CliRun.Of("evaluate", Repo.Patient(name), "--as-of", AsOf, "--json");

        Assert.Equal((0, string.Empty), (text.ExitCode, text.Stderr));
        Assert.Equal((0, string.Empty), (json.ExitCode, json.Stderr));
        using var document = JsonDocument.Parse(json.Stdout);
    }

    [Fact]
    public void Invalid_field_exits_2_naming_the_field_and_not_its_value()
    {
        using var folder = new TempFolder();
        var patient = SampleWith(node => node["metastases"]!["lesions"]![0]!["sizeMm"] = -37.5m);
        var path = folder.Write("negative-size.json", patient);

        var run = CliRun.Of("evaluate", path, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("metastases.lesions[0].sizeMm: must be greater than 0.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(path, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("37.5", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_property_exits_2_naming_it()
    {
        using var folder = new TempFolder();
        var patient = SampleWith(node =>
        {
            var primary = node["primary"]!.AsObject();
            var histology = primary["histology"]!.DeepClone();
            primary.Remove("histology");
            primary["histolgy"] = histology;
        });

        var run = CliRun.Of("evaluate", folder.Write("misspelt.json", patient), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("primary.histolgy: is not a known property.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("leiomyosarcoma", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_exits_2_without_quoting_the_document()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("evaluate", folder.Write("truncated.json", "{\"label\": \"SECRET-CASE\", \"primary\": {"), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("(document): is not valid JSON", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_exits_2_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-patient-" + Guid.NewGuid().ToString("N") + ".json");

        var run = CliRun.Of("evaluate", path, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal($"error: {path}: no such patient file.\n", run.Stderr);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("26/11/2026")]
    [InlineData("today")]
    public void Malformed_as_of_exits_2_naming_the_option(string value)
    {
        var run = CliRun.Of("evaluate", Omd, "--as-of", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"--as-of: '{value}' is not a date in the form yyyy-MM-dd", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void As_of_before_a_recorded_date_exits_2_naming_the_field()
    {
        var run = CliRun.Of("evaluate", Omd, "--as-of", "2025-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("does not fit the evaluation date 2025-01-01", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  metastases.detectedOn: is in the future relative to the evaluation date", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-09-02", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mutually exclusive", "evaluate", "PATIENT", "--batch", "in.ndjson", "--out", "out.ndjson")]
    [InlineData("Give a patient file (PATH)", "evaluate")]
    [InlineData("--batch needs --out", "evaluate", "--batch", "in.ndjson")]
    [InlineData("--out is only used with --batch", "evaluate", "PATIENT", "--out", "out.ndjson")]
    [InlineData("--json is for a single PATH", "evaluate", "--batch", "in.ndjson", "--out", "out.ndjson", "--json")]
    public void Inconsistent_options_are_a_usage_error(string message, params string[] args)
    {
        var run = CliRun.Of(args.Select(a => a == "PATIENT" ? Omd : a).ToArray());

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("sarcoma-consensus evaluate [<PATH>] [options]", run.Stderr, StringComparison.Ordinal);
    }

    internal static string SampleWith(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(Omd))!;
        change(node);
        return node.ToJsonString();
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
