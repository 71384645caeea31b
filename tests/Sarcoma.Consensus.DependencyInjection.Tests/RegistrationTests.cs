using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Sarcoma.Consensus.DependencyInjection.Tests.Support;

namespace Sarcoma.Consensus.DependencyInjection.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddSarcomaConsensus_resolves_the_engine_as_IConsensusEvaluator()
    {
        using var provider = new ServiceCollection().AddSarcomaConsensus().BuildStrictProvider();

        var evaluator = provider.GetRequiredService<IConsensusEvaluator>();

        Assert.IsType<ConsensusEngine>(evaluator);
        Assert.NotEmpty(evaluator.Evaluators);
        var report = evaluator.Evaluate(DemoPatients.MetachronousLiverOnly(), DemoPatients.AsOf);
        Assert.Equal(evaluator.Evaluators.Count, report.Results.Count);
    }

    [Fact]
    public void The_evaluator_is_a_singleton_shared_across_scopes()
    {
        using var provider = new ServiceCollection().AddSarcomaConsensus().BuildStrictProvider();

        var root = provider.GetRequiredService<IConsensusEvaluator>();
        using var scope = provider.CreateScope();

        Assert.Same(root, provider.GetRequiredService<IConsensusEvaluator>());
        Assert.Same(root, scope.ServiceProvider.GetRequiredService<IConsensusEvaluator>());
    }

    [Fact]
    public void The_default_clock_is_the_system_clock_registered_as_a_singleton()
    {
        var services = new ServiceCollection().AddSarcomaConsensus();

        var clock = Assert.Single(services, d => d.ServiceType == typeof(IClock));
        Assert.Equal(ServiceLifetime.Singleton, clock.Lifetime);
        using var provider = services.BuildStrictProvider();
#pragma warning disable RS0030 // The test checks that the default is the system clock.
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
#pragma warning restore RS0030
    }

    [Fact]
    public void Calling_AddSarcomaConsensus_twice_adds_no_registration()
    {
        var once = new ServiceCollection().AddSarcomaConsensus();
        var twice = new ServiceCollection().AddSarcomaConsensus().AddSarcomaConsensus();

        Assert.Equal(once.Count, twice.Count);
        Assert.Single(twice, d => d.ServiceType == typeof(IConsensusEvaluator));
        Assert.Single(twice, d => d.ServiceType == typeof(IClock));
        Assert.Single(twice, d => d.ServiceType == typeof(IValidateOptions<ConsensusOptions>));
        Assert.Single(twice, d => d.ServiceType == typeof(IStartupValidator));
    }

    [Fact]
    public void Calling_it_twice_with_actions_keeps_one_evaluator_and_applies_both_actions_in_order()
    {
        var services = new ServiceCollection()
            .AddSarcomaConsensus(o => o.FollowUpHorizonYears = 7)
            .AddSarcomaConsensus(o => o.FollowUpHorizonYears += 1);

        Assert.Single(services, d => d.ServiceType == typeof(IConsensusEvaluator));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ConsensusOptions>));
        using var provider = services.BuildStrictProvider();
        Assert.Equal(8, provider.GetRequiredService<IOptions<ConsensusOptions>>().Value.FollowUpHorizonYears);
    }

    [Fact]
    public void An_evaluator_registered_by_the_host_first_wins()
    {
        var own = new ConsensusEngine(new ConsensusOptions { TimeZoneId = "Europe/Lisbon" });
        var services = new ServiceCollection()
            .AddSingleton<IConsensusEvaluator>(own)
            .AddSarcomaConsensus();

        using var provider = services.BuildStrictProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IConsensusEvaluator));
        Assert.Same(own, provider.GetRequiredService<IConsensusEvaluator>());
    }

    [Fact]
    public void Every_registration_is_a_singleton()
    {
        var services = new ServiceCollection().AddSarcomaConsensus();

        Assert.All(
            services.Where(d => d.ServiceType == typeof(IConsensusEvaluator) || d.ServiceType == typeof(IClock) || d.ServiceType == typeof(IValidateOptions<ConsensusOptions>)),
            d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }

    [Fact]
    public void Null_arguments_are_caller_bugs()
    {
        Assert.Throws<ArgumentNullException>("services", () => SarcomaConsensusServiceCollectionExtensions.AddSarcomaConsensus(null!));
        Assert.Throws<ArgumentNullException>("services", () => SarcomaConsensusServiceCollectionExtensions.AddSarcomaConsensus(null!, _ => { }));
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddSarcomaConsensus(null!));
    }

    [Fact]
    public void The_extensions_live_in_the_library_namespace_not_Microsoft_Extensions_DependencyInjection()
    {
        Assert.Equal("Sarcoma.Consensus", typeof(SarcomaConsensusServiceCollectionExtensions).Namespace);
    }
}
