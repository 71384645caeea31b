using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Fhir.Mapping;

/// <summary>
/// Reads Couinaud segments and a liver lobe stated in text (<c>BodyStructure.location.text</c>,
/// <c>BodyStructure.description</c>, <c>locationQualifier</c> texts): "segment 6", "segments VI and VII",
/// "Couinaud segment IVa", "S7", "left lobe".
/// </summary>
internal static class CouinaudText
{
    private const string Segment = "(?:VIII|VII|VI|IV|V|III|II|I|[1-8])[ab]?";

    private static readonly Regex Segments = new(
        @"\bsegments?\s+(" + Segment + @"(?:\s*(?:,|and|&|/|\+|or)\s*" + Segment + @")*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Short = new(@"\bS([1-8])[ab]?\b", RegexOptions.CultureInvariant);

    private static readonly Regex One = new(Segment, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Lobe = new(@"\b(left|right|caudate)\s+(?:hepatic\s+|liver\s+)?lobe\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, int> Roman = new(StringComparer.OrdinalIgnoreCase)
    {
        ["I"] = 1, ["II"] = 2, ["III"] = 3, ["IV"] = 4, ["V"] = 5, ["VI"] = 6, ["VII"] = 7, ["VIII"] = 8,
    };

    public static IReadOnlyList<int> ReadSegments(IEnumerable<string> texts)
    {
        var segments = new SortedSet<int>();
        foreach (var text in texts)
        {
            foreach (Match match in Segments.Matches(text))
            {
                foreach (Match one in One.Matches(match.Groups[1].Value))
                {
                    var token = one.Value.TrimEnd('a', 'b', 'A', 'B');
                    segments.Add(int.TryParse(token, out var number) ? number : Roman[token]);
                }
            }

            foreach (Match match in Short.Matches(text))
            {
                segments.Add(match.Groups[1].Value[0] - '0');
            }
        }

        return segments.ToArray();
    }

    public static LiverLobe? ReadLobe(IEnumerable<string> texts)
    {
        LiverLobe? lobe = null;
        foreach (var text in texts)
        {
            foreach (Match match in Lobe.Matches(text))
            {
                var found = match.Groups[1].Value.ToUpperInvariant() switch
                {
                    "LEFT" => LiverLobe.Left,
                    "RIGHT" => LiverLobe.Right,
                    _ => LiverLobe.Caudate,
                };
                if (lobe is not null && lobe != found)
                {
                    return null;
                }

                lobe = found;
            }
        }

        return lobe;
    }
}
