using System.Linq;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sarcoma.Consensus.DependencyInjection.Tests.Support;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.DependencyInjection.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Without_configuration_detection_exactly_six_months_after_diagnosis_is_synchronous()
    {
        using var provider = new ServiceCollection().AddSarcomaConsensus().BuildStrictProvider();

        var report = provider.GetRequiredService<IConsensusEvaluator>().Evaluate(DemoPatients.DetectedExactlySixMonthsAfterDiagnosis(), DemoPatients.AsOf);

        Assert.NotNull(report.Timing);
        Assert.True(report.Timing!.AtWindowBoundary);
        Assert.Equal(MetastasisTiming.Synchronous, report.Timing.Timing);
    }

    [Fact]
    public void The_configure_action_reaches_the_engine_AtWindowBoundary_Metachronous_reclassifies_the_boundary_case()
    {
        using var provider = new ServiceCollection()
            .AddSarcomaConsensus(o => o.AtWindowBoundary = BoundaryTiming.Metachronous)
            .BuildStrictProvider();

        var report = provider.GetRequiredService<IConsensusEvaluator>().Evaluate(DemoPatients.DetectedExactlySixMonthsAfterDiagnosis(), DemoPatients.AsOf);

        Assert.NotNull(report.Timing);
        Assert.True(report.Timing!.AtWindowBoundary);
        Assert.Equal(MetastasisTiming.Metachronous, report.Timing.Timing);
    }

    [Fact]
    public void A_configuration_section_bound_in_the_configure_action_reaches_the_engine()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SarcomaConsensus:AtWindowBoundary"] = "Metachronous",
                ["SarcomaConsensus:TimeZoneId"] = "Europe/Madrid",
            })
            .Build();
        var section = configuration.GetSection("SarcomaConsensus");
        using var provider = new ServiceCollection()
            .AddSarcomaConsensus(o => section.Bind(o))
            .BuildStrictProvider();

        var report = provider.GetRequiredService<IConsensusEvaluator>().Evaluate(DemoPatients.DetectedExactlySixMonthsAfterDiagnosis(), DemoPatients.AsOf);

        Assert.Equal(MetastasisTiming.Metachronous, report.Timing!.Timing);
        Assert.Equal(18, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConsensusOptions>>().Value.RemetastasectomyClearTfiMonths);
    }

    [Fact]
    public void Options_configured_with_services_Configure_before_the_call_are_used_too()
    {
        var services = new ServiceCollection();
        services.Configure<ConsensusOptions>(o => o.AtWindowBoundary = BoundaryTiming.Metachronous);
        using var provider = services.AddSarcomaConsensus().BuildStrictProvider();

        var report = provider.GetRequiredService<IConsensusEvaluator>().Evaluate(DemoPatients.DetectedExactlySixMonthsAfterDiagnosis(), DemoPatients.AsOf);

        Assert.Equal(MetastasisTiming.Metachronous, report.Timing!.Timing);
    }

    [Fact]
    public void Resolving_the_evaluator_with_an_impossible_setting_throws_OptionsValidationException_naming_the_option()
    {
        using var provider = new ServiceCollection()
            .AddSarcomaConsensus(o => o.RemetastasectomyClearTfiMonths = 6)
            .BuildStrictProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IConsensusEvaluator>());

        Assert.Equal(typeof(ConsensusOptions), ex.OptionsType);
        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith("RemetastasectomyClearTfiMonths: must be at least RemetastasectomyMinimumTfiMonths", failure, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Every_impossible_setting_is_reported_at_once()
    {
        using var provider = new ServiceCollection()
            .AddSarcomaConsensus(o =>
            {
                o.TimeZoneId = "Mars/Olympus";
                o.GoodPerformanceStatusMaximumEcog = 7;
                o.NormalLiverMinimumFlrPercent = 0m;
            })
            .BuildStrictProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConsensusOptions>>().Value);

        Assert.Equal(3, ex.Failures.Count());
        Assert.Contains("TimeZoneId: ", ex.Message, System.StringComparison.Ordinal);
        Assert.Contains("GoodPerformanceStatusMaximumEcog: ", ex.Message, System.StringComparison.Ordinal);
        Assert.Contains("NormalLiverMinimumFlrPercent: ", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_accepts_the_defaults_and_names_the_option_it_rejects()
    {
        var validator = new ConsensusOptionsValidator();

        Assert.True(validator.Validate(Options.DefaultName, new ConsensusOptions()).Succeeded);
        var result = validator.Validate(null, new ConsensusOptions { SynchronousWindowMonths = 0 });
        Assert.True(result.Failed);
        Assert.Equal("SynchronousWindowMonths: must be between 1 and 24 months.", Assert.Single(result.Failures!));
    }
}
