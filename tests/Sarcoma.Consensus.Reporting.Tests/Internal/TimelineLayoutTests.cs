using System;
using System.Globalization;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Reporting.Internal;

namespace Sarcoma.Consensus.Reporting.Tests.Internal;

public sealed class TimelineLayoutTests
{
    [Theory]
    [InlineData(2022, 3, 14, 2022, 9, 14, 6)]
    [InlineData(2022, 8, 31, 2023, 2, 28, 6)] // PlusMonths clamps to the month's end
    [InlineData(2022, 8, 31, 2022, 11, 30, 3)]
    public void The_windows_length_in_months_is_recovered_from_its_end(int y1, int m1, int d1, int y2, int m2, int d2, int months) =>
        Assert.Equal(months, TimelineLayout.WindowMonths(new LocalDate(y1, m1, d1), new LocalDate(y2, m2, d2)));

    [Fact]
    public void Events_come_in_date_order_then_the_window_and_the_intervals()
    {
        var (report, patient, _) = Samples.Evaluate("metachronous-liver-omd");

        var timeline = TimelineLayout.Build(report, patient);

        Assert.Equal(
            new[] { "Primary diagnosis", "Primary resection", "Last treatment ended", "Metastases detected", "Synchronous window (2.1)", "Disease-free interval" },
            timeline.Rows.Select(r => r.Label));
        Assert.Equal("6 months, to 2022-09-14", timeline.Rows[4].Text);
        Assert.Equal("41 months and 19 days", timeline.Rows[5].Text);
        Assert.Equal(timeline.Rows[0].X, timeline.Rows[5].X); // the DFI starts at the diagnosis
        Assert.Equal(timeline.Rows[3].X, timeline.Rows[5].X2); // and ends at the detection
        Assert.Equal("Evaluation date", timeline.Table[^1].What);
    }

    [Fact]
    public void A_recurrence_after_a_liver_resection_shows_the_treatment_free_interval()
    {
        var (report, patient, _) = Samples.Evaluate("liver-remetastasectomy");

        var timeline = TimelineLayout.Build(report, patient);

        Assert.Contains(timeline.Rows, r => r.Label == "Liver resection" && r.Text == "2024-03-05");
        Assert.Contains(timeline.Rows, r => r.Label == "Current recurrence detected");
        var tfi = Assert.Single(timeline.Rows, r => r.Style == "tfi");
        Assert.Equal("20 months and 5 days", tfi.Text);
    }

    [Fact]
    public void What_the_record_holds_without_a_date_is_listed_not_placed()
    {
        var (report, patient, _) = Samples.Evaluate("synchronous-omd-induction");

        var timeline = TimelineLayout.Build(report, patient);

        Assert.DoesNotContain(timeline.Rows, r => r.Label == "Primary resection");
        Assert.Equal(
            new[]
            {
                "The primary tumour is in place (not resected).",
                "Systemic therapy for metastatic disease received (dates not recorded); best response: partial response.",
                "On systemic therapy now.",
                "Induction (preoperative) systemic therapy planned.",
            },
            timeline.Undated);
    }

    [Fact]
    public void Without_a_detection_date_there_is_no_disease_free_interval_and_the_gap_is_said()
    {
        var (report, patient, _) = Samples.Evaluate("missing-metastasis-date");

        var timeline = TimelineLayout.Build(report, patient);

        Assert.DoesNotContain(timeline.Rows, r => r.Style == "dfi");
        Assert.Contains("The date the metastases were detected is not recorded.", timeline.Undated);
    }

    [Fact]
    public void The_evaluation_date_is_on_the_axis_and_every_mark_lies_on_the_plot()
    {
        foreach (var name in Repo.SampleNames().Where(n => n != "gist-out-of-scope"))
        {
            var (report, patient, _) = Samples.Evaluate(name);
            var timeline = TimelineLayout.Build(report, patient);
            double D(string v) => double.Parse(v, CultureInfo.InvariantCulture);

            Assert.InRange(D(timeline.AsOfX), TimeChart.PlotLeft, TimeChart.PlotRight);
            Assert.All(timeline.Rows, r => Assert.InRange(D(r.X), TimeChart.PlotLeft, TimeChart.PlotRight));
            Assert.All(timeline.Rows.Where(r => r.Kind == "span"), r => Assert.InRange(D(r.X2), D(r.X), TimeChart.PlotRight));
        }
    }
}
