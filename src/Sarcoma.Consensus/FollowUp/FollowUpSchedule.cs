using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.FollowUp;

/// <summary>
/// The follow-up calendar of recommendation 13.1 after a liver metastasectomy: physical examination, abdominal
/// ultrasound and oral and intravenous contrast-enhanced CT of the chest and abdomen "every 3 to 4 months for the first
/// 2 postoperative years, every 6 months through the end of the fifth year, and annually thereafter".
/// </summary>
/// <remarks>
/// <para>
/// Reading (ours; the guideline gives intervals, not dates): every visit is dated from the metastasectomy with
/// <see cref="LocalDate.PlusMonths"/>, so month ends clamp (31 August + 3 months = 30 November) without drifting.
/// Phase 1: visits at 3, 6, …, 24 months, each with a window from its due date to one month later (3 to 4 months after
/// the previous nominal visit). Phase 2: 30, 36, …, 60 months, window due ± 1 month. Phase 3: 72, 84, … months up to
/// <see cref="ConsensusOptions.FollowUpHorizonYears"/> (default 10 years, since "annually thereafter" has no end), window
/// due ± 1 month. With the defaults: 8 + 6 + 5 = 19 visits.
/// </para>
/// <para>Visits before the evaluation date are kept (it is a calendar) and marked <see cref="FollowUpVisitStanding.Past"/>. Immutable and thread-safe.</para>
/// </remarks>
public sealed class FollowUpSchedule
{
    /// <summary>The nominal interval between visits in the first phase, in months (13.1: "every 3 to 4 months").</summary>
    public const int FirstPhaseIntervalMonths = 3;

    /// <summary>How many months after the due date a first-phase visit may still be held (the "to 4 months" of 13.1).</summary>
    public const int FirstPhaseWindowMonths = 1;

    /// <summary>The end of the first phase, in months after surgery (13.1: "for the first 2 postoperative years").</summary>
    public const int FirstPhaseEndMonths = 24;

    /// <summary>The interval between visits in the second phase, in months (13.1: "every 6 months").</summary>
    public const int SecondPhaseIntervalMonths = 6;

    /// <summary>The end of the second phase, in months after surgery (13.1: "through the end of the fifth year").</summary>
    public const int SecondPhaseEndMonths = 60;

    /// <summary>The interval between visits in the third phase, in months (13.1: "annually thereafter").</summary>
    public const int AnnualIntervalMonths = 12;

    /// <summary>The tolerance either side of a second- or third-phase due date, in months (our reading; 13.1 gives none).</summary>
    public const int LaterPhaseToleranceMonths = 1;

    private FollowUpSchedule(LocalDate metastasectomyOn, int horizonYears, LocalDate? asOf, IReadOnlyList<FollowUpVisit> visits)
    {
        MetastasectomyOn = metastasectomyOn;
        HorizonYears = horizonYears;
        AsOf = asOf;
        Visits = visits.ToReadOnlyList();
    }

    /// <summary>Gets the date of the metastasectomy the schedule runs from.</summary>
    public LocalDate MetastasectomyOn { get; }

    /// <summary>Gets how many years after surgery the schedule runs.</summary>
    public int HorizonYears { get; }

    /// <summary>Gets the evaluation date the visits are placed against, or <see langword="null"/>.</summary>
    public LocalDate? AsOf { get; }

    /// <summary>Gets every visit, in order, past ones included.</summary>
    public IReadOnlyList<FollowUpVisit> Visits { get; }

    /// <summary>Gets the first visit whose window has not closed by <see cref="AsOf"/>, or <see langword="null"/> (no evaluation date, or the schedule is over).</summary>
    public FollowUpVisit? NextVisit
    {
        get
        {
            if (AsOf is null)
            {
                return null;
            }

            for (var i = 0; i < Visits.Count; i++)
            {
                if (Visits[i].Standing != FollowUpVisitStanding.Past)
                {
                    return Visits[i];
                }
            }

            return null;
        }
    }

    /// <summary>Gets the visits of one phase.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The visits.</returns>
    public IReadOnlyList<FollowUpVisit> InPhase(FollowUpPhase phase)
    {
        // The visits are in order, so a phase is one run of them: counted, then copied once (no LINQ on every 13.1).
        var count = 0;
        var first = -1;
        for (var i = 0; i < Visits.Count; i++)
        {
            if (Visits[i].Phase == phase)
            {
                first = first < 0 ? i : first;
                count++;
            }
        }

        if (count == 0)
        {
            return ReadOnlyValueList<FollowUpVisit>.None;
        }

        var selected = new FollowUpVisit[count];
        var filled = 0;
        for (var i = first; i < Visits.Count && filled < count; i++)
        {
            if (Visits[i].Phase == phase)
            {
                selected[filled++] = Visits[i];
            }
        }

        return ReadOnlyValueList<FollowUpVisit>.Wrap(selected);
    }

    /// <summary>Creates the schedule for a metastasectomy on a given date.</summary>
    /// <param name="metastasectomyOn">The date of the (latest) liver metastasectomy.</param>
    /// <param name="options">The options (the horizon); the consensus defaults when <see langword="null"/>.</param>
    /// <param name="asOf">The evaluation date, to mark visits past, due or upcoming; <see langword="null"/> to leave them unmarked.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date is not an ISO date in the options' plausible range (<see cref="ConsensusOptions.EarliestPlausibleDate"/> to <see cref="ConsensusOptions.LatestPlausibleDate"/>), so the calendar could overflow.</exception>
    public static FollowUpSchedule Create(LocalDate metastasectomyOn, ConsensusOptions? options = null, LocalDate? asOf = null)
    {
        options ??= new ConsensusOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid consensus options: " + string.Join("; ", problems), nameof(options));
        }

        return CreateValidated(metastasectomyOn, options, asOf);
    }

    // Create over options already validated (an evaluation context's private copy, validated once per engine).
    private static FollowUpSchedule CreateValidated(LocalDate metastasectomyOn, ConsensusOptions options, LocalDate? asOf)
    {
        PlausibleDates.Of(options).Require(metastasectomyOn, nameof(metastasectomyOn));
        PlausibleDates.Of(options).Require(asOf, nameof(asOf));

        var visits = new List<FollowUpVisit>();
        void Add(FollowUpPhase phase, int months, int monthsBefore, int monthsAfter)
        {
            var due = metastasectomyOn.PlusMonths(months);
            var earliest = metastasectomyOn.PlusMonths(months - monthsBefore);
            var latest = metastasectomyOn.PlusMonths(months + monthsAfter);
            FollowUpVisitStanding? standing = asOf is not { } today
                ? null
                : latest < today ? FollowUpVisitStanding.Past
                : earliest > today ? FollowUpVisitStanding.Upcoming
                : FollowUpVisitStanding.Due;
            visits.Add(new FollowUpVisit(visits.Count + 1, phase, months, due, earliest, latest, standing));
        }

        for (var months = FirstPhaseIntervalMonths; months <= FirstPhaseEndMonths; months += FirstPhaseIntervalMonths)
        {
            Add(FollowUpPhase.FirstTwoYears, months, 0, FirstPhaseWindowMonths);
        }

        for (var months = FirstPhaseEndMonths + SecondPhaseIntervalMonths; months <= SecondPhaseEndMonths; months += SecondPhaseIntervalMonths)
        {
            Add(FollowUpPhase.ThroughYearFive, months, LaterPhaseToleranceMonths, LaterPhaseToleranceMonths);
        }

        var horizonMonths = options.FollowUpHorizonYears * 12;
        for (var months = SecondPhaseEndMonths + AnnualIntervalMonths; months <= horizonMonths; months += AnnualIntervalMonths)
        {
            Add(FollowUpPhase.Annual, months, LaterPhaseToleranceMonths, LaterPhaseToleranceMonths);
        }

        return new FollowUpSchedule(metastasectomyOn, options.FollowUpHorizonYears, asOf, visits.ToArray());
    }

    /// <summary>
    /// Creates the schedule for the patient in <paramref name="context"/>, from the latest liver resection
    /// (<see cref="LatestMetastasectomyDate"/>) and placed against the evaluation date.
    /// </summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The schedule, or <see langword="null"/> when no liver resection is recorded or the latest one's date is unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    /// <remarks>Computed once per evaluation and held by the context (<see cref="EvaluationContext.FollowUpSchedule"/>).</remarks>
    internal static FollowUpSchedule? ForPatient(EvaluationContext context) =>
        (context ?? throw new ArgumentNullException(nameof(context))).FollowUpSchedule;

    /// <summary>Computes the schedule; only <see cref="EvaluationContext.FollowUpSchedule"/> calls this, once per evaluation.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The schedule, or <see langword="null"/>.</returns>
    internal static FollowUpSchedule? Compute(EvaluationContext context)
    {
        context.Computing(DerivedConcepts.FollowUpSchedule);
        return context.LatestLiverResectionDate is { } date ? CreateValidated(date, context.Options, context.AsOf) : null;
    }

    /// <summary>
    /// Gets the date of the latest liver resection (metastasectomy), when the record makes it certain: every listed
    /// resection is dated. An undated resection could be the latest, so with one (or with
    /// <c>treatment.previousLiverResection</c> true and no resection listed) the latest date is unknown — never the
    /// latest of the dated ones (section 3.9 and 13.1 count from the last resection).
    /// </summary>
    /// <param name="patient">The patient.</param>
    /// <returns>The date, or <see langword="null"/> when no resection is recorded or the latest one's date is unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is <see langword="null"/>.</exception>
    public static LocalDate? LatestMetastasectomyDate(Patient patient)
    {
        if (patient is null)
        {
            throw new ArgumentNullException(nameof(patient));
        }

        LocalDate? latest = null;
        foreach (var resection in patient.Treatment.LiverResections)
        {
            if (resection.PerformedOn is not { } date)
            {
                return null;
            }

            if (latest is null || date > latest)
            {
                latest = date;
            }
        }

        return latest;
    }

    /// <summary>Gets the date of the latest liver resection whose date is recorded, whether or not an undated one could be later.</summary>
    /// <param name="patient">The patient.</param>
    /// <returns>The date, or <see langword="null"/> when no resection has a recorded date.</returns>
    internal static LocalDate? LatestDatedMetastasectomyDate(Patient patient)
    {
        LocalDate? latest = null;
        foreach (var resection in patient.Treatment.LiverResections)
        {
            if (resection.PerformedOn is { } date && (latest is null || date > latest))
            {
                latest = date;
            }
        }

        return latest;
    }

    /// <summary>Describes a phase as 13.1 words it, in English.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The description.</returns>
    public static string Describe(FollowUpPhase phase) => DescribeMessage(phase).Text;

    /// <summary>Describes a phase as 13.1 words it, as a message (<c>follow-up.phase.&lt;code&gt;</c>).</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The message.</returns>
    public static Message DescribeMessage(FollowUpPhase phase) => phase switch
    {
        FollowUpPhase.FirstTwoYears => FirstTwoYearsMessage,
        FollowUpPhase.ThroughYearFive => ThroughYearFiveMessage,
        _ => AnnualMessage,
    };

    // The phases' and the examinations' wording carries no patient value: one immutable message each per process.
    private static readonly Message FirstTwoYearsMessage = new("follow-up.phase.first-two-years");
    private static readonly Message ThroughYearFiveMessage = new("follow-up.phase.through-year-five");
    private static readonly Message AnnualMessage = new("follow-up.phase.annual");
    private static readonly Message ExaminationsMessage =
        Message.Of("follow-up.examinations", ("examinations", new[] { FollowUpExamination.PhysicalExamination, FollowUpExamination.AbdominalUltrasound, FollowUpExamination.ContrastEnhancedChestAbdomenCt }
            .Select(FollowUpVisit.DescribeMessage)));

    /// <summary>Describes the examinations of every visit, in English.</summary>
    /// <returns>The description.</returns>
    public static string DescribeExaminations() => DescribeExaminationsMessage().Text;

    /// <summary>Describes the examinations of every visit, as a message (<c>follow-up.examinations</c>).</summary>
    /// <returns>The message.</returns>
    public static Message DescribeExaminationsMessage() => ExaminationsMessage;
}
