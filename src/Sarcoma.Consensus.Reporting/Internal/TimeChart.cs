namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>The frame shared by the charts against time, in SVG user units: a 760-wide view box, labels right-aligned at <see cref="LabelRight"/>.</summary>
internal static class TimeChart
{
    public const double Width = 760;
    public const double LabelRight = 202;
    public const double PlotLeft = 212;
    public const double PlotRight = 744;

    /// <summary>Where the first row or lane starts, below the evaluation-date label.</summary>
    public const double Top = 30;
}
