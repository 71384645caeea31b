using Microsoft.Extensions.Options;
using NodaTime;

namespace Sarcoma.Consensus.CdsHooks.Options;

/// <summary>
/// The time zone of the evaluation date (<see cref="ConsensusOptions.TimeZoneId"/>), looked up in the TZDB once per service
/// instead of by name on every hook call (issue #11). A singleton: <see cref="IOptions{TOptions}"/> is fixed at start-up, as
/// in <c>ConsensusEngine</c>, which resolves the same id once too; the id is validated by <see cref="ConsensusOptions"/>.
/// </summary>
internal sealed class EvaluationZone
{
    public EvaluationZone(IOptions<ConsensusOptions> options)
    {
        Zone = DateTimeZoneProviders.Tzdb[options.Value.TimeZoneId];
    }

    /// <summary>Gets the zone in which the clock's instant is read as today's date.</summary>
    public DateTimeZone Zone { get; }
}
