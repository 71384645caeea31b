using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Sarcoma.Consensus.Wording;

/// <summary>
/// A compiled message template in a small subset of ICU MessageFormat:
/// <list type="bullet">
/// <item><description><c>{name}</c>: the argument (numbers invariant, dates yyyy-MM-dd, a nested message rendered, a list
/// joined "a, b and c" in the catalogue's language);</description></item>
/// <item><description><c>{name, plural, =0 {…} one {…} other {…}}</c> with <c>#</c> for the number;</description></item>
/// <item><description><c>{name, select, a {…} b {…} other {…}}</c> (booleans select <c>true</c>/<c>false</c>);</description></item>
/// <item><description><c>{name, list}</c>, <c>{name, list, semicolon}</c>, <c>{name, list, or}</c>, <c>{name, list, comma}</c>, <c>{name, list, and-all}</c> ("a and b and c"): list styles;</description></item>
/// <item><description><c>{name, term, prefix}</c>: the catalogue's text for <c>prefix.value</c> (each item of a list, joined as by <c>list</c>; <c>{name, term, prefix, comma}</c> picks the list style);</description></item>
/// <item><description><c>{name, capital}</c>: the argument with its first letter capitalised; <c>{name, lower}</c>: in lower case.</description></item>
/// </list>
/// An argument that is absent renders as nothing, and selects the <c>other</c> branch.
/// </summary>
/// <remarks>Immutable and thread-safe once compiled.</remarks>
internal sealed class MessageTemplate
{
    private readonly Node[] nodes;

    private MessageTemplate(Node[] nodes)
    {
        this.nodes = nodes;
        ConstantText = nodes.Length == 0 ? string.Empty : nodes.Length == 1 && nodes[0] is Literal literal ? literal.Text : null;
    }

    /// <summary>Gets the text when the template has no argument (plain text: rendered without a buffer), else <see langword="null"/>.</summary>
    public string? ConstantText { get; }

    public static MessageTemplate Parse(string template)
    {
        var position = 0;
        var nodes = ParseNodes(template, ref position, inPlural: false);
        if (position != template.Length)
        {
            throw new FormatException($"Unbalanced '}}' at {position} in a message template.");
        }

        return new MessageTemplate(nodes);
    }

    public void Render(StringBuilder output, MessageArguments arguments, MessageCatalog catalog) => Render(nodes, output, arguments, catalog, null);

    private static void Render(Node[] nodes, StringBuilder output, MessageArguments arguments, MessageCatalog catalog, decimal? number)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Literal literal:
                    output.Append(literal.Text);
                    break;
                case Pound:
                    output.Append(number is { } n ? Number(n) : "#");
                    break;
                case Choice choice:
                    RenderChoice(choice, output, arguments, catalog);
                    break;
                case Placeholder placeholder:
                    RenderPlaceholder(placeholder, output, arguments, catalog);
                    break;
            }
        }
    }

    private static void RenderChoice(Choice choice, StringBuilder output, MessageArguments arguments, MessageCatalog catalog)
    {
        var value = arguments.Get(choice.Name);
        if (choice.Plural)
        {
            var n = value switch
            {
                int i => i,
                decimal d => d,
                IReadOnlyList<string> list => list.Count,
                IReadOnlyList<Message> list => list.Count,
                _ => (decimal?)null,
            };
            var key = n is { } count ? "=" + Number(count) : null;
            var branch = (key is not null && choice.Options.TryGetValue(key, out var exact) ? exact : null)
                ?? (n is { } c && choice.Options.TryGetValue(catalog.PluralCategory(c), out var category) ? category : null)
                ?? choice.Options["other"];
            Render(branch, output, arguments, catalog, n);
            return;
        }

        var selector = value switch
        {
            bool b => b ? "true" : "false",
            string s => s,
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        Render(selector is not null && choice.Options.TryGetValue(selector, out var selected) ? selected : choice.Options["other"], output, arguments, catalog, null);
    }

    private static void RenderPlaceholder(Placeholder placeholder, StringBuilder output, MessageArguments arguments, MessageCatalog catalog)
    {
        var value = arguments.Get(placeholder.Name);
        if (value is null)
        {
            return;
        }

        var start = output.Length;
        switch (placeholder.Style)
        {
            case "term":
                if (value is IReadOnlyList<string> codes)
                {
                    JoinList(output, codes.Count, i => catalog.Term(placeholder.Argument!, codes[i]), catalog, placeholder.ListStyle ?? "and");
                }
                else
                {
                    output.Append(catalog.Term(placeholder.Argument!, Text(value, catalog)));
                }

                break;
            case "list":
                var style = placeholder.Argument ?? "and";
                switch (value)
                {
                    case IReadOnlyList<Message> messages:
                        JoinList(output, messages.Count, i => catalog.Render(messages[i]), catalog, style);
                        break;
                    case IReadOnlyList<string> strings:
                        JoinList(output, strings.Count, i => strings[i], catalog, style);
                        break;
                    default:
                        output.Append(Text(value, catalog));
                        break;
                }

                break;
            default:
                switch (value)
                {
                    case IReadOnlyList<Message> messages:
                        JoinList(output, messages.Count, i => catalog.Render(messages[i]), catalog, "and");
                        break;
                    case IReadOnlyList<string> strings:
                        JoinList(output, strings.Count, i => strings[i], catalog, "and");
                        break;
                    default:
                        output.Append(Text(value, catalog));
                        break;
                }

                break;
        }

        if (placeholder.Style == "capital" && output.Length > start)
        {
            output[start] = char.ToUpperInvariant(output[start]);
        }
        else if (placeholder.Style == "lower" && output.Length > start)
        {
            output[start] = char.ToLowerInvariant(output[start]);
        }
    }

    private static void JoinList(StringBuilder output, int count, Func<int, string> item, MessageCatalog catalog, string style)
    {
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                output.Append(style switch
                {
                    "semicolon" => "; ",
                    "comma" => ", ",
                    "and-all" => " " + catalog.Conjunction("and") + " ",
                    _ when i == count - 1 => " " + catalog.Conjunction(style) + " ",
                    _ => ", ",
                });
            }

            output.Append(item(i));
        }
    }

    private static string Text(object value, MessageCatalog catalog) => value switch
    {
        string s => s,
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => Number(d),
        bool b => b ? "true" : "false",
        LocalDate date => LocalDatePattern.Iso.Format(date),
        Message message => catalog.Render(message),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static Node[] ParseNodes(string text, ref int position, bool inPlural)
    {
        var nodes = new List<Node>();
        var literal = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '}')
            {
                break;
            }

            if (c == '#' && inPlural)
            {
                Flush();
                nodes.Add(new Pound());
                position++;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                position++;
                continue;
            }

            Flush();
            position++;
            nodes.Add(ParseArgument(text, ref position));
        }

        Flush();
        return nodes.ToArray();

        void Flush()
        {
            if (literal.Length > 0)
            {
                nodes.Add(new Literal(literal.ToString()));
                literal.Clear();
            }
        }
    }

    private static Node ParseArgument(string text, ref int position)
    {
        var name = ReadToken(text, ref position);
        SkipSpaces(text, ref position);
        if (Peek(text, position) == '}')
        {
            position++;
            return new Placeholder(name, null, null);
        }

        Expect(text, ref position, ',');
        var kind = ReadToken(text, ref position);
        SkipSpaces(text, ref position);
        if (kind is "plural" or "select")
        {
            Expect(text, ref position, ',');
            var options = new Dictionary<string, Node[]>(StringComparer.Ordinal);
            while (true)
            {
                SkipSpaces(text, ref position);
                if (Peek(text, position) == '}')
                {
                    position++;
                    break;
                }

                var key = ReadToken(text, ref position);
                SkipSpaces(text, ref position);
                Expect(text, ref position, '{');
                options[key] = ParseNodes(text, ref position, kind == "plural");
                Expect(text, ref position, '}');
            }

            if (!options.ContainsKey("other"))
            {
                throw new FormatException($"The {kind} of '{name}' has no 'other' branch.");
            }

            return new Choice(name, kind == "plural", options);
        }

        string? argument = null;
        string? listStyle = null;
        if (Peek(text, position) == ',')
        {
            position++;
            argument = ReadToken(text, ref position);
            SkipSpaces(text, ref position);
            if (kind == "term" && Peek(text, position) == ',')
            {
                position++;
                listStyle = ReadToken(text, ref position);
                SkipSpaces(text, ref position);
            }
        }

        Expect(text, ref position, '}');
        if (kind is not ("list" or "term" or "capital" or "lower"))
        {
            throw new FormatException($"Unknown argument style '{kind}' for '{name}'.");
        }

        if (kind == "term" && argument is null)
        {
            throw new FormatException($"The term style of '{name}' needs a prefix.");
        }

        return new Placeholder(name, kind, argument, listStyle);
    }

    private static string ReadToken(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        var start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not (',' or '{' or '}'))
        {
            position++;
        }

        if (position == start)
        {
            throw new FormatException($"Expected a name at {start} in a message template.");
        }

        return text.Substring(start, position - start);
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static char Peek(string text, int position) => position < text.Length ? text[position] : '\0';

    private static void Expect(string text, ref int position, char expected)
    {
        SkipSpaces(text, ref position);
        if (Peek(text, position) != expected)
        {
            throw new FormatException($"Expected '{expected}' at {position} in a message template.");
        }

        position++;
    }

    private abstract class Node
    {
    }

    private sealed class Literal : Node
    {
        public Literal(string text) => Text = text;

        public string Text { get; }
    }

    private sealed class Pound : Node
    {
    }

    private sealed class Placeholder : Node
    {
        public Placeholder(string name, string? style, string? argument, string? listStyle = null)
        {
            Name = name;
            Style = style;
            Argument = argument;
            ListStyle = listStyle;
        }

        public string? ListStyle { get; }

        public string Name { get; }

        public string? Style { get; }

        public string? Argument { get; }
    }

    private sealed class Choice : Node
    {
        public Choice(string name, bool plural, Dictionary<string, Node[]> options)
        {
            Name = name;
            Plural = plural;
            Options = options;
        }

        public string Name { get; }

        public bool Plural { get; }

        public Dictionary<string, Node[]> Options { get; }
    }
}
