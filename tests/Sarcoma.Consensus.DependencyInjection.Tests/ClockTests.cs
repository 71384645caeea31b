using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Sarcoma.Consensus.DependencyInjection.Tests.Support;

namespace Sarcoma.Consensus.DependencyInjection.Tests;

public sealed class ClockTests
{
    private static readonly Instant LateEveningUtc = Instant.FromUtc(2026, 3, 1, 23, 30);

    [Fact]
    public void A_clock_registered_before_AddSarcomaConsensus_wins_over_the_system_clock()
    {
        var fake = new FakeClock(LateEveningUtc);
        var services = new ServiceCollection()
            .AddSingleton<IClock>(fake)
            .AddSarcomaConsensus();

        using var provider = services.BuildStrictProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        Assert.Same(fake, provider.GetRequiredService<IClock>());
    }

    [Theory]
    [InlineData("UTC", 2026, 3, 1)]
    [InlineData("Europe/Madrid", 2026, 3, 2)]
    [InlineData("Atlantic/Canary", 2026, 3, 1)]
    [InlineData("America/Bogota", 2026, 3, 1)]
    public void EvaluateToday_takes_today_from_the_fake_clock_in_the_configured_time_zone(string zone, int year, int month, int day)
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IClock>(new FakeClock(LateEveningUtc))
            .AddSarcomaConsensus(o => o.TimeZoneId = zone)
            .BuildStrictProvider();

        var report = provider.GetRequiredService<IConsensusEvaluator>().EvaluateToday(DemoPatients.MetachronousLiverOnly());

        Assert.Equal(new LocalDate(year, month, day), report.AsOf);
    }

    [Fact]
    public void EvaluateToday_follows_the_fake_clock_as_it_advances()
    {
        var fake = new FakeClock(LateEveningUtc);
        using var provider = new ServiceCollection()
            .AddSingleton<IClock>(fake)
            .AddSarcomaConsensus(o => o.TimeZoneId = "Europe/Madrid")
            .BuildStrictProvider();
        var evaluator = provider.GetRequiredService<IConsensusEvaluator>();

        fake.AdvanceDays(30);

        Assert.Equal(new LocalDate(2026, 4, 1), evaluator.EvaluateToday(DemoPatients.MetachronousLiverOnly()).AsOf);
    }

    [Fact]
    public void EvaluateToday_with_the_default_clock_gives_a_report_dated_today_in_UTC()
    {
        using var provider = new ServiceCollection().AddSarcomaConsensus().BuildStrictProvider();
        var clock = provider.GetRequiredService<IClock>();
        var before = clock.GetCurrentInstant().InUtc().Date;

        var asOf = provider.GetRequiredService<IConsensusEvaluator>().EvaluateToday(DemoPatients.MetachronousLiverOnly()).AsOf;

        Assert.InRange(asOf, before, clock.GetCurrentInstant().InUtc().Date);
    }
}
