using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Findings about the liver lesions that a clinician can check against the imaging report: the counting is done here,
/// the wording is in <c>Wording/en/indication.messages</c>.
/// </summary>
internal static class LiverLesionFacts
{
    /// <summary>Counts the liver lesions recorded as not resectable and those whose resectability is not recorded (5.3, 5.4, 6.2).</summary>
    /// <param name="liver">The liver lesions.</param>
    /// <param name="unrecorded">The number of lesions whose resectability is not recorded.</param>
    /// <returns>The number of lesions recorded as not resectable.</returns>
    public static int Unresectable(IReadOnlyList<Lesion> liver, out int unrecorded)
    {
        var unresectable = 0;
        unrecorded = 0;
        for (var i = 0; i < liver.Count; i++)
        {
            switch (liver[i].Resectable)
            {
                case false:
                    unresectable++;
                    break;
                case null:
                    unrecorded++;
                    break;
            }
        }

        return unresectable;
    }

    /// <summary>
    /// Describes where the liver lesions are (message <c>indication.liver-location</c>): "2 liver lesions, all in the
    /// right lobe (segments 6, 7)." or "3 liver lesions in the left and right lobes (segments 3, 6, 7)."
    /// </summary>
    /// <param name="liver">The liver lesions (at least one).</param>
    /// <returns>The finding on <see cref="FactNames.LesionSegments"/>; its value lists the segments, else the lobes, else "unknown".</returns>
    public static Finding Location(IReadOnlyList<Lesion> liver)
    {
        // One pass, no LINQ: the lobes and the segments are gathered as bit sets (bit n: lobe value n, segment n), which
        // gives them distinct and in order; segments outside 0–63 (never valid) take the general path.
        var count = liver.Count;
        var located = 0;
        var lobeMask = 0;
        var segmentMask = 0UL;
        var allSegmented = true;
        for (var i = 0; i < count; i++)
        {
            var lesion = liver[i];
            var touched = lesion.LobesTouched;
            if (touched.Count == 0)
            {
                continue;
            }

            located++;
            // Always a shared ReadOnlyValueList (Lesion.LobesTouched): read by index, no boxed enumerator.
            var lobesTouched = (IReadOnlyList<LiverLobe>)touched;
            for (var k = 0; k < lobesTouched.Count; k++)
            {
                lobeMask |= 1 << (int)lobesTouched[k];
            }

            var lesionSegments = lesion.Segments;
            if (lesionSegments.Count == 0)
            {
                allSegmented = false;
            }

            for (var k = 0; k < lesionSegments.Count; k++)
            {
                var segment = lesionSegments[k];
                if (segment is < 0 or > 63)
                {
                    return LocationOfUnusualSegments(liver);
                }

                segmentMask |= 1UL << segment;
            }
        }

        if (located == 0)
        {
            return new Finding(FactNames.LesionSegments, "unknown", Message.Of("indication.liver-location-unknown", ("count", count)));
        }

        var lobes = LobeCodeSets[lobeMask];
        var segments = new int[PopCount(segmentMask)];
        var filled = 0;
        for (var segment = 0; segment < 64 && filled < segments.Length; segment++)
        {
            if ((segmentMask & (1UL << segment)) != 0)
            {
                segments[filled++] = segment;
            }
        }

        return LocationFinding(count, located, lobes, segments, allSegmented);
    }

    // The number of bits set (BitOperations.PopCount is not in netstandard2.0).
    private static int PopCount(ulong mask)
    {
        var count = 0;
        while (mask != 0)
        {
            mask &= mask - 1;
            count++;
        }

        return count;
    }

    // The general path (LINQ) for segments a bit set cannot hold; validated input never takes it.
    private static Finding LocationOfUnusualSegments(IReadOnlyList<Lesion> liver)
    {
        var located = liver.Where(l => l.LobesTouched.Count > 0).ToArray();
        var lobes = located.SelectMany(l => l.LobesTouched).Distinct().OrderBy(l => l).Select(LobeCode).ToReadOnlyList();
        var segments = located.SelectMany(l => l.Segments).Distinct().OrderBy(s => s).ToArray();
        return LocationFinding(liver.Count, located.Length, lobes, segments, located.All(l => l.Segments.Count > 0));
    }

    private static Finding LocationFinding(int count, int located, IReadOnlyList<string> lobes, int[] segments, bool allSegmented)
    {
        var showSegments = segments.Length > 0 && allSegmented;
        var unlocated = count - located;
        var message = Message.Of(
            "indication.liver-location",
            ("count", count),
            ("all", unlocated == 0 && lobes.Count == 1 && count > 1),
            ("lobes", lobes),
            ("segmentCount", showSegments ? segments.Length : 0),
            ("segments", showSegments ? SegmentRanges(segments) : null),
            ("unlocated", unlocated));
        string value;
        if (showSegments)
        {
            var texts = new string[segments.Length];
            for (var i = 0; i < segments.Length; i++)
            {
                texts[i] = segments[i].ToString(CultureInfo.InvariantCulture);
            }

            value = string.Join(",", texts);
        }
        else
        {
            value = string.Join(",", lobes);
        }

        return new Finding(FactNames.LesionSegments, value, message);
    }

    // LobeCodeSets[mask]: the codes of the lobes whose bit (by enum value) is set, in the order of LiverLobe; a fixed
    // table of the eight combinations, built once per process (read-only, handed to messages without a copy).
    private static readonly ReadOnlyValueList<string>[] LobeCodeSets = CreateLobeCodeSets();

    private static ReadOnlyValueList<string>[] CreateLobeCodeSets()
    {
        var sets = new ReadOnlyValueList<string>[8];
        for (var mask = 0; mask < sets.Length; mask++)
        {
            var codes = new List<string>(3);
            foreach (var lobe in new[] { LiverLobe.Left, LiverLobe.Right, LiverLobe.Caudate })
            {
                if ((mask & (1 << (int)lobe)) != 0)
                {
                    codes.Add(LobeCode(lobe));
                }
            }

            sets[mask] = ReadOnlyValueList<string>.CopyOf(codes);
        }

        return sets;
    }

    /// <summary>
    /// Describes a per-lesion yes/no fact across the liver lesions (messages <c>indication.lesion-flag.*</c>): "1 of 2
    /// liver lesions is centrally located.", "No liver lesion involves major vessels." or "Central location not recorded
    /// for 2 of 3 liver lesions; the other is not centrally located."
    /// </summary>
    /// <param name="liver">The liver lesions (at least one).</param>
    /// <param name="property">The property.</param>
    /// <returns>The finding: value yes (any lesion has it), no (none has it, all known) or unknown.</returns>
    public static Finding Flag(IReadOnlyList<Lesion> liver, LesionProperty property)
    {
        var count = liver.Count;
        var yes = 0;
        var unknown = 0;
        var read = property.Read;
        for (var i = 0; i < count; i++)
        {
            switch (read(liver[i]))
            {
                case true:
                    yes++;
                    break;
                case null:
                    unknown++;
                    break;
            }
        }
        // The finding depends on the property and the three counts only: made once per process for up to 16 lesions.
        var slot = ReferenceEquals(property, LesionProperty.VascularInvolvement) ? 0 : ReferenceEquals(property, LesionProperty.CentralLocation) ? 1 : -1;
        if (slot >= 0 && count < FlagCounts)
        {
            return FlagFindings[(((((slot * FlagCounts) + count) * FlagCounts) + yes) * FlagCounts) + unknown];
        }

        return CreateFlag(property, count, yes, unknown);
    }

    private const int FlagCounts = 17;

    private static readonly MemoTable<Finding> FlagFindings = new(2 * FlagCounts * FlagCounts * FlagCounts, static key => CreateFlag(
        key / (FlagCounts * FlagCounts * FlagCounts) == 0 ? LesionProperty.VascularInvolvement : LesionProperty.CentralLocation,
        (key / (FlagCounts * FlagCounts)) % FlagCounts,
        (key / FlagCounts) % FlagCounts,
        key % FlagCounts));

    private static Finding CreateFlag(LesionProperty property, int count, int yes, int unknown)
    {
        if (yes > 0)
        {
            return new Finding(property.Fact, "yes", Message.Of("indication.lesion-flag.yes", ("property", property.Code), ("count", count), ("yes", yes), ("unknown", unknown)));
        }

        return unknown == 0
            ? new Finding(property.Fact, "no", Message.Of("indication.lesion-flag.no", ("property", property.Code), ("count", count)))
            : new Finding(property.Fact, "unknown", Message.Of("indication.lesion-flag.unknown", ("property", property.Code), ("count", count), ("unknown", unknown), ("known", count - unknown)));
    }

    /// <summary>The code of a lobe, as in the patient JSON (<c>left</c>, <c>right</c>, <c>caudate</c>; terms <c>indication.lobe.*</c>).</summary>
    /// <param name="lobe">The lobe.</param>
    /// <returns>The code.</returns>
    public static string LobeCode(LiverLobe lobe) => lobe switch
    {
        LiverLobe.Left => "left",
        LiverLobe.Right => "right",
        _ => "caudate",
    };

    // The messages of single segments and of ranges of the Couinaud segments (0–15 covers them): no patient data beyond
    // the numbers, made once per process.
    private const int SegmentMessageSize = 16;

    private static readonly MemoTable<Message> SegmentMessages = new(SegmentMessageSize, static segment => Message.Of("indication.segment", ("segment", segment)));

    private static readonly MemoTable<Message> SegmentRangeMessages = new(SegmentMessageSize * SegmentMessageSize, static key => SegmentRangeMessage(key));

    private static Message SegmentRangeMessage(int key) =>
        Message.Of("indication.segment-range", ("first", key / SegmentMessageSize), ("last", key % SegmentMessageSize));

    /// <summary>Sorted distinct Couinaud segments as items of a list: runs of three or more as a range ("5–8"), others one by one.</summary>
    /// <param name="segments">Sorted distinct segments.</param>
    /// <returns>The items, messages <c>indication.segment</c> and <c>indication.segment-range</c>.</returns>
    public static IReadOnlyList<Message> SegmentRanges(IReadOnlyList<int> segments)
    {
        // At most one item per segment: one array, trimmed once if ranges were merged, wrapped without a copy.
        var parts = new Message[segments.Count];
        var filled = 0;
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
                parts[filled++] = (uint)segments[i] < SegmentMessageSize && (uint)segments[j] < SegmentMessageSize
                    ? SegmentRangeMessages[(segments[i] * SegmentMessageSize) + segments[j]]
                    : Message.Of("indication.segment-range", ("first", segments[i]), ("last", segments[j]));
            }
            else
            {
                for (var k = i; k <= j; k++)
                {
                    parts[filled++] = (uint)segments[k] < SegmentMessageSize ? SegmentMessages[segments[k]] : Message.Of("indication.segment", ("segment", segments[k]));
                }
            }

            i = j + 1;
        }

        if (filled < parts.Length)
        {
            Array.Resize(ref parts, filled);
        }

        return ReadOnlyValueList<Message>.Wrap(parts);
    }

    // The string helpers below are kept, with their signatures, for the folders that still compose English from them
    // (Remetastasectomy, SurgicalApproach); the Indication folder words the same phrases in indication.messages.

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
}

/// <summary>A yes/no property of a liver lesion, with the code its wording is found under (<c>indication.lesion-is.&lt;code&gt;</c>, …).</summary>
internal sealed class LesionProperty
{
    /// <summary>Vascular involvement: whether the lesion involves major vessels.</summary>
    public static readonly LesionProperty VascularInvolvement = new(FactNames.LesionVascularInvolvement, l => l.VascularInvolvement, "vascular-involvement");

    /// <summary>Central location.</summary>
    public static readonly LesionProperty CentralLocation = new(FactNames.LesionCentralLocation, l => l.CentralLocation, "central-location");

    private LesionProperty(string fact, Func<Lesion, bool?> read, string code)
    {
        Fact = fact;
        Read = read;
        Code = code;
    }

    /// <summary>Gets the fact's name.</summary>
    public string Fact { get; }

    /// <summary>Gets the reader of one lesion's value.</summary>
    public Func<Lesion, bool?> Read { get; }

    /// <summary>Gets the property's code in the message catalogue.</summary>
    public string Code { get; }
}
