using System;
using System.Collections.Generic;
using System.Linq;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>
/// The geometry of the liver schematic, in SVG user units (a 560 × 320 view box): an anterior view, the patient's
/// right on the viewer's left, divided by the right and middle hepatic veins and the falciform ligament into the
/// Couinaud segments (7/6, 8/5, 4, 2/3; the right portal plane separates 7 and 8 from 6 and 5, the left hepatic vein
/// 2 from 3). Segment 1, the caudate lobe, is posterior: drawn as a dashed ellipse near the top. A schematic for
/// orientation, not anatomy: positions within a segment carry no meaning.
/// </summary>
internal static class CouinaudSchematic
{
    public const double Width = 560;
    public const double Height = 320;

    /// <summary>The liver's outline (also the mask that trims the segments to the liver).</summary>
    public const string Outline =
        "M 60,250 C 18,200 22,112 70,70 C 120,26 222,18 300,32 C 382,46 468,58 530,94 C 548,104 544,120 522,128 "
        + "C 462,152 402,192 352,230 C 322,254 290,268 250,276 C 190,288 110,292 60,250 Z";

    /// <summary>The caudate lobe (segment 1): centre and radii of its ellipse.</summary>
    public static readonly (double Cx, double Cy, double Rx, double Ry) Caudate = (284, 74, 30, 17);

    /// <summary>Each segment's polygon before clipping, where its number is written, and where lesions are placed.</summary>
    public static readonly IReadOnlyDictionary<int, Segment> Segments = new Dictionary<int, Segment>
    {
        [7] = new(7, "right", new[] { P(0, 0), P(175, 0), P(158, 160), P(0, 160) }, P(52, 120), P(108, 108)),
        [6] = new(6, "right", new[] { P(0, 160), P(158, 160), P(140, 320), P(0, 320) }, P(62, 222), P(108, 222)),
        [8] = new(8, "right", new[] { P(175, 0), P(290, 0), P(270.6, 160), P(158, 160) }, P(186, 62), P(222, 122)),
        [5] = new(5, "right", new[] { P(158, 160), P(270.6, 160), P(251, 320), P(140, 320) }, P(168, 258), P(208, 218)),
        [4] = new(4, "left", new[] { P(290, 0), P(385, 0), P(346, 320), P(251, 320) }, P(318, 232), P(320, 160)),
        [2] = new(2, "left", new[] { P(385, 0), P(560, 0), P(560, 95), P(368, 140) }, P(496, 82), P(440, 92)),
        [3] = new(3, "left", new[] { P(368, 140), P(560, 95), P(560, 320), P(346, 320) }, P(372, 206), P(412, 162)),
    };

    /// <summary>Where segment 1's number is written and where its lesions are placed.</summary>
    public static readonly (Point Label, Point Anchor) CaudatePlaces = (P(264, 80), P(296, 74));

    /// <summary>Pairs of segments that touch in the schematic (and in the liver), used to draw a lesion spanning them once.</summary>
    private static readonly HashSet<(int, int)> Adjacent = new()
    {
        (1, 4), (1, 7), (1, 8), (2, 3), (2, 4), (3, 4), (4, 5), (4, 8), (5, 6), (5, 8), (6, 7), (7, 8),
    };

    /// <summary>The anchor point of a segment, 1–8.</summary>
    public static Point Anchor(int segment) =>
        segment == 1 ? CaudatePlaces.Anchor : Segments[segment].Anchor;

    /// <summary>Whether a set of segments is connected through <see cref="Adjacent"/> pairs.</summary>
    public static bool Connected(IReadOnlyList<int> segments)
    {
        if (segments.Count <= 1)
        {
            return true;
        }

        var reached = new HashSet<int> { segments[0] };
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var s in segments)
            {
                if (!reached.Contains(s) && reached.Any(r => Adjacent.Contains((Math.Min(r, s), Math.Max(r, s)))))
                {
                    reached.Add(s);
                    grew = true;
                }
            }
        }

        return reached.Count == segments.Count;
    }

    /// <summary>A polygon's points as an SVG <c>points</c> attribute.</summary>
    public static string PointsAttribute(IEnumerable<Point> points) =>
        string.Join(" ", points.Select(p => Text.N(p.X) + "," + Text.N(p.Y)));

    private static Point P(double x, double y) => new(x, y);

    internal readonly struct Point
    {
        public Point(double x, double y)
        {
            X = x;
            Y = y;
        }

        public double X { get; }

        public double Y { get; }
    }

    internal sealed class Segment
    {
        public Segment(int number, string lobe, Point[] polygon, Point label, Point anchor)
        {
            Number = number;
            Lobe = lobe;
            Polygon = polygon;
            Label = label;
            Anchor = anchor;
        }

        public int Number { get; }

        public string Lobe { get; }

        public IReadOnlyList<Point> Polygon { get; }

        public Point Label { get; }

        public Point Anchor { get; }
    }
}
