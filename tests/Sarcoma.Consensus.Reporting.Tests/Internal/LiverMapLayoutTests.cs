using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Reporting.Internal;

namespace Sarcoma.Consensus.Reporting.Tests.Internal;

public sealed class LiverMapLayoutTests
{
    public static TheoryData<int> Segments => new(Enumerable.Range(2, 7));

    [Theory]
    [MemberData(nameof(Segments))]
    public void Each_segments_lesions_and_number_are_placed_inside_its_own_polygon(int segment)
    {
        var polygon = CouinaudSchematic.Segments[segment].Polygon;

        Assert.True(Inside(CouinaudSchematic.Segments[segment].Anchor, polygon), "anchor outside segment " + segment);
        Assert.True(Inside(CouinaudSchematic.Segments[segment].Label, polygon), "label outside segment " + segment);
        foreach (var other in CouinaudSchematic.Segments.Values.Where(s => s.Number != segment))
        {
            Assert.False(Inside(CouinaudSchematic.Segments[segment].Anchor, other.Polygon), $"anchor of {segment} inside {other.Number}");
        }
    }

    [Fact]
    public void The_caudate_lobes_lesions_and_number_are_placed_inside_its_ellipse()
    {
        var (cx, cy, rx, ry) = CouinaudSchematic.Caudate;
        bool InEllipse(CouinaudSchematic.Point p) => Math.Pow((p.X - cx) / rx, 2) + Math.Pow((p.Y - cy) / ry, 2) < 1;

        Assert.True(InEllipse(CouinaudSchematic.CaudatePlaces.Anchor));
        Assert.True(InEllipse(CouinaudSchematic.CaudatePlaces.Label));
    }

    [Theory]
    [InlineData(new[] { 4, 8 }, true)]
    [InlineData(new[] { 2, 3 }, true)]
    [InlineData(new[] { 5, 6, 7 }, true)]
    [InlineData(new[] { 1, 8 }, true)]
    [InlineData(new[] { 2, 7 }, false)]
    [InlineData(new[] { 3, 6 }, false)]
    public void Segments_that_touch_are_connected(int[] segments, bool connected) =>
        Assert.Equal(connected, CouinaudSchematic.Connected(segments));

    [Fact]
    public void A_lesion_across_touching_segments_is_drawn_once_between_them()
    {
        var patient = Vignettes.Metachronous(p => p.AddLesion(MetastaticSite.Liver, 28, l => l.InSegments(4, 8)));

        var mark = Assert.Single(LiverMapLayout.Build(patient).Marks);

        var four = CouinaudSchematic.Anchor(4);
        var eight = CouinaudSchematic.Anchor(8);
        Assert.Equal((four.X + eight.X) / 2, double.Parse(mark.Cx, CultureInfo.InvariantCulture), 1);
        Assert.Equal((four.Y + eight.Y) / 2, double.Parse(mark.Cy, CultureInfo.InvariantCulture), 1);
    }

    [Fact]
    public void A_lesion_in_segments_that_do_not_touch_is_drawn_in_each()
    {
        var patient = Vignettes.Metachronous(p => p.AddLesion(MetastaticSite.Liver, 28, l => l.InSegments(2, 7)));

        var marks = LiverMapLayout.Build(patient).Marks;

        Assert.Equal(new[] { "1", "1" }, marks.Select(m => m.Number));
        Assert.Equal(Point(CouinaudSchematic.Anchor(2)), Point(marks[0]));
        Assert.Equal(Point(CouinaudSchematic.Anchor(7)), Point(marks[1]));
    }

    [Fact]
    public void Lesions_in_the_same_segment_are_set_side_by_side_without_overlapping()
    {
        var patient = Vignettes.Metachronous(p => p
            .AddLesion(MetastaticSite.Liver, 30, l => l.InSegments(6))
            .AddLesion(MetastaticSite.Liver, 12, l => l.InSegments(6))
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(6))
            .AddLesion(MetastaticSite.Liver, 16, l => l.InSegments(6)));

        var marks = LiverMapLayout.Build(patient).Marks;

        Assert.Equal(new[] { "1", "2", "3", "4" }, marks.Select(m => m.Number));
        foreach (var (a, b) in marks.SelectMany((a, i) => marks.Skip(i + 1).Select(b => (a, b))))
        {
            var distance = Math.Sqrt(Math.Pow(D(a.Cx) - D(b.Cx), 2) + Math.Pow(D(a.Cy) - D(b.Cy), 2));
            Assert.True(distance >= D(a.R) + D(b.R), $"lesions {a.Number} and {b.Number} overlap");
        }
    }

    [Fact]
    public void A_markers_diameter_is_proportional_to_the_lesions()
    {
        var patient = Vignettes.Metachronous(p => p
            .AddLesion(MetastaticSite.Liver, 15, l => l.InSegments(6))
            .AddLesion(MetastaticSite.Liver, 30, l => l.InSegments(3)));

        var marks = LiverMapLayout.Build(patient).Marks;

        Assert.Equal(2 * D(marks[0].R), D(marks[1].R), 1);
        Assert.Equal(15 * LiverMapLayout.PixelsPerMm / 2, D(marks[0].R), 1);
    }

    [Fact]
    public void Shape_fill_and_badges_say_resectable_ablatable_vascular_and_central_and_unknown_stays_unknown()
    {
        var patient = Vignettes.Metachronous(p => p
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(6).Resectable().Ablatable())
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(3).Unresectable().Ablatable(false).WithVascularInvolvement().Central())
            .AddLesion(MetastaticSite.Liver, null, l => l.InSegments(8)));

        var marks = LiverMapLayout.Build(patient).Marks;

        Assert.Equal(("circle", "hatch", false), (marks[0].Shape, marks[0].Fill, marks[0].Dashed));
        Assert.Empty(marks[0].Tags);
        Assert.Equal(("square", "plain", false), (marks[1].Shape, marks[1].Fill, marks[1].Dashed));
        Assert.Equal(new[] { "V", "C" }, marks[1].Tags.Select(t => t.Text));
        Assert.Equal(("circle", "dots", true), (marks[2].Shape, marks[2].Fill, marks[2].Dashed));
        Assert.True(marks[2].SizeUnknown);
        Assert.Contains("resectable: not recorded; ablatable: not recorded", marks[2].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesions_without_a_segment_and_lesions_outside_the_liver_are_listed_beside_the_map()
    {
        var patient = Vignettes.Metachronous(p => p
            .AddLesion(MetastaticSite.Liver, 25, l => l.InLobe(LiverLobe.Left))
            .AddLesion(MetastaticSite.Lung, 12));

        var map = LiverMapLayout.Build(patient);

        Assert.Empty(map.Marks);
        Assert.Equal(new[] { "Lesion 1: 25 mm, left lobe; Couinaud segment not recorded." }, map.Unplaced);
        Assert.Equal(new[] { "Lesion 2: lung, 12 mm." }, map.Extrahepatic);
        Assert.Equal(new[] { "not recorded", "—" }, map.Rows.Select(r => r.Segments));
    }

    private static double D(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static (double, double) Point(CouinaudSchematic.Point p) => (Math.Round(p.X, 1), Math.Round(p.Y, 1));

    private static (double, double) Point(LesionMarkView m) => (D(m.Cx), D(m.Cy));

    private static bool Inside(CouinaudSchematic.Point p, IReadOnlyList<CouinaudSchematic.Point> polygon)
    {
        var inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            if ((polygon[i].Y > p.Y) != (polygon[j].Y > p.Y)
                && p.X < ((polygon[j].X - polygon[i].X) * (p.Y - polygon[i].Y) / (polygon[j].Y - polygon[i].Y)) + polygon[i].X)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
