using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>
/// The disease timeline: the dated events of the record in date order (primary diagnosis and resection, detection of
/// the metastases, liver resections, end of the last treatment), then the intervals the guideline reasons with (the
/// synchronous window of 2.1, the DFI, the TFI of 9.1), on one date axis with the evaluation date marked. What the
/// record holds without a date (systemic therapy, an undated resection) is listed, never placed.
/// </summary>
internal static class TimelineLayout
{
    private const double PlotLeft = TimeChart.PlotLeft;
    private const double PlotRight = TimeChart.PlotRight;
    private const double Top = TimeChart.Top;
    private const double RowHeight = 26;
    private const double CharWidth = 6.3;

    public static TimelineView Build(ConsensusReport report, Patient patient)
    {
        var events = new List<Item>();
        var spans = new List<Item>();
        var undated = new List<string>();
        var primary = patient.Primary;
        var treatment = patient.Treatment;
        var metastases = patient.Metastases;

        if (primary?.DiagnosedOn is { } diagnosed)
        {
            events.Add(Item.Event("Primary diagnosis", "diagnosis", diagnosed, "Diagnosis of the primary tumour."));
        }
        else
        {
            undated.Add("The date of the primary diagnosis is not recorded.");
        }

        if (primary?.ResectedOn is { } resected)
        {
            events.Add(Item.Event("Primary resection", "surgery", resected, "Resection of the primary tumour."));
        }
        else if (primary?.Resected == true)
        {
            undated.Add("The primary tumour was resected; the date is not recorded.");
        }
        else if (primary?.Resected == false)
        {
            undated.Add("The primary tumour is in place (not resected).");
        }

        var dated = treatment.LiverResections.Where(r => r.PerformedOn is not null).OrderBy(r => r.PerformedOn!.Value).ToList();
        var latestResection = dated.Count > 0 ? dated[dated.Count - 1].PerformedOn : null;
        if (metastases?.DetectedOn is { } detected)
        {
            var recurrence = treatment.HasPreviousLiverResection == true && latestResection is { } last && last < detected;
            var label = recurrence ? "Current recurrence detected" : "Metastases detected";
            var note = metastases.NoEvidenceOfDisease == true
                ? "Detection of the metastases since treated; no evidence of disease now."
                : recurrence ? "Detection of the current metastases, after a liver resection." : "Detection of the metastases under consideration.";
            events.Add(Item.Event(label, "detection", detected, note));
        }
        else
        {
            undated.Add("The date the metastases were detected is not recorded.");
        }

        for (var i = 0; i < dated.Count; i++)
        {
            var resection = dated[i];
            var label = dated.Count == 1 ? "Liver resection" : "Liver resection " + Text.N(i + 1);
            var margin = resection.Margin is { } m ? " Margin " + m + "." : string.Empty;
            events.Add(Item.Event(label, "surgery", resection.PerformedOn!.Value, "Liver metastasectomy." + margin));
        }

        var undatedResections = treatment.LiverResections.Count - dated.Count;
        if (undatedResections > 0)
        {
            undated.Add(Text.Count(undatedResections, "liver resection is", "liver resections are") + " recorded without a date.");
        }
        else if (treatment.LiverResections.Count == 0 && treatment.PreviousLiverResection == true)
        {
            undated.Add("A previous liver resection is recorded without its date.");
        }

        if (treatment.LastTreatmentEndedOn is { } ended)
        {
            events.Add(Item.Event("Last treatment ended", "treatment-end", ended, "End of the last treatment (surgery, ablation or systemic therapy)."));
        }

        undated.AddRange(SystemicTherapy(treatment));

        if (report.Timing?.WindowEnd is { } windowEnd && primary?.DiagnosedOn is { } start)
        {
            var months = WindowMonths(start, windowEnd);
            spans.Add(Item.Span(
                "Synchronous window (2.1)",
                "window",
                start,
                windowEnd,
                Text.N(months) + " months, to " + Text.Date(windowEnd),
                "Metastases detected up to this date are synchronous (2.1); after it, metachronous (2.2)."));
        }

        if (report.DiseaseFreeInterval is { IsKnown: true } dfi)
        {
            // Metastases detected before the recorded diagnosis (within the tolerance, synchronous): no DFI is measured; the
            // span shows the order of the dates, detection to diagnosis, never an interval of zero (issue #7 §4).
            spans.Add(dfi.DetectedBeforeStart
                ? Item.Span("Detected before diagnosis (2.1)", "dfi", dfi.To!.Value, dfi.From!.Value, Text.Clean(dfi.Describe())!, Text.Clean(dfi.Sentence())!)
                : Item.Span("Disease-free interval", "dfi", dfi.From!.Value, dfi.To!.Value, dfi.Describe(), Text.Clean(dfi.Sentence())!));
        }

        if (report.TreatmentFreeInterval is { IsKnown: true } tfi)
        {
            spans.Add(Item.Span("Treatment-free interval (9.1)", "tfi", tfi.From!.Value, tfi.To!.Value, tfi.Describe(), Text.Clean(tfi.Sentence())!));
        }

        var ordered = events.OrderBy(e => e.From).ToList(); // stable: same-day events keep the story's order
        ordered.AddRange(spans);
        var dates = ordered.SelectMany(e => new[] { e.From, e.To }).Append(report.AsOf).ToList();
        if (ordered.Count == 0)
        {
            dates.Add(report.AsOf.PlusYears(-1));
        }

        var axis = DateAxis.Around(dates, PlotLeft, PlotRight);
        var asOfX = axis.X(report.AsOf);
        var rows = ordered.Select((item, index) => Row(item, index, axis, asOfX)).ToList();
        var axisY = Top + (rows.Count * RowHeight) + 4;
        return new TimelineView(axisY, asOfX, "as of " + Text.Date(report.AsOf))
        {
            Title = "Disease timeline",
            Description = Describe(ordered, report.AsOf),
            Rows = rows,
            Ticks = axis.CalendarTicks(),
            Table = ordered.Select(e => new TimelineTableRowView
            {
                What = e.Label,
                When = e.Kind == "span" ? Text.Date(e.From) + " to " + Text.Date(e.To) + " (" + e.Text + ")" : Text.Date(e.From),
                Note = e.Note,
            }).Append(new TimelineTableRowView { What = "Evaluation date", When = Text.Date(report.AsOf), Note = "The report's “as of” date." }).ToList(),
            Undated = undated,
        };
    }

    /// <summary>The window length in months, recovered from its end: the first n with <c>start.PlusMonths(n) == end</c>.</summary>
    internal static int WindowMonths(LocalDate start, LocalDate end)
    {
        for (var n = 0; n <= 120; n++)
        {
            if (start.PlusMonths(n) == end)
            {
                return n;
            }
        }

        return Period.Between(start, end, PeriodUnits.Months).Months;
    }

    private static IEnumerable<string> SystemicTherapy(TreatmentHistory treatment)
    {
        if (treatment.SystemicTherapyReceived == true)
        {
            var response = treatment.SystemicTherapyResponse switch
            {
                Model.TreatmentResponse.CompleteResponse => "; best response: complete response",
                Model.TreatmentResponse.PartialResponse => "; best response: partial response",
                Model.TreatmentResponse.StableDisease => "; best response: stable disease",
                Model.TreatmentResponse.ProgressiveDisease => "; best response: progressive disease",
                _ => string.Empty,
            };
            yield return "Systemic therapy for metastatic disease received (dates not recorded)" + response + ".";
        }

        if (treatment.OnSystemicTherapy == true)
        {
            yield return "On systemic therapy now.";
        }

        if (treatment.InductionTherapyPlanned == true)
        {
            yield return "Induction (preoperative) systemic therapy planned.";
        }

        if (treatment.AdjuvantTherapyAfterFirstLiverResection == true)
        {
            yield return "Adjuvant systemic therapy followed the first liver resection (dates not recorded).";
        }
    }

    private static TimelineRowView Row(Item item, int index, DateAxis axis, double asOfX)
    {
        var top = Top + (index * RowHeight);
        var y = top + (RowHeight / 2);
        var x = axis.X(item.From);
        var width = 0d;
        var inside = false;
        string anchor;
        double textX;
        if (item.Kind == "event")
        {
            // The date goes right of the marker unless it would run past the plot or across the evaluation-date line.
            var end = x + 10 + (item.Text.Length * CharWidth);
            var left = end > PlotRight || (x < asOfX && end > asOfX - 3);
            anchor = left ? "end" : "start";
            textX = left ? x - 10 : x + 10;
        }
        else
        {
            // A span's length goes inside its bar when it fits, else after it, else before it.
            var x2 = axis.X(item.To);
            width = Math.Max(x2 - x, 2);
            var textWidth = (item.Text.Length * CharWidth) + 12;
            inside = width >= textWidth;
            var after = !inside && x2 + 6 + textWidth <= PlotRight + 12;
            anchor = inside ? "middle" : after ? "start" : "end";
            textX = inside ? x + (width / 2) : after ? x2 + 6 : x - 6;
        }

        return new TimelineRowView
        {
            Label = item.Label,
            Kind = item.Kind,
            Style = item.Style,
            Shaded = index % 2 == 0,
            Top = Text.N(top),
            Height = Text.N(RowHeight),
            Y = Text.N(y),
            LabelY = Text.N(y + 4),
            X = Text.N(x),
            X2 = Text.N(x + width),
            BarWidth = Text.N(width),
            BarTop = Text.N(y - 7),
            Text = item.Text,
            TextInside = inside,
            TextX = Text.N(textX),
            TextAnchor = anchor,
        };
    }

    private static string Describe(IReadOnlyList<Item> items, LocalDate asOf)
    {
        if (items.Count == 0)
        {
            return "No dated event is recorded. Evaluation date " + Text.Date(asOf) + ".";
        }

        var parts = items.Select(i => i.Kind == "span"
            ? i.Label + " " + Text.Date(i.From) + " to " + Text.Date(i.To) + " (" + i.Text + ")"
            : i.Label + " " + Text.Date(i.From));
        return string.Join("; ", parts) + "; evaluation date " + Text.Date(asOf) + ". The table below lists the same.";
    }

    private sealed class Item
    {
        public string Label { get; private set; } = string.Empty;

        public string Kind { get; private set; } = string.Empty;

        public string Style { get; private set; } = string.Empty;

        public LocalDate From { get; private set; }

        public LocalDate To { get; private set; }

        public string Text { get; private set; } = string.Empty;

        public string Note { get; private set; } = string.Empty;

        public static Item Event(string label, string style, LocalDate on, string note) =>
            new() { Label = label, Kind = "event", Style = style, From = on, To = on, Text = Internal.Text.Date(on), Note = note };

        public static Item Span(string label, string style, LocalDate from, LocalDate to, string text, string note) =>
            new() { Label = label, Kind = "span", Style = style, From = from, To = to, Text = text, Note = note };
    }
}
