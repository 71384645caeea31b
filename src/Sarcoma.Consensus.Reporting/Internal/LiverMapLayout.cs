using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>
/// Places each liver lesion of the record on the Couinaud schematic: in its segment, or across its segments when they
/// touch (drawn once, between their anchors), or once in each segment when they do not. A marker's diameter is
/// proportional to the lesion's (<see cref="PixelsPerMm"/>); its shape says resectability, its fill ablatability, and
/// letter badges vascular involvement (V) and central location (C), so nothing is told by colour alone. Lesions in the
/// same place are set side by side, in record order.
/// </summary>
internal static class LiverMapLayout
{
    /// <summary>Marker diameter per millimetre of lesion diameter.</summary>
    public const double PixelsPerMm = 1.4;

    public const double MinimumDiameter = 9;
    public const double MaximumDiameter = 96;

    /// <summary>The diameter drawn when the size is not recorded.</summary>
    public const double NominalDiameter = 24;

    private const double Gap = 6;
    private const int PerRow = 3;

    public static LiverMapView Build(Patient patient)
    {
        var lesions = patient.Metastases?.Lesions ?? Array.Empty<Lesion>();
        var numbered = lesions.Select((lesion, index) => (Lesion: lesion, Number: index + 1)).ToList();
        var liver = numbered.Where(l => l.Lesion.Site == MetastaticSite.Liver).ToList();

        var placements = new List<(int Number, Lesion Lesion, CouinaudSchematic.Point Anchor)>();
        var unplaced = new List<string>();
        foreach (var (lesion, number) in liver)
        {
            var segments = lesion.Segments.Where(s => s >= 1 && s <= 8).Distinct().OrderBy(s => s).ToList();
            if (segments.Count == 0)
            {
                unplaced.Add("Lesion " + Text.N(number) + ": " + Size(lesion) + (lesion.Lobe is { } lobe ? ", " + Lobe(lobe) + " lobe" : string.Empty) + "; Couinaud segment not recorded.");
                continue;
            }

            if (CouinaudSchematic.Connected(segments))
            {
                var anchors = segments.Select(CouinaudSchematic.Anchor).ToList();
                placements.Add((number, lesion, new CouinaudSchematic.Point(anchors.Average(a => a.X), anchors.Average(a => a.Y))));
            }
            else
            {
                placements.AddRange(segments.Select(s => (number, lesion, CouinaudSchematic.Anchor(s))));
            }
        }

        var marks = placements
            .GroupBy(p => Text.N(p.Anchor.X) + "," + Text.N(p.Anchor.Y), StringComparer.Ordinal)
            .SelectMany(group => Arrange(group.ToList()))
            .OrderBy(m => m.Number)
            .Select(m => m.View)
            .ToList();

        var involved = new HashSet<int>(liver.SelectMany(l => l.Lesion.Segments));
        var caudate = CouinaudSchematic.Caudate;
        return new LiverMapView
        {
            Title = "Liver map: Couinaud segments",
            Description = Describe(liver, unplaced.Count),
            Outline = CouinaudSchematic.Outline,
            Segments = CouinaudSchematic.Segments.Values.OrderBy(s => s.Number).Select(s => new SegmentView
            {
                Number = Text.N(s.Number),
                Points = CouinaudSchematic.PointsAttribute(s.Polygon),
                Lobe = s.Lobe,
                LabelX = Text.N(s.Label.X),
                LabelY = Text.N(s.Label.Y),
                Involved = involved.Contains(s.Number),
            }).ToList(),
            Caudate = new SegmentView
            {
                Number = "1",
                Lobe = "caudate",
                Cx = Text.N(caudate.Cx),
                Cy = Text.N(caudate.Cy),
                Rx = Text.N(caudate.Rx),
                Ry = Text.N(caudate.Ry),
                LabelX = Text.N(CouinaudSchematic.CaudatePlaces.Label.X),
                LabelY = Text.N(CouinaudSchematic.CaudatePlaces.Label.Y),
                Involved = involved.Contains(1),
            },
            Marks = marks,
            Rows = numbered.Select(l => Row(l.Lesion, l.Number)).ToList(),
            Unplaced = unplaced,
            Extrahepatic = numbered.Where(l => l.Lesion.Site != MetastaticSite.Liver)
                .Select(l => "Lesion " + Text.N(l.Number) + ": " + Site(l.Lesion.Site) + ", " + Size(l.Lesion) + ".").ToList(),
            HasLiverLesions = liver.Count > 0,
            Note = liver.Count > 0 ? null
                : patient.Metastases is null ? "No metastatic disease is recorded."
                : patient.Metastases.NoEvidenceOfDisease == true ? "No evidence of disease: no current lesion is recorded."
                : "No current liver lesion is recorded.",
            ScaleMm = "20",
            ScaleWidth = Text.N(20 * PixelsPerMm),
        };
    }

    private static IEnumerable<(int Number, LesionMarkView View)> Arrange(List<(int Number, Lesion Lesion, CouinaudSchematic.Point Anchor)> group)
    {
        var anchor = group[0].Anchor;
        var items = group.OrderBy(g => g.Number).Select(g => (g.Number, g.Lesion, Diameter: Diameter(g.Lesion))).ToList();
        var rows = new List<List<(int Number, Lesion Lesion, double Diameter)>>();
        for (var i = 0; i < items.Count; i += PerRow)
        {
            rows.Add(items.Skip(i).Take(PerRow).ToList());
        }

        var totalHeight = rows.Sum(r => r.Max(i => i.Diameter)) + (Gap * (rows.Count - 1));
        var top = anchor.Y - (totalHeight / 2);
        foreach (var row in rows)
        {
            var rowHeight = row.Max(i => i.Diameter);
            var rowWidth = row.Sum(i => i.Diameter) + (Gap * (row.Count - 1));
            var left = anchor.X - (rowWidth / 2);
            foreach (var item in row)
            {
                var cx = left + (item.Diameter / 2);
                var cy = top + (rowHeight / 2);
                yield return (item.Number, Mark(item.Number, item.Lesion, cx, cy, item.Diameter));
                left += item.Diameter + Gap;
            }

            top += rowHeight + Gap;
        }
    }

    private static LesionMarkView Mark(int number, Lesion lesion, double cx, double cy, double d)
    {
        var r = d / 2;
        var inside = d >= 17;
        var tags = new List<TagView>();
        void Tag(string letter)
        {
            var x = cx + (r * 0.6) + (tags.Count * 13);
            var y = cy - (r * 0.6) - 12;
            tags.Add(new TagView { Text = letter, X = Text.N(x), Y = Text.N(y), TextX = Text.N(x + 5.5), TextY = Text.N(y + 9) });
        }

        if (lesion.VascularInvolvement == true)
        {
            Tag("V");
        }

        if (lesion.CentralLocation == true)
        {
            Tag("C");
        }

        return new LesionMarkView
        {
            Number = Text.N(number),
            Shape = lesion.Resectable == false ? "square" : "circle",
            Dashed = lesion.Resectable is null,
            Fill = lesion.Ablatable switch { true => "hatch", false => "plain", null => "dots" },
            SizeUnknown = lesion.SizeMm is null,
            Cx = Text.N(cx),
            Cy = Text.N(cy),
            R = Text.N(r),
            X = Text.N(cx - r),
            Y = Text.N(cy - r),
            Side = Text.N(d),
            LabelInside = inside,
            LabelX = Text.N(inside ? cx : cx - r - 2),
            LabelY = Text.N(inside ? cy + 4 : cy - r - 2),
            Tags = tags,
            Title = "Lesion " + Text.N(number) + ": " + Size(lesion) + ", " + SegmentsText(lesion) + "; resectable: " + Words.YesNo(lesion.Resectable)
                + "; ablatable: " + Words.YesNo(lesion.Ablatable) + "; vascular involvement: " + Words.YesNo(lesion.VascularInvolvement)
                + "; central: " + Words.YesNo(lesion.CentralLocation) + ".",
        };
    }

    private static double Diameter(Lesion lesion) => lesion.SizeMm is { } mm
        ? Math.Min(MaximumDiameter, Math.Max(MinimumDiameter, (double)mm * PixelsPerMm))
        : NominalDiameter;

    private static LesionRowView Row(Lesion lesion, int number) => new()
    {
        Number = Text.N(number),
        Site = Site(lesion.Site),
        Segments = lesion.Site == MetastaticSite.Liver ? (lesion.Segments.Count > 0 ? string.Join(", ", lesion.Segments.Select(Text.N)) : "not recorded") : "—",
        Lobe = lesion.Site == MetastaticSite.Liver ? (lesion.EffectiveLobe is { } lobe ? Lobe(lobe) : lesion.LobesTouched.Count > 1 ? string.Join(" and ", lesion.LobesTouched.Select(Lobe)) : "not recorded") : "—",
        Size = Size(lesion),
        Resectable = Words.YesNo(lesion.Resectable),
        Ablatable = Words.YesNo(lesion.Ablatable),
        Vascular = Words.YesNo(lesion.VascularInvolvement),
        Central = lesion.Site == MetastaticSite.Liver ? Words.YesNo(lesion.CentralLocation) : "—",
        Symptomatic = Words.YesNo(lesion.Symptomatic),
    };

    private static string Describe(IReadOnlyList<(Lesion Lesion, int Number)> liver, int unplaced)
    {
        var intro = "Schematic anterior view of the liver, the patient's right on the left, with Couinaud segments 1 to 8 (segment 1, the caudate lobe, is posterior and drawn dashed). ";
        if (liver.Count == 0)
        {
            return intro + "No liver lesion is drawn.";
        }

        var each = liver.Select(l => "lesion " + Text.N(l.Number) + ", " + Size(l.Lesion) + ", " + SegmentsText(l.Lesion));
        var text = intro + Text.Count(liver.Count, "liver lesion", "liver lesions") + ": " + string.Join("; ", each) + ".";
        return unplaced > 0 ? text + " " + Text.Count(unplaced, "lesion has", "lesions have") + " no recorded segment and " + (unplaced == 1 ? "is" : "are") + " listed beside the map." : text;
    }

    private static string SegmentsText(Lesion lesion) => lesion.Segments.Count switch
    {
        0 => "segment not recorded",
        1 => "segment " + Text.N(lesion.Segments[0]),
        _ => "segments " + string.Join(", ", lesion.Segments.Select(Text.N)),
    };

    private static string Size(Lesion lesion) => lesion.SizeMm is { } mm ? Text.N(mm) + " mm" : "size not recorded";

    private static string Lobe(LiverLobe lobe) => lobe switch
    {
        LiverLobe.Left => "left",
        LiverLobe.Right => "right",
        _ => "caudate",
    };

    private static string Site(MetastaticSite site) => site switch
    {
        MetastaticSite.Liver => "liver",
        MetastaticSite.Lung => "lung",
        MetastaticSite.LymphNode => "lymph node",
        MetastaticSite.Bone => "bone",
        MetastaticSite.Brain => "brain or CNS",
        MetastaticSite.SoftTissue => "soft tissue",
        MetastaticSite.Peritoneum => "peritoneal nodule",
        MetastaticSite.Pleura => "pleural nodule",
        MetastaticSite.Adrenal => "adrenal gland",
        _ => "other site",
    };
}
