using System.Collections.Generic;
using System;
using NodaTime;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.FollowUp;

/// <summary>The three phases of the post-metastasectomy follow-up of recommendation 13.1.</summary>
public enum FollowUpPhase
{
    /// <summary>Every 3 to 4 months for the first 2 postoperative years.</summary>
    FirstTwoYears = 1,

    /// <summary>Every 6 months through the end of the fifth year.</summary>
    ThroughYearFive = 2,

    /// <summary>Annually thereafter.</summary>
    Annual = 3,
}

/// <summary>An examination done at every follow-up visit of recommendation 13.1.</summary>
public enum FollowUpExamination
{
    /// <summary>Physical examination.</summary>
    PhysicalExamination,

    /// <summary>Abdominal ultrasound.</summary>
    AbdominalUltrasound,

    /// <summary>Oral and intravenous contrast-enhanced computed tomography of the chest and abdomen.</summary>
    ContrastEnhancedChestAbdomenCt,
}

/// <summary>Where a visit stands relative to the evaluation date.</summary>
public enum FollowUpVisitStanding
{
    /// <summary>Its window closed before the evaluation date.</summary>
    Past,

    /// <summary>The evaluation date falls inside its window.</summary>
    Due,

    /// <summary>Its window opens after the evaluation date.</summary>
    Upcoming,
}

/// <summary>One visit of the follow-up schedule: when it is due, the window it may be held in, and what it comprises.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FollowUpVisit
{
    private static readonly FollowUpExamination[] EveryVisit =
    {
        FollowUpExamination.PhysicalExamination,
        FollowUpExamination.AbdominalUltrasound,
        FollowUpExamination.ContrastEnhancedChestAbdomenCt,
    };

    internal FollowUpVisit(int number, FollowUpPhase phase, int monthsAfterSurgery, LocalDate dueOn, LocalDate earliestOn, LocalDate latestOn, FollowUpVisitStanding? standing)
    {
        Number = number;
        Phase = phase;
        MonthsAfterSurgery = monthsAfterSurgery;
        DueOn = dueOn;
        EarliestOn = earliestOn;
        LatestOn = latestOn;
        Standing = standing;
    }

    /// <summary>Gets the visit's number, from 1.</summary>
    public int Number { get; }

    /// <summary>Gets the phase the visit belongs to.</summary>
    public FollowUpPhase Phase { get; }

    /// <summary>Gets the nominal number of months after the metastasectomy.</summary>
    public int MonthsAfterSurgery { get; }

    /// <summary>Gets the nominal due date: the metastasectomy date plus <see cref="MonthsAfterSurgery"/> calendar months (clamped to the month's last day).</summary>
    public LocalDate DueOn { get; }

    /// <summary>Gets the first day of the window in which the visit may be held.</summary>
    public LocalDate EarliestOn { get; }

    /// <summary>Gets the last day of the window.</summary>
    public LocalDate LatestOn { get; }

    /// <summary>Gets where the visit stands relative to the evaluation date, or <see langword="null"/> when the schedule was made without one.</summary>
    public FollowUpVisitStanding? Standing { get; }

    /// <summary>Gets the examinations of the visit (the same at every visit, per 13.1).</summary>
    public IReadOnlyList<FollowUpExamination> Examinations => EveryVisitList;

    private static readonly IReadOnlyList<FollowUpExamination> EveryVisitList = EveryVisit.ToReadOnlyList();

    /// <summary>Describes an examination as 13.1 words it, in English.</summary>
    /// <param name="examination">The examination.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="examination"/> is not a defined value.</exception>
    public static string Describe(FollowUpExamination examination) => DescribeMessage(examination).Text;

    /// <summary>Describes an examination as 13.1 words it, as a message (<c>follow-up.examination.&lt;code&gt;</c>).</summary>
    /// <param name="examination">The examination.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="examination"/> is not a defined value.</exception>
    public static Message DescribeMessage(FollowUpExamination examination) => new("follow-up.examination." + examination switch
    {
        FollowUpExamination.PhysicalExamination => "physical-examination",
        FollowUpExamination.AbdominalUltrasound => "abdominal-ultrasound",
        FollowUpExamination.ContrastEnhancedChestAbdomenCt => "contrast-enhanced-chest-abdomen-ct",
        _ => throw new ArgumentOutOfRangeException(nameof(examination), "Unknown examination."),
    });

    /// <inheritdoc />
    public override string ToString() =>
        $"Visit {Number} (month {MonthsAfterSurgery}): due {NodaTime.Text.LocalDatePattern.Iso.Format(DueOn)}, window {NodaTime.Text.LocalDatePattern.Iso.Format(EarliestOn)} to {NodaTime.Text.LocalDatePattern.Iso.Format(LatestOn)}";
}
