using System.CommandLine;
using NodaTime;

namespace Sarcoma.Consensus.Cli.Input;

/// <summary>
/// The <c>--time-zone ZONE</c> option shared by the commands that evaluate a patient: the IANA time zone whose date is
/// "today" when <c>--as-of</c> is omitted. Without it, the machine's local time zone is used.
/// </summary>
public static class TimeZoneOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "--time-zone";

    /// <summary>Creates the option. A value that is not an IANA time zone id is a usage error naming the option.</summary>
    /// <returns>The option; its value is <see langword="null"/> when omitted.</returns>
    public static Option<DateTimeZone?> Create() => new(Name)
    {
        Description = "The IANA time zone whose date is \"today\" when --as-of is omitted, for example Europe/Madrid or UTC. "
            + "Default: the machine's local time zone.",
        HelpName = "ZONE",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(text) is { } zone)
            {
                return zone;
            }

            result.AddError($"{Name}: '{DisplayText.Escape(text)}' is not an IANA time zone id (for example Europe/Madrid, America/Sao_Paulo or UTC).");
            return null;
        },
    };
}
