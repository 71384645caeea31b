using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Sarcoma.Consensus.Wording;

/// <summary>
/// The wording of one language: every message template the evaluators' codes refer to, in one place. The English
/// catalogue is the reference wording; another language is added as resource files
/// (<c>Wording/&lt;language&gt;/*.messages</c>, one <c>code = template</c> per line, templates in a subset of ICU
/// MessageFormat, see <c>docs/wording.md</c>) without touching an evaluator. A code missing from a language falls back
/// to English.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MessageCatalog
{
    private const string ResourcePrefix = "Wording/";
    private static readonly Lazy<MessageCatalog> EnglishCatalog = new(() => Load("en", null));
    private static readonly ConcurrentDictionary<string, MessageCatalog> Others = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, string> templates;
    private readonly ConcurrentDictionary<string, MessageTemplate> compiled = new(StringComparer.Ordinal);

    // Rendered terms (prefix, value) -> text, only for codes this catalogue or its fallback defines, so the cache is
    // bounded by the catalogue and never holds a value from the input. The catalogue is immutable, so a term's text never
    // changes: the cache is a thread-safe memo of a pure function.
    private readonly ConcurrentDictionary<(string Prefix, string Value), string> terms = new();
    private readonly MessageCatalog? fallback;

    private MessageCatalog(string language, IReadOnlyDictionary<string, string> templates, MessageCatalog? fallback)
    {
        Language = language;
        this.templates = templates;
        this.fallback = fallback;
    }

    /// <summary>Gets the English catalogue, the reference wording.</summary>
    public static MessageCatalog English => EnglishCatalog.Value;

    /// <summary>Gets the languages whose resources ship with the library (ISO 639-1 codes, for example <c>en</c>).</summary>
    public static IReadOnlyList<string> Languages { get; } = Array.AsReadOnly(
        typeof(MessageCatalog).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n.Substring(ResourcePrefix.Length).Split('/')[0])
            .Distinct(StringComparer.Ordinal)
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToArray());

    /// <summary>Gets the catalogue's language (ISO 639-1 code).</summary>
    public string Language { get; }

    /// <summary>Gets every message code this catalogue defines (without the fallback's), in ordinal order.</summary>
    public IReadOnlyList<string> Codes => templates.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();

    /// <summary>Gets the catalogue of a language, falling back to English for codes it lacks.</summary>
    /// <param name="language">An ISO 639-1 code among <see cref="Languages"/>, for example <c>en</c>.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="ArgumentException">No wording ships for <paramref name="language"/>.</exception>
    public static MessageCatalog For(string language)
    {
        if (language == "en")
        {
            return English;
        }

        if (!Languages.Contains(language, StringComparer.Ordinal))
        {
            throw new ArgumentException($"No wording ships for the language '{language}'; available: {string.Join(", ", Languages)}.", nameof(language));
        }

        return Others.GetOrAdd(language, l => Load(l, English));
    }

    /// <summary>Creates a catalogue from templates (for tests and for integrators' own wording checks).</summary>
    /// <param name="language">The language code.</param>
    /// <param name="templates">The templates by code.</param>
    /// <param name="fallback">The catalogue consulted for codes this one lacks, or <see langword="null"/>.</param>
    /// <returns>The catalogue.</returns>
    internal static MessageCatalog Create(string language, IReadOnlyDictionary<string, string> templates, MessageCatalog? fallback = null) =>
        new(language, new Dictionary<string, string>(templates.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal), fallback);

    /// <summary>Gets whether the catalogue (or its fallback) has a template for a code.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when defined.</returns>
    public bool Defines(string code) => templates.ContainsKey(code) || (fallback?.Defines(code) ?? false);

    /// <summary>Renders a message. A code the catalogue lacks renders as <c>⟦code⟧</c> (tests assert none does).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public string Render(Message message)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var template = Template(message.Code);
        if (template?.ConstantText is { } constant)
        {
            return constant;
        }

        var output = new StringBuilder();
        if (template is not null)
        {
            template.Render(output, message.Arguments, this);
        }
        else
        {
            output.Append('⟦').Append(message.Code).Append('⟧');
        }

        return output.ToString();
    }

    /// <summary>Renders a message into a buffer.</summary>
    /// <param name="message">The message.</param>
    /// <param name="output">The buffer.</param>
    public void Render(Message message, StringBuilder output)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        if (Template(message.Code) is { } template)
        {
            template.Render(output, message.Arguments, this);
        }
        else
        {
            output.Append('⟦').Append(message.Code).Append('⟧');
        }
    }

    /// <summary>Gets the text of a term, <c>prefix.value</c>, or the value itself when the catalogue has none.</summary>
    internal string Term(string prefix, string value)
    {
        if (terms.TryGetValue((prefix, value), out var text))
        {
            return text;
        }

        var code = prefix + "." + value;
        if (Template(code) is null)
        {
            return value;
        }

        return terms.GetOrAdd((prefix, value), Render(new Message(code)));
    }

    /// <summary>Gets the conjunction that ends a list ("and", "or").</summary>
    internal string Conjunction(string style) => Term("list", style);

    /// <summary>Gets the plural category of a number in this language (CLDR: English and Spanish "one" for 1; Portuguese for 0 and 1).</summary>
    internal string PluralCategory(decimal number) => Language switch
    {
        "pt" => number is 0m or 1m ? "one" : "other",
        _ => number == 1m ? "one" : "other",
    };

    private MessageTemplate? Template(string code)
    {
        if (compiled.TryGetValue(code, out var template))
        {
            return template;
        }

        if (templates.TryGetValue(code, out var text))
        {
            return compiled.GetOrAdd(code, _ => MessageTemplate.Parse(text));
        }

        return fallback?.Template(code);
    }

    private static MessageCatalog Load(string language, MessageCatalog? fallback)
    {
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        var assembly = typeof(MessageCatalog).Assembly;
        var prefix = ResourcePrefix + language + "/";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var equals = line.IndexOf(" = ", StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new InvalidOperationException($"{name}:{number}: expected 'code = template'.");
                }

                var code = line.Substring(0, equals).Trim();
                if (templates.ContainsKey(code))
                {
                    throw new InvalidOperationException($"{name}:{number}: the code '{code}' is defined twice.");
                }

                templates.Add(code, line.Substring(equals + 3));
            }
        }

        return new MessageCatalog(language, templates, fallback);
    }
}
