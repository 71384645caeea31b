using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// Checks the text of a document before it is mapped: every property name and string must be valid Unicode, and free
/// text (the case label) must hold no character that could forge or hide output lines.
/// </summary>
internal static class TextCheck
{
    private const string NotUnicode =
        "is not valid Unicode text: it holds a lone surrogate (an escape such as \\ud800 without its pair) or bytes that are not UTF-8.";

    /// <summary>
    /// Reports every property name and string value that is not valid Unicode, by path, walking the document without
    /// recursion. System.Text.Json accepts an escaped lone surrogate (<c>"\ud800"</c>) when it parses, and throws
    /// <see cref="InvalidOperationException"/> only when the string is read, so every string is read here once.
    /// </summary>
    public static void Unicode(JsonElement root, string rootPath, List<ValidationError> errors)
    {
        var pending = new Stack<(JsonElement Element, string Path)>();
        pending.Push((root, rootPath));
        while (pending.Count > 0)
        {
            var (element, path) = pending.Pop();
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var children = new List<(JsonElement, string)>();
                    foreach (var property in element.EnumerateObject())
                    {
                        string childPath;
                        try
                        {
                            childPath = JsonPath.Property(path, property.Name);
                        }
                        catch (InvalidOperationException)
                        {
                            childPath = JsonPath.Hidden(path);
                            errors.Add(new ValidationError(childPath, "has a property name that " + NotUnicode));
                        }

                        children.Add((property.Value, childPath));
                    }

                    PushInOrder(pending, children);
                    break;
                case JsonValueKind.Array:
                    var items = new List<(JsonElement, string)>();
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        items.Add((item, JsonPath.Index(path, index++)));
                    }

                    PushInOrder(pending, items);
                    break;
                case JsonValueKind.String:
                    try
                    {
                        _ = element.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        errors.Add(new ValidationError(path, NotUnicode));
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Whether JSON text may hold an escaped surrogate (<c>\uD800</c>–<c>\uDFFF</c>, either case), the only way a
    /// document parsed from a .NET string (lone surrogates already escaped by <see cref="EscapeLoneSurrogates"/>) can hold a
    /// string that is not valid Unicode. When it cannot, <see cref="Unicode"/> has nothing to find and need not walk the
    /// document; when it may (an escaped backslash before <c>u</c> counts too), the walk runs as before.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>Whether the text contains <c>\u</c> followed by <c>d</c> or <c>D</c> and a digit 8–9 or letter a–f.</returns>
    public static bool MayHoldSurrogateEscape(string json)
    {
        for (var i = json.IndexOf('\\'); i >= 0 && i + 3 < json.Length; i = json.IndexOf('\\', i + 1))
        {
            if (json[i + 1] == 'u' && (json[i + 2] == 'd' || json[i + 2] == 'D') && IsSurrogateSecondDigit(json[i + 3]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>As <see cref="MayHoldSurrogateEscape(string)"/>, over the document's UTF-8 bytes (the escape is ASCII).</summary>
    public static bool MayHoldSurrogateEscape(ReadOnlySpan<byte> json)
    {
        var start = 0;
        while (true)
        {
            var found = json.Slice(start).IndexOf((byte)'\\');
            if (found < 0)
            {
                return false;
            }

            var i = start + found;
            if (i + 3 >= json.Length)
            {
                return false;
            }

            if (json[i + 1] == (byte)'u' && (json[i + 2] == (byte)'d' || json[i + 2] == (byte)'D') && IsSurrogateSecondDigit((char)json[i + 3]))
            {
                return true;
            }

            start = i + 1;
        }
    }

    private static bool IsSurrogateSecondDigit(char c) => c is '8' or '9' or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    /// <summary>
    /// Rewrites every lone surrogate of a .NET string as a JSON escape (<c>\uD800</c>), so that the document parses and
    /// <see cref="Unicode"/> then names the field that holds it. A surrogate right after an odd run of backslashes cannot
    /// be rewritten without changing the text's meaning: <see langword="null"/> is returned and the caller reports the document.
    /// </summary>
    public static string? EscapeLoneSurrogates(string json)
    {
        var lone = FirstLoneSurrogate(json, 0);
        if (lone < 0)
        {
            return json;
        }

        var builder = new StringBuilder(json.Length + 16);
        var copied = 0;
        while (lone >= 0)
        {
            var backslashes = 0;
            for (var i = lone - 1; i >= 0 && json[i] == '\\'; i--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 1)
            {
                return null;
            }

            builder.Append(json, copied, lone - copied);
            builder.Append("\\u").Append(((int)json[lone]).ToString("X4", CultureInfo.InvariantCulture));
            copied = lone + 1;
            lone = FirstLoneSurrogate(json, copied);
        }

        builder.Append(json, copied, json.Length - copied);
        return builder.ToString();
    }

    /// <summary>
    /// What is wrong with a case label as free text, or <see langword="null"/>: it must be valid Unicode and hold no
    /// control character (C0 and C1, including the terminal escape ESC and the line ends CR and LF), no Unicode line or
    /// paragraph separator, no bidirectional formatting character and no other invisible format character (Unicode
    /// category Cf: the zero-width space U+200B, joiners, the word joiner, the soft hyphen, a byte order mark inside the
    /// text, the tag characters U+E0000–U+E007F). Such characters could forge lines ("Scope: …") in a text report, hide
    /// the rest of it on a terminal, or make two labels that read the same differ (or hide text in one).
    /// </summary>
    public static string? FreeTextProblem(string text)
    {
        if (FirstLoneSurrogate(text, 0) >= 0)
        {
            return NotUnicode;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || IsBidiControl(c) || IsFormat(text, i))
            {
                return "must not contain control characters (line breaks, tabs, terminal escape sequences), Unicode line or paragraph separators, bidirectional formatting characters, or invisible format characters (such as a zero-width space).";
            }

            if (char.IsHighSurrogate(c))
            {
                // A valid pair (lone surrogates were refused above): its category was read from both halves.
                i++;
            }
        }

        return null;
    }

    // Unicode category Cf (format), read from the code point (a surrogate pair counts as one): U+200B, U+00AD, U+FEFF,
    // U+2060–U+2064, the tag characters U+E0001 and U+E0020–U+E007F, and the bidirectional controls as well.
    private static bool IsFormat(string text, int index) =>
        CharUnicodeInfo.GetUnicodeCategory(text, index) == UnicodeCategory.Format;

    private static bool IsBidiControl(char c) =>
        c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    private static void PushInOrder(Stack<(JsonElement, string)> pending, List<(JsonElement, string)> children)
    {
        for (var i = children.Count - 1; i >= 0; i--)
        {
            pending.Push(children[i]);
        }
    }

    private static int FirstLoneSurrogate(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
