using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Indication;

/// <summary>Sentences about the liver lesions that a clinician can check against the imaging report.</summary>
internal static class LiverLesionFacts
{
    /// <summary>
    /// Describes where the liver lesions are: "2 liver lesions, all in the right lobe (segments 6, 7)." or
    /// "3 liver lesions in the left and right lobes (segments 3, 6, 7)."
    /// </summary>
    /// <param name="liver">The liver lesions (at least one).</param>
    /// <returns>The finding.</returns>
    public static Finding Location(IReadOnlyList<Lesion> liver)
    {
        var count = liver.Count;
        var lesions = Count(count, "liver lesion");
        var located = liver.Where(l => l.LobesTouched.Count > 0).ToArray();
        var unlocated = count - located.Length;
        if (located.Length == 0)
        {
            return new Finding(FactNames.LesionSegments, "unknown", $"{lesions}; segments and lobe not recorded.");
        }

        var lobes = located.SelectMany(l => l.LobesTouched).Distinct().OrderBy(l => l).ToArray();
        var segments = located.SelectMany(l => l.Segments).Distinct().OrderBy(s => s).ToArray();
        var lobeText = Join(lobes.Select(Name).ToArray()) + (lobes.Length == 1 ? " lobe" : " lobes");
        var segmentText = segments.Length == 0 || located.Any(l => l.Segments.Count == 0) ? string.Empty : $" ({Segments(segments)})";
        var where = unlocated == 0 && lobes.Length == 1 && count > 1
            ? $"{lesions}, all in the {lobeText}{segmentText}"
            : $"{lesions} in the {lobeText}{segmentText}";
        var tail = unlocated == 0 ? "." : $"; location not recorded for {Count(unlocated, "lesion")}.";
        var value = segmentText.Length > 0
            ? string.Join(",", segments.Select(s => s.ToString(CultureInfo.InvariantCulture)))
            : string.Join(",", lobes.Select(Name));
        return new Finding(FactNames.LesionSegments, value, where + tail);
    }

    /// <summary>
    /// Describes a per-lesion yes/no fact across the liver lesions: "1 of 2 liver lesions centrally located.",
    /// "No liver lesion centrally located." or "Central location not recorded for 2 of 3 liver lesions."
    /// </summary>
    /// <param name="liver">The liver lesions (at least one).</param>
    /// <param name="fact">The fact's name.</param>
    /// <param name="read">Reads the fact of one lesion.</param>
    /// <param name="adjective">The property, as a predicate ("centrally located", "with vascular involvement").</param>
    /// <param name="noun">The fact, as a noun phrase starting with a capital ("Central location").</param>
    /// <returns>The finding.</returns>
    public static Finding Flag(IReadOnlyList<Lesion> liver, string fact, Func<Lesion, bool?> read, string adjective, string noun)
    {
        var count = liver.Count;
        var yes = liver.Count(l => read(l) == true);
        var unknown = liver.Count(l => read(l) is null);
        var total = count.ToString(CultureInfo.InvariantCulture);
        if (yes > 0)
        {
            var text = count == 1
                ? $"The liver lesion is {adjective}"
                : $"{yes.ToString(CultureInfo.InvariantCulture)} of {total} liver lesions {adjective}";
            var rest = unknown > 0 ? $" (not recorded for {Count(unknown, "lesion")})." : ".";
            return new Finding(fact, "yes", text + rest);
        }

        if (unknown == 0)
        {
            return new Finding(fact, "no", count == 1 ? $"The liver lesion is not {adjective}." : $"No liver lesion {adjective}.");
        }

        return new Finding(
            fact,
            "unknown",
            unknown == count
                ? $"{noun} not recorded for {(count == 1 ? "the liver lesion" : "any of the " + total + " liver lesions")}."
                : $"{noun} not recorded for {unknown.ToString(CultureInfo.InvariantCulture)} of {total} liver lesions; {(count - unknown == 1 ? "the other is not" : "none of the others is")} {adjective}.");
    }

    /// <summary>"The liver lesion", "Both liver lesions", "All 3 liver lesions".</summary>
    /// <param name="count">The count.</param>
    /// <param name="noun">The singular noun.</param>
    /// <returns>The text, capitalised.</returns>
    public static string All(int count, string noun) => All(count, noun, noun + "s");

    /// <summary>"The metastasis", "Both metastases", "All 3 metastases".</summary>
    /// <param name="count">The count.</param>
    /// <param name="singular">The singular noun.</param>
    /// <param name="plural">The plural noun.</param>
    /// <returns>The text, capitalised.</returns>
    public static string All(int count, string singular, string plural) => count switch
    {
        1 => "The " + singular,
        2 => "Both " + plural,
        _ => "All " + count.ToString(CultureInfo.InvariantCulture) + " " + plural,
    };

    /// <summary>"1 liver lesion", "3 liver lesions".</summary>
    /// <param name="count">The count.</param>
    /// <param name="noun">The singular noun.</param>
    /// <returns>The text.</returns>
    public static string Count(int count, string noun) => Count(count, noun, noun + "s");

    /// <summary>"1 metastasis", "2 metastases".</summary>
    /// <param name="count">The count.</param>
    /// <param name="singular">The singular noun.</param>
    /// <param name="plural">The plural noun.</param>
    /// <returns>The text.</returns>
    public static string Count(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

    /// <summary>The lobe's name in prose.</summary>
    /// <param name="lobe">The lobe.</param>
    /// <returns>left, right or caudate.</returns>
    public static string Name(LiverLobe lobe) => lobe switch
    {
        LiverLobe.Left => "left",
        LiverLobe.Right => "right",
        _ => "caudate",
    };

    /// <summary>"segment 6", "segments 6, 7", "segments 5–8".</summary>
    /// <param name="segments">Sorted distinct segments.</param>
    /// <returns>The text.</returns>
    public static string Segments(IReadOnlyList<int> segments)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < segments.Count)
        {
            var j = i;
            while (j + 1 < segments.Count && segments[j + 1] == segments[j] + 1)
            {
                j++;
            }

            if (j - i >= 2)
            {
                parts.Add(segments[i].ToString(CultureInfo.InvariantCulture) + "–" + segments[j].ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                for (var k = i; k <= j; k++)
                {
                    parts.Add(segments[k].ToString(CultureInfo.InvariantCulture));
                }
            }

            i = j + 1;
        }

        var many = segments.Count > 1;
        return (many ? "segments " : "segment ") + string.Join(", ", parts);
    }

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1],
    };
}
