using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>Every file in samples/patients is a valid patient document, and its report is a valid report.</summary>
public sealed class SampleTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);

    [Fact]
    public void There_are_at_least_ten_samples_including_the_readme_example()
    {
        var names = RepositoryFiles.SampleFiles.Select(System.IO.Path.GetFileName).ToArray();
        Assert.True(names.Length >= 10, "Expected at least 10 samples, found " + names.Length);
        Assert.Contains("metachronous-liver-omd.json", names);
        Assert.All(names, n => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*\\.json$", n!));
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles.SampleNames), MemberType = typeof(RepositoryFiles))]
    public void Sample_matches_the_patient_schema(string name) =>
        Schemas.AssertValid(Schemas.Patient, RepositoryFiles.Sample(name), name);

    [Theory]
    [MemberData(nameof(RepositoryFiles.SampleNames), MemberType = typeof(RepositoryFiles))]
    public void Sample_parses_and_has_a_label(string name)
    {
        var document = PatientJson.ParseDocument(RepositoryFiles.Sample(name));
        Assert.False(string.IsNullOrWhiteSpace(document.Label));
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles.SampleNames), MemberType = typeof(RepositoryFiles))]
    public void Sample_report_matches_the_report_schema(string name)
    {
        var report = Evaluate(name);
        Schemas.AssertValid(Schemas.Report, ReportJson.Serialize(report), name + " report");
        Schemas.AssertValid(Schemas.Report, ReportJson.Serialize(report, JsonLayout.SingleLine), name + " single-line report");
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles.SampleNames), MemberType = typeof(RepositoryFiles))]
    public void In_scope_sample_reports_every_recommendation_in_catalog_order(string name)
    {
        var report = Evaluate(name);
        if (report.Scope.InScope == false)
        {
            return;
        }

        using var json = System.Text.Json.JsonDocument.Parse(ReportJson.Serialize(report));
        var ids = json.RootElement.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray();
        Assert.Equal(RecommendationCatalog.All.Select(r => r.Id), ids);
        Assert.Equal(34, ids.Length);
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles.SampleNames), MemberType = typeof(RepositoryFiles))]
    public void Sample_round_trips_through_the_writer(string name)
    {
        var document = PatientJson.ParseDocument(RepositoryFiles.Sample(name));
        var written = PatientJson.Serialize(document);
        Schemas.AssertValid(Schemas.Patient, written, name + " rewritten");
        var reread = PatientJson.ParseDocument(written);
        Assert.Equal(written, PatientJson.Serialize(reread));
        Assert.Equal(document.Label, reread.Label);

        // The rewritten document gives the same report as the original.
        Assert.Equal(
            ReportJson.Serialize(ConsensusEngine.Default.Evaluate(document.Patient, AsOf)),
            ReportJson.Serialize(ConsensusEngine.Default.Evaluate(reread.Patient, AsOf)));
    }

    [Fact]
    public void Gist_sample_is_out_of_scope_with_no_recommendations()
    {
        var report = Evaluate("gist-out-of-scope.json");
        using var json = System.Text.Json.JsonDocument.Parse(ReportJson.Serialize(report));
        var root = json.RootElement;
        Assert.Contains("Gastrointestinal stromal tumours", root.GetProperty("outOfScope").GetString(), System.StringComparison.Ordinal);
        Assert.False(root.GetProperty("scope").GetProperty("inScope").GetBoolean());
        Assert.Equal(0, root.GetProperty("recommendations").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("timing").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("oligometastatic").ValueKind);
    }

    [Fact]
    public void Metachronous_liver_omd_sample_is_oligometastatic_and_metachronous()
    {
        var report = Evaluate("metachronous-liver-omd.json");
        Assert.Equal(Oligometastasis.TriState.Yes, report.Oligometastatic!.Status);
        Assert.Equal(Timing.MetastasisTiming.Metachronous, report.Timing!.Timing);
        Assert.Equal(EvaluationStatus.Applies, report["5.3"]!.Status);
    }

    [Fact]
    public void Missing_metastasis_date_sample_leaves_timing_undecided()
    {
        var report = Evaluate("missing-metastasis-date.json");
        Assert.Null(report.Timing!.Timing);
        Assert.Equal(EvaluationStatus.InsufficientData, report["2.1"]!.Status);
        Assert.Contains(Model.FactNames.MetastasesDetectedOn, report["2.1"]!.Missing);
    }

    [Fact]
    public void Remetastasectomy_sample_has_a_treatment_free_interval_of_twenty_months()
    {
        var report = Evaluate("liver-remetastasectomy.json");
        Assert.Equal(20, report.TreatmentFreeInterval!.CompletedMonths);
    }

    [Fact]
    public void Post_resection_sample_is_in_follow_up_with_no_current_disease()
    {
        var report = Evaluate("post-resection-follow-up.json");
        Assert.Equal(EvaluationStatus.Applies, report["13.1"]!.Status);
        Assert.Equal(EvaluationStatus.DoesNotApply, report["5.3"]!.Status);
        Assert.Equal(EvaluationStatus.DoesNotApply, report["4.1"]!.Status);
    }

    [Fact]
    public void Focal_therapy_sample_is_referred_for_non_surgical_local_treatment()
    {
        var report = Evaluate("focal-therapy-candidate.json");
        Assert.Equal(EvaluationStatus.Applies, report["10.1"]!.Status);
        Assert.Equal(EvaluationStatus.DoesNotApply, report["5.1"]!.Status);
    }

    [Fact]
    public void Diffuse_and_more_than_five_lesion_samples_are_not_oligometastatic()
    {
        Assert.Equal(Oligometastasis.TriState.No, Evaluate("diffuse-peritoneal-disease.json").Oligometastatic!.Status);
        Assert.Equal(Oligometastasis.TriState.No, Evaluate("more-than-five-lesions.json").Oligometastatic!.Status);
    }

    private static ConsensusReport Evaluate(string name) =>
        ConsensusEngine.Default.Evaluate(PatientJson.Parse(RepositoryFiles.Sample(name)), AsOf);
}
