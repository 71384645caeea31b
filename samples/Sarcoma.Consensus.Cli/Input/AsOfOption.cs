using System.CommandLine;
using NodaTime;
using NodaTime.Text;

namespace Sarcoma.Consensus.Cli.Input;

/// <summary>The <c>--as-of yyyy-MM-dd</c> option shared by the commands that evaluate a patient.</summary>
public static class AsOfOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "--as-of";

    /// <summary>Creates the option. A value that is not an ISO calendar date is a usage error naming the option.</summary>
    /// <returns>The option; its value is <see langword="null"/> when omitted.</returns>
    public static Option<LocalDate?> Create() => new(Name)
    {
        Description = "The evaluation date (\"today\") as yyyy-MM-dd. Default: today's date by the system clock in the machine's "
            + "local time zone (or in --time-zone). Give it for output that is the same on every run.",
        HelpName = "yyyy-MM-dd",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            // Four digits of year and no sign, as in the patient document.
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (parsed.Success && text.Length == 10 && char.IsAsciiDigit(text[0]))
            {
                return parsed.Value;
            }

            result.AddError($"{Name}: '{DisplayText.Escape(text)}' is not a date in the form yyyy-MM-dd (for example 2026-11-26).");
            return null;
        },
    };

    /// <summary>The evaluation date: the option's value, or today by the environment's clock in <paramref name="zone"/> (or the machine's local time zone).</summary>
    /// <param name="value">The option's value.</param>
    /// <param name="zone">The <c>--time-zone</c> value, or <see langword="null"/>.</param>
    /// <param name="environment">The environment.</param>
    /// <returns>The date.</returns>
    public static LocalDate Resolve(LocalDate? value, DateTimeZone? zone, CliEnvironment environment) =>
        value ?? environment.Today(zone);
}
