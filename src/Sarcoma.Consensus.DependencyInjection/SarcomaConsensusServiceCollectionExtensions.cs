using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Sarcoma.Consensus;

/// <summary>
/// Registers the consensus engine with an <see cref="IServiceCollection"/>: <see cref="IConsensusEvaluator"/>,
/// a NodaTime <see cref="IClock"/> for <see cref="IConsensusEvaluator.EvaluateToday"/>, and validated
/// <see cref="ConsensusOptions"/>.
/// </summary>
/// <remarks>
/// <para>Every default is added with <c>TryAdd</c>, so a registration made earlier by the host wins (for example a
/// <c>FakeClock</c> in tests, or a clock that reads a trusted time source). Calling the methods more than once adds
/// no duplicate registrations; each configuration action passed is still applied, in call order.</para>
/// <para>Registered services, all singletons:</para>
/// <list type="bullet">
/// <item><description><see cref="IClock"/>: NodaTime's <c>SystemClock.Instance</c>, unless already registered. Register a
/// replacement as a singleton too: the evaluator holds on to the clock it was built with.</description></item>
/// <item><description><see cref="IConsensusEvaluator"/>: a <see cref="ConsensusEngine"/> built once from
/// <see cref="IOptions{TOptions}"/> of <see cref="ConsensusOptions"/> and the <see cref="IClock"/>. The engine is
/// stateless and thread-safe; later changes to configuration need a restart, so a threshold never changes in the middle
/// of a tumour board.</description></item>
/// <item><description>An <see cref="IValidateOptions{TOptions}"/> that runs <see cref="ConsensusOptions.Validate"/>,
/// with validation on start: a host whose options are impossible fails in <c>StartAsync</c> with an
/// <see cref="OptionsValidationException"/> that names each option, rather than at a bedside.</description></item>
/// </list>
/// <para>"Today" for <see cref="IConsensusEvaluator.EvaluateToday"/> is the clock's instant in the time zone
/// <see cref="ConsensusOptions.TimeZoneId"/> (default UTC), not the server's local zone.</para>
/// </remarks>
public static class SarcomaConsensusServiceCollectionExtensions
{
    /// <summary>Registers the consensus engine with the consensus defaults (or options configured elsewhere).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSarcomaConsensus(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (!IsRegistered(services))
        {
            services.AddOptions<ConsensusOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsensusOptions>, ConsensusOptionsValidator>());
        }

#pragma warning disable RS0030 // The DI package is the one place allowed to default to the system clock; a host registers its own IClock first to override it.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton<IConsensusEvaluator>(CreateEvaluator);
        return services;
    }

    /// <summary>Registers the consensus engine and configures its options.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options, for example binds a configuration section. Applied after any
    /// configuration registered earlier; change a default only by a documented local decision.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSarcomaConsensus(this IServiceCollection services, Action<ConsensusOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddSarcomaConsensus();
        services.Configure(configure);
        return services;
    }

    private static bool IsRegistered(IServiceCollection services) =>
        services.Any(d => d.ServiceType == typeof(IValidateOptions<ConsensusOptions>) && d.ImplementationType == typeof(ConsensusOptionsValidator));

    private static ConsensusEngine CreateEvaluator(IServiceProvider provider) =>
        new(provider.GetRequiredService<IOptions<ConsensusOptions>>().Value, provider.GetRequiredService<IClock>());
}
