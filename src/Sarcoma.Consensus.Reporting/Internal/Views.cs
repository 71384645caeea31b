using System;
using System.Collections.Generic;

namespace Sarcoma.Consensus.Reporting.Internal;

// The data the Liquid templates read: plain text and pre-formatted numbers, computed once per report. No markup is
// built in C#; every string here is HTML-encoded by the template engine when written. Property names reach the
// templates in camelCase (ReportView.PageTitle is {{ pageTitle }}).

/// <summary>The whole page.</summary>
internal sealed class ReportView
{
    public string Heading { get; init; } = Words.Title;

    public string PageTitle { get; init; } = string.Empty;

    public string Citation { get; init; } = string.Empty;

    public string GuidelineTitle { get; init; } = string.Empty;

    public string? Label { get; init; }

    public string AsOf { get; init; } = string.Empty;

    public ScopeView Scope { get; init; } = new();

    /// <summary>Gets a value indicating whether the recommendations were evaluated (in scope, or scope unconfirmed).</summary>
    public bool Evaluated { get; init; }

    public IReadOnlyList<ConceptView> Situation { get; init; } = Array.Empty<ConceptView>();

    public IReadOnlyList<ImagingRowView> Imaging { get; init; } = Array.Empty<ImagingRowView>();

    public CountsView Counts { get; init; } = new();

    public TimelineView? Timeline { get; init; }

    public LiverMapView? Liver { get; init; }

    public CalendarView? FollowUp { get; init; }

    /// <summary>Gets the recommendation cards in groups, shown in order (today: by status; later the bottom-line groups).</summary>
    public IReadOnlyList<CardGroupView> Groups { get; init; } = Array.Empty<CardGroupView>();

    /// <summary>Gets the items that did not reach consensus, shown apart, or <see langword="null"/> when not evaluated.</summary>
    public CardGroupView? NoConsensus { get; init; }

    public string ConsensusRule { get; init; } = string.Empty;

    public string GradingSystem { get; init; } = string.Empty;

    public string Disclaimer { get; init; } = Words.Disclaimer;

    /// <summary>Gets where the report comes from (issue #10 §4), for the footer.</summary>
    public ProvenanceView Provenance { get; init; } = new();
}

/// <summary>The report's provenance: library version, guideline DOI, catalogue hash, evaluation date, options not at their defaults.</summary>
internal sealed class ProvenanceView
{
    public string LibraryVersion { get; init; } = string.Empty;

    public string GuidelineDoi { get; init; } = string.Empty;

    public string CatalogHash { get; init; } = string.Empty;

    public string AsOf { get; init; } = string.Empty;

    /// <summary>Gets the options that differ from the consensus defaults as <c>Name = value</c> text, or a sentence saying none does.</summary>
    public string Options { get; init; } = string.Empty;
}

internal sealed class ScopeView
{
    /// <summary>Gets <c>in-scope</c>, <c>out-of-scope</c> or <c>unconfirmed</c>.</summary>
    public string Code { get; init; } = string.Empty;

    public string Verdict { get; init; } = string.Empty;

    public string? Detail { get; init; }
}

/// <summary>One derived concept in the situation panel: a verdict, its reasons, cautions and missing facts.</summary>
internal sealed class ConceptView
{
    public string Name { get; init; } = string.Empty;

    public string? Source { get; init; }

    public string Verdict { get; init; } = string.Empty;

    /// <summary>Gets <c>yes</c>, <c>no</c>, <c>unknown</c>, <c>caution</c> or <c>neutral</c>.</summary>
    public string Tone { get; init; } = "neutral";

    public IReadOnlyList<string> Lines { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Cautions { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Missing { get; init; } = Array.Empty<string>();
}

internal sealed class ImagingRowView
{
    public string Name { get; init; } = string.Empty;

    public string Indicated { get; init; } = string.Empty;

    public string Tone { get; init; } = "neutral";

    public string Done { get; init; } = string.Empty;

    public string Basis { get; init; } = string.Empty;

    public string Reason { get; init; } = string.Empty;

    public string? Caveat { get; init; }

    public IReadOnlyList<string> Missing { get; init; } = Array.Empty<string>();
}

internal sealed class CountsView
{
    public int Total { get; init; }

    public int Applies { get; init; }

    public int NeedsFacts { get; init; }

    public int DoesNotApply { get; init; }

    public int NoConsensus { get; init; }
}

/// <summary>A titled group of recommendation cards.</summary>
internal sealed class CardGroupView
{
    public string Id { get; init; } = string.Empty;

    public string Heading { get; init; } = string.Empty;

    public string? Note { get; init; }

    /// <summary>Gets the CSS modifier: <c>applies</c>, <c>insufficient-data</c>, <c>does-not-apply</c> or <c>no-consensus</c>.</summary>
    public string Tone { get; init; } = string.Empty;

    public IReadOnlyList<CardView> Cards { get; init; } = Array.Empty<CardView>();

    public int Count => Cards.Count;
}

/// <summary>One recommendation's answer for the patient.</summary>
internal sealed class CardView
{
    public string Id { get; init; } = string.Empty;

    public string Anchor { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string Text { get; init; } = string.Empty;

    public string Question { get; init; } = string.Empty;

    public string Grade { get; init; } = string.Empty;

    public string GradeWords { get; init; } = string.Empty;

    public string Consensus { get; init; } = string.Empty;

    public bool NoConsensus { get; init; }

    public string VotesYes { get; init; } = string.Empty;

    public string VotesNo { get; init; } = string.Empty;

    public string VotesTotal { get; init; } = string.Empty;

    public string Agreement { get; init; } = string.Empty;

    public VoteBarView VoteBar { get; init; } = new();

    public string Status { get; init; } = string.Empty;

    public string StatusCode { get; init; } = string.Empty;

    public string StatusGlyph { get; init; } = string.Empty;

    public string Summary { get; init; } = string.Empty;

    public IReadOnlyList<string> Reasons { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Cautions { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Missing { get; init; } = Array.Empty<string>();
}

/// <summary>The geometry of a vote bar (SVG user units; the bar is <see cref="Width"/> wide).</summary>
internal sealed class VoteBarView
{
    public string Width { get; init; } = string.Empty;

    public string YesWidth { get; init; } = string.Empty;

    public string NoX { get; init; } = string.Empty;

    public string NoWidth { get; init; } = string.Empty;

    public string ThresholdX { get; init; } = string.Empty;
}

/// <summary>An axis tick: position and one or two lines of label.</summary>
internal sealed class TickView
{
    public string X { get; init; } = string.Empty;

    public string Label { get; init; } = string.Empty;

    public string? SubLabel { get; init; }
}

/// <summary>
/// A chart against time (the timeline, the follow-up calendar): a label column, a plot between
/// <see cref="TimeChart.PlotLeft"/> and <see cref="TimeChart.PlotRight"/>, rows or lanes from <see cref="TimeChart.Top"/>
/// down to the axis, ticks and the evaluation-date line.
/// </summary>
internal abstract class TimeChartView
{
    protected TimeChartView(double axisY, double asOfX, string asOfLabel)
    {
        Width = Text.N(TimeChart.Width);
        LabelRight = Text.N(TimeChart.LabelRight);
        PlotLeft = Text.N(TimeChart.PlotLeft);
        PlotRight = Text.N(TimeChart.PlotRight);
        AxisY = Text.N(axisY);
        Height = Text.N(axisY + 34);
        TickLabelY = Text.N(axisY + 16);
        TickSubLabelY = Text.N(axisY + 28);
        AsOfX = Text.N(asOfX);
        AsOfLabel = asOfLabel;
        AsOfAnchor = asOfX > TimeChart.PlotRight - 60 ? "end" : asOfX < TimeChart.PlotLeft + 60 ? "start" : "middle";
    }

    public string Width { get; }

    public string LabelRight { get; }

    public string Height { get; }

    public string PlotLeft { get; }

    public string PlotRight { get; }

    public string AxisY { get; }

    public string TickLabelY { get; }

    public string TickSubLabelY { get; }

    public string AsOfX { get; }

    public string AsOfLabel { get; }

    public string AsOfAnchor { get; }

    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public IReadOnlyList<TickView> Ticks { get; init; } = Array.Empty<TickView>();
}

/// <summary>The disease timeline: one row per dated event or interval, on a common date axis.</summary>
internal sealed class TimelineView : TimeChartView
{
    public TimelineView(double axisY, double asOfX, string asOfLabel)
        : base(axisY, asOfX, asOfLabel)
    {
    }

    public IReadOnlyList<TimelineRowView> Rows { get; init; } = Array.Empty<TimelineRowView>();

    public IReadOnlyList<TimelineTableRowView> Table { get; init; } = Array.Empty<TimelineTableRowView>();

    public IReadOnlyList<string> Undated { get; init; } = Array.Empty<string>();
}

/// <summary>One row of the timeline: an event (a marker at a date) or a span (a bar between two dates).</summary>
internal sealed class TimelineRowView
{
    public string Label { get; init; } = string.Empty;

    /// <summary>Gets <c>event</c> or <c>span</c>.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>Gets the marker or bar style: <c>diagnosis</c>, <c>surgery</c>, <c>detection</c>, <c>treatment-end</c>, <c>window</c>, <c>dfi</c>, <c>tfi</c>.</summary>
    public string Style { get; init; } = string.Empty;

    public bool Shaded { get; init; }

    public string Top { get; init; } = string.Empty;

    public string Height { get; init; } = string.Empty;

    public string Y { get; init; } = string.Empty;

    public string LabelY { get; init; } = string.Empty;

    public string X { get; init; } = string.Empty;

    public string X2 { get; init; } = string.Empty;

    public string BarWidth { get; init; } = string.Empty;

    public string BarTop { get; init; } = string.Empty;

    public string Text { get; init; } = string.Empty;

    public string TextX { get; init; } = string.Empty;

    public string TextAnchor { get; init; } = "start";

    public bool TextInside { get; init; }
}

internal sealed class TimelineTableRowView
{
    public string What { get; init; } = string.Empty;

    public string When { get; init; } = string.Empty;

    public string Note { get; init; } = string.Empty;
}

/// <summary>The Couinaud liver map.</summary>
internal sealed class LiverMapView
{
    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public string Outline { get; init; } = string.Empty;

    public IReadOnlyList<SegmentView> Segments { get; init; } = Array.Empty<SegmentView>();

    public SegmentView Caudate { get; init; } = new();

    public IReadOnlyList<LesionMarkView> Marks { get; init; } = Array.Empty<LesionMarkView>();

    public IReadOnlyList<LesionRowView> Rows { get; init; } = Array.Empty<LesionRowView>();

    public IReadOnlyList<string> Unplaced { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Extrahepatic { get; init; } = Array.Empty<string>();

    public bool HasLiverLesions { get; init; }

    public string? Note { get; init; }

    public string ScaleMm { get; init; } = string.Empty;

    public string ScaleWidth { get; init; } = string.Empty;
}

/// <summary>A Couinaud segment of the schematic: a polygon (or, for the caudate lobe, an ellipse) and its label.</summary>
internal sealed class SegmentView
{
    public string Number { get; init; } = string.Empty;

    public string Points { get; init; } = string.Empty;

    public string Lobe { get; init; } = string.Empty;

    public string LabelX { get; init; } = string.Empty;

    public string LabelY { get; init; } = string.Empty;

    public string Cx { get; init; } = string.Empty;

    public string Cy { get; init; } = string.Empty;

    public string Rx { get; init; } = string.Empty;

    public string Ry { get; init; } = string.Empty;

    public bool Involved { get; init; }
}

/// <summary>One drawn lesion marker (a lesion in non-adjacent segments is drawn once in each).</summary>
internal sealed class LesionMarkView
{
    public string Number { get; init; } = string.Empty;

    /// <summary>Gets <c>circle</c> (resectable or not recorded) or <c>square</c> (not resectable).</summary>
    public string Shape { get; init; } = "circle";

    /// <summary>Gets <c>hatch</c> (ablatable), <c>plain</c> (not ablatable) or <c>dots</c> (ablatability not recorded).</summary>
    public string Fill { get; init; } = "plain";

    /// <summary>Gets a value indicating whether resectability is not recorded (dashed outline).</summary>
    public bool Dashed { get; init; }

    /// <summary>Gets a value indicating whether the size is not recorded (the marker has a nominal size).</summary>
    public bool SizeUnknown { get; init; }

    public string Cx { get; init; } = string.Empty;

    public string Cy { get; init; } = string.Empty;

    public string R { get; init; } = string.Empty;

    public string X { get; init; } = string.Empty;

    public string Y { get; init; } = string.Empty;

    public string Side { get; init; } = string.Empty;

    public string LabelX { get; init; } = string.Empty;

    public string LabelY { get; init; } = string.Empty;

    public bool LabelInside { get; init; }

    public IReadOnlyList<TagView> Tags { get; init; } = Array.Empty<TagView>();

    public string Title { get; init; } = string.Empty;
}

/// <summary>A letter badge beside a lesion marker: V (vascular involvement) or C (central location).</summary>
internal sealed class TagView
{
    public string Text { get; init; } = string.Empty;

    public string X { get; init; } = string.Empty;

    public string Y { get; init; } = string.Empty;

    public string TextX { get; init; } = string.Empty;

    public string TextY { get; init; } = string.Empty;
}

internal sealed class LesionRowView
{
    public string Number { get; init; } = string.Empty;

    public string Site { get; init; } = string.Empty;

    public string Segments { get; init; } = string.Empty;

    public string Lobe { get; init; } = string.Empty;

    public string Size { get; init; } = string.Empty;

    public string Resectable { get; init; } = string.Empty;

    public string Ablatable { get; init; } = string.Empty;

    public string Vascular { get; init; } = string.Empty;

    public string Central { get; init; } = string.Empty;

    public string Symptomatic { get; init; } = string.Empty;
}

/// <summary>The 13.1 follow-up calendar as a timeline, one lane per phase.</summary>
internal sealed class CalendarView : TimeChartView
{
    public CalendarView(double axisY, double asOfX, string asOfLabel)
        : base(axisY, asOfX, asOfLabel)
    {
    }

    public string Heading { get; init; } = string.Empty;

    public string Examinations { get; init; } = string.Empty;

    public string? Next { get; init; }

    public string? NextTone { get; init; }

    public IReadOnlyList<LaneView> Lanes { get; init; } = Array.Empty<LaneView>();

    public string SurgeryX { get; init; } = string.Empty;

    public IReadOnlyList<VisitRowView> Rows { get; init; } = Array.Empty<VisitRowView>();
}

internal sealed class LaneView
{
    public string Label { get; init; } = string.Empty;

    public string Top { get; init; } = string.Empty;

    public string Height { get; init; } = string.Empty;

    public string LabelY { get; init; } = string.Empty;

    public bool Shaded { get; init; }

    public IReadOnlyList<VisitMarkView> Visits { get; init; } = Array.Empty<VisitMarkView>();
}

internal sealed class VisitMarkView
{
    public string Number { get; init; } = string.Empty;

    public string X { get; init; } = string.Empty;

    public string Width { get; init; } = string.Empty;

    public string Y { get; init; } = string.Empty;

    public string Height { get; init; } = string.Empty;

    public string DueX { get; init; } = string.Empty;

    public string DueY1 { get; init; } = string.Empty;

    public string DueY2 { get; init; } = string.Empty;

    public string NumberX { get; init; } = string.Empty;

    public string NumberY { get; init; } = string.Empty;

    /// <summary>Gets <c>past</c>, <c>due</c>, <c>upcoming</c> or <c>unplaced</c>.</summary>
    public string Standing { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;
}

internal sealed class VisitRowView
{
    public string Number { get; init; } = string.Empty;

    public string Months { get; init; } = string.Empty;

    public string Phase { get; init; } = string.Empty;

    public string Due { get; init; } = string.Empty;

    public string Window { get; init; } = string.Empty;

    public string Standing { get; init; } = string.Empty;

    public string StandingCode { get; init; } = string.Empty;
}
