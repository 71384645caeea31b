using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Sarcoma.Consensus.DependencyInjection.Tests;

public sealed class HostStartupTests
{
    [Theory]
    [InlineData(nameof(ConsensusOptions.RemetastasectomyClearTfiMonths))]
    [InlineData(nameof(ConsensusOptions.TimeZoneId))]
    [InlineData(nameof(ConsensusOptions.SynchronousWindowMonths))]
    public async Task A_host_with_an_impossible_setting_fails_at_StartAsync_naming_the_option(string option)
    {
        Action<ConsensusOptions> configure = option switch
        {
            nameof(ConsensusOptions.RemetastasectomyClearTfiMonths) => o => { o.RemetastasectomyMinimumTfiMonths = 18; o.RemetastasectomyClearTfiMonths = 12; },
            nameof(ConsensusOptions.TimeZoneId) => o => o.TimeZoneId = "Mars/Olympus",
            _ => o => o.SynchronousWindowMonths = 0,
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSarcomaConsensus(configure);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(ConsensusOptions), ex.OptionsType);
        Assert.Contains(option + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_valid_settings_starts_and_serves_the_evaluator()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSarcomaConsensus(o => o.TimeZoneId = "America/Bogota");
        using var host = builder.Build();

        await host.StartAsync();
        try
        {
            Assert.IsType<ConsensusEngine>(host.Services.GetRequiredService<IConsensusEvaluator>());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_host_with_default_settings_validates_on_start_without_being_asked()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSarcomaConsensus();
        builder.Services.Configure<ConsensusOptions>(o => o.FollowUpHorizonYears = 2);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("FollowUpHorizonYears: ", ex.Message, StringComparison.Ordinal);
    }
}
