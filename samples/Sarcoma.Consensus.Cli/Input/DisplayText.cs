using System.Globalization;
using System.Text;

namespace Sarcoma.Consensus.Cli.Input;

/// <summary>
/// Makes text from the command line (paths, option values) safe to echo: control characters, Unicode line and paragraph
/// separators, bidirectional formatting characters and lone surrogates are shown as <c>\uXXXX</c>, so an argument can
/// neither forge an output line nor send a terminal escape sequence.
/// </summary>
public static class DisplayText
{
    /// <summary>A path, as it may be echoed in a message.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The path, with unsafe characters escaped.</returns>
    public static string Path(string path) => Escape(path);

    /// <summary>An argument, as it may be echoed in a message.</summary>
    /// <param name="text">The argument.</param>
    /// <returns>The text, with unsafe characters escaped.</returns>
    public static string Escape(string text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (IsUnsafe(c) && !pair)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length + 16);
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                continue;
            }

            builder?.Append(c);
            if (pair)
            {
                builder?.Append(text[i + 1]);
                i++;
            }
        }

        return builder?.ToString() ?? text;
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u061C' || c == '\u200E' || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
