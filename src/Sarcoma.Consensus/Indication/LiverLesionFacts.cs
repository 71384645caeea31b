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
    /// Describes a per-lesion yes/no fact across the liver lesions: "1 of 2 liver lesions is centrally located.",
    /// "No liver lesion involves major vessels." or "Central location not recorded for 2 of 3 liver lesions; the other
    /// is not centrally located."
    /// </summary>
    /// <param name="liver">The liver lesions (at least one).</param>
    /// <param name="property">The property, with its phrases.</param>
    /// <returns>The finding.</returns>
    public static Finding Flag(IReadOnlyList<Lesion> liver, LesionProperty property)
    {
        var count = liver.Count;
        var yes = liver.Count(l => property.Read(l) == true);
        var unknown = liver.Count(l => property.Read(l) is null);
        var total = count.ToString(CultureInfo.InvariantCulture);
        if (yes > 0)
        {
            var text = count == 1
                ? $"The liver lesion {property.Singular}"
                : $"{yes.ToString(CultureInfo.InvariantCulture)} of {total} liver lesions {(yes == 1 ? property.Singular : property.Plural)}";
            var rest = unknown > 0 ? $"; not recorded for {(unknown == 1 ? "the other" : Count(unknown, "other lesion"))}." : ".";
            return new Finding(property.Fact, "yes", text + rest);
        }

        if (unknown == 0)
        {
            return new Finding(property.Fact, "no", count == 1 ? $"The liver lesion {property.SingularNegative}." : $"No liver lesion {property.Singular}.");
        }

        return new Finding(
            property.Fact,
            "unknown",
            unknown == count
                ? $"{property.Noun} not recorded for {(count == 1 ? "the liver lesion" : count == 2 ? "either liver lesion" : "any of the " + total + " liver lesions")}."
                : $"{property.Noun} not recorded for {unknown.ToString(CultureInfo.InvariantCulture)} of {total} liver lesions; {(count - unknown == 1 ? "the other " + property.SingularNegative : "none of the others " + property.Singular)}.");
    }

    /// <summary>
    /// A count against a total, as a subject with its verb: "The liver lesion is", "1 of 3 liver lesions is",
    /// "2 of 3 liver lesions are", "Both liver lesions are", "All 3 liver lesions are".
    /// </summary>
    /// <param name="count">How many have the property.</param>
    /// <param name="total">How many there are.</param>
    /// <param name="noun">The singular noun.</param>
    /// <returns>The text, capitalised.</returns>
    public static string SomeAre(int count, int total, string noun) => count == total
        ? All(total, noun) + (total == 1 ? " is" : " are")
        : $"{count.ToString(CultureInfo.InvariantCulture)} of {Count(total, noun)} {(count == 1 ? "is" : "are")}";

    /// <summary>
    /// A count against a total, negated: "The liver lesion is not", "Neither liver lesion is", "None of the 3 liver
    /// lesions is", "1 of 3 liver lesions is not", "2 of 3 liver lesions are not".
    /// </summary>
    /// <param name="count">How many lack the property.</param>
    /// <param name="total">How many there are.</param>
    /// <param name="noun">The singular noun.</param>
    /// <returns>The text, capitalised, ending with the verb (and "not" where English needs it).</returns>
    public static string SomeAreNot(int count, int total, string noun)
    {
        if (count == total)
        {
            return total switch
            {
                1 => $"The {noun} is not",
                2 => $"Neither {noun} is",
                _ => $"None of the {Count(total, noun)} is",
            };
        }

        return $"{count.ToString(CultureInfo.InvariantCulture)} of {Count(total, noun)} {(count == 1 ? "is not" : "are not")}";
    }

    /// <summary>"the liver lesion", "either liver lesion", "any of the 3 liver lesions", "1 of 3 liver lesions": the lesions a fact is not recorded for.</summary>
    /// <param name="count">How many lack the fact.</param>
    /// <param name="total">How many there are.</param>
    /// <param name="noun">The singular noun.</param>
    /// <returns>The text, lower case.</returns>
    public static string NotRecordedFor(int count, int total, string noun)
    {
        if (count == total)
        {
            return total switch
            {
                1 => "the " + noun,
                2 => "either " + noun,
                _ => $"any of the {Count(total, noun)}",
            };
        }

        return $"{count.ToString(CultureInfo.InvariantCulture)} of {Count(total, noun)}";
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

/// <summary>A yes/no property of a liver lesion, with the phrases that describe it.</summary>
internal sealed class LesionProperty
{
    /// <summary>Vascular involvement: whether the lesion involves major vessels.</summary>
    public static readonly LesionProperty VascularInvolvement = new(
        FactNames.LesionVascularInvolvement, l => l.VascularInvolvement, "involves major vessels", "involve major vessels", "does not involve major vessels", "Vascular involvement");

    /// <summary>Central location.</summary>
    public static readonly LesionProperty CentralLocation = new(
        FactNames.LesionCentralLocation, l => l.CentralLocation, "is centrally located", "are centrally located", "is not centrally located", "Central location");

    private LesionProperty(string fact, Func<Lesion, bool?> read, string singular, string plural, string singularNegative, string noun)
    {
        Fact = fact;
        Read = read;
        Singular = singular;
        Plural = plural;
        SingularNegative = singularNegative;
        Noun = noun;
    }

    /// <summary>Gets the fact's name.</summary>
    public string Fact { get; }

    /// <summary>Gets the reader of one lesion's value.</summary>
    public Func<Lesion, bool?> Read { get; }

    /// <summary>Gets the predicate for one lesion ("involves major vessels").</summary>
    public string Singular { get; }

    /// <summary>Gets the predicate for several lesions ("involve major vessels").</summary>
    public string Plural { get; }

    /// <summary>Gets the negated predicate for one lesion ("does not involve major vessels").</summary>
    public string SingularNegative { get; }

    /// <summary>Gets the fact as a noun phrase starting with a capital ("Vascular involvement").</summary>
    public string Noun { get; }
}
