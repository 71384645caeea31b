using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>Formatting shared by the views: invariant numbers and dates, and text made safe to hand to the template.</summary>
internal static class Text
{
    /// <summary>
    /// Removes control characters (C0, DEL, C1) from text that may come from input, turning tabs and line breaks into
    /// spaces: HTML forbids most of them even as character references. Encoding of <c>&lt;</c>, <c>&amp;</c> and quotes
    /// is the template engine's job (every output is HTML-encoded).
    /// </summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var control = c < '\u0020' || (c >= '\u007f' && c <= '\u009f');
            if (!control)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length);
            if (c is '\t' or '\n' or '\r')
            {
                builder.Append(' ');
            }
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>An ISO date, <c>yyyy-MM-dd</c>.</summary>
    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>A coordinate or length for SVG: invariant, at most one decimal, never <c>-0</c>.</summary>
    public static string N(double value)
    {
        var rounded = System.Math.Round(value, 1, System.MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>An integer, invariant.</summary>
    public static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A decimal quantity such as a size in millimetres, invariant, without trailing zeros.</summary>
    public static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"1 lesion", "2 lesions".</summary>
    public static string Count(int count, string singular, string plural) =>
        N(count) + " " + (count == 1 ? singular : plural);
}
