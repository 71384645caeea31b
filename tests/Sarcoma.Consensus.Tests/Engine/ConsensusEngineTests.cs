using System;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Engine;

public sealed class ConsensusEngineTests
{
    [Fact]
    public void The_report_answers_every_evaluator_in_catalog_order()
    {
        var report = ConsensusEngine.Default.Evaluate(Vignettes.MetachronousLiverOnlyOmd().Build(), Vignettes.AsOf);

        var catalogOrder = RecommendationCatalog.All.Select(r => r.Id).ToList();
        var ids = report.Results.Select(r => r.Id).ToArray();
        Assert.Equal(ids.OrderBy(catalogOrder.IndexOf).ToArray(), ids);
        Assert.Equal(ConsensusEngine.Default.Evaluators.Count, ids.Length);
        Assert.True(report.Scope.InScope);
        Assert.Null(report.OutOfScope);
        Assert.NotNull(report.Timing);
        Assert.NotNull(report.Oligometastatic);
    }

    [Fact]
    public void GIST_is_out_of_scope_and_nothing_is_evaluated()
    {
        var gist = Patient.Builder()
            .WithPrimary(Histology.Gist, PrimarySite.IntraAbdominalVisceral, diagnosedOn: new LocalDate(2022, 1, 5))
            .MetastasesDetectedOn(new LocalDate(2024, 2, 1))
            .AddLesion(MetastaticSite.Liver, 25, l => l.Resectable())
            .Build();

        var report = ConsensusEngine.Default.Evaluate(gist, Vignettes.AsOf);

        Assert.False(report.Scope.InScope);
        Assert.Contains("Gastrointestinal stromal tumours are excluded", report.OutOfScope, StringComparison.Ordinal);
        Assert.Empty(report.Results);
        Assert.Null(report.Timing);
        Assert.Null(report.Oligometastatic);
    }

    [Fact]
    public void A_bone_sarcoma_is_out_of_scope()
    {
        var report = ConsensusEngine.Default.Evaluate(Patient.Builder().WithPrimary(Histology.Osteosarcoma).Build(), Vignettes.AsOf);

        Assert.Contains("not a soft-tissue sarcoma", report.OutOfScope, StringComparison.Ordinal);
        Assert.Empty(report.Results);
    }

    [Fact]
    public void Unknown_histology_is_evaluated_with_a_scope_note_not_guessed_in_scope()
    {
        var report = ConsensusEngine.Default.Evaluate(Patient.Builder().WithPrimary(null).Build(), Vignettes.AsOf);

        Assert.Null(report.Scope.InScope);
        Assert.Contains(FactNames.PrimaryHistology, report.Scope.Note, StringComparison.Ordinal);
        Assert.NotEmpty(report.Results);
    }

    [Fact]
    public void An_empty_patient_yields_insufficient_data_or_does_not_apply_never_an_exception()
    {
        var report = ConsensusEngine.Default.Evaluate(new Patient(), Vignettes.AsOf);

        Assert.All(report.Results, r => Assert.NotEqual(EvaluationStatus.Applies, r.Status));
        Assert.All(report.Results.Where(r => r.Status == EvaluationStatus.InsufficientData), r => Assert.NotEmpty(r.Missing));
    }

    [Fact]
    public void No_consensus_items_always_carry_the_flag()
    {
        var report = ConsensusEngine.Default.Evaluate(Vignettes.SynchronousOmdOnInduction().Build(), Vignettes.AsOf);

        foreach (var result in report.Results)
        {
            Assert.Equal(!result.Recommendation.ReachedConsensus, result.Flags.Contains(ResultFlag.NoConsensus));
        }
    }

    [Fact]
    public void The_same_input_gives_the_same_output()
    {
        string Render() => string.Join(
            "\n",
            ConsensusEngine.Default.Evaluate(Vignettes.MetachronousLiverOnlyOmd().Build(), Vignettes.AsOf).Results
                .Select(r => r.Id + r.Status + string.Join("|", r.Rationale) + string.Join("|", r.Missing) + string.Join("|", r.Flags)));

        Assert.Equal(Render(), Render());
    }

    [Fact]
    public void Evaluation_rejects_dates_after_the_evaluation_date_naming_the_field()
    {
        var patient = Vignettes.MetachronousLiverOnlyOmd().Build();

        var error = Assert.Throws<PatientValidationException>(() => ConsensusEngine.Default.Evaluate(patient, new LocalDate(2023, 8, 1)));

        Assert.Contains(error.Errors, e => e.Field == FactNames.MetastasesDetectedOn);
    }

    [Fact]
    public void Evaluate_today_without_a_clock_is_a_caller_error()
    {
        Assert.Throws<InvalidOperationException>(() => ConsensusEngine.Default.EvaluateToday(new Patient()));
    }

    [Fact]
    public void Evaluate_today_reads_the_injected_clock_in_the_configured_zone()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 23, 30));
        var engine = new ConsensusEngine(new ConsensusOptions { TimeZoneId = "Europe/Madrid" }, clock);

        Assert.Equal(new LocalDate(2026, 3, 2), engine.EvaluateToday(new Patient()).AsOf);
    }

    [Fact]
    public void Invalid_options_fail_at_construction_naming_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => new ConsensusEngine(new ConsensusOptions { RemetastasectomyMinimumTfiMonths = 20, RemetastasectomyClearTfiMonths = 18 }));

        Assert.Contains(nameof(ConsensusOptions.RemetastasectomyClearTfiMonths), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_copied_so_later_changes_do_not_leak_into_an_engine()
    {
        var options = new ConsensusOptions();
        var engine = new ConsensusEngine(options);
        options.AtWindowBoundary = BoundaryTiming.Metachronous;

        var patient = Vignettes.SynchronousOmdOnInduction().MetastasesDetectedOn(new LocalDate(2025, 12, 2)).Build();

        Assert.Equal(Sarcoma.Consensus.Timing.MetastasisTiming.Synchronous, engine.Evaluate(patient, Vignettes.AsOf).Timing!.Timing);
    }
}
