using System;
using System.CommandLine;
using System.Globalization;
using NodaTime.Text;
using Sarcoma.Consensus.Cli.Input;
using Sarcoma.Consensus.Cli.Output;
using Sarcoma.Consensus.Cli.Rendering;

namespace Sarcoma.Consensus.Cli.Commands;

/// <summary>
/// <c>schedule PATH [--as-of yyyy-MM-dd] [--ics FILE]</c>: prints the follow-up calendar of recommendation 13.1 from the
/// patient's latest dated liver metastasectomy, and optionally writes it as an iCalendar file.
/// </summary>
/// <remarks>
/// <para>
/// A patient without a dated metastasectomy is valid and simply has no calendar: that is said on standard output and
/// the exit code is 0. So is an out-of-scope patient: the calendar is this guideline's, and the guideline does not cover
/// them. With <c>--ics FILE</c>, no file is written then, and a file already at that path (another run's calendar,
/// perhaps another patient's) is removed and the removal said, so that an exit code of 0 never leaves a calendar at the
/// requested path that this run did not write.
/// </para>
/// <para>The iCalendar file is written whole or not at all (<see cref="OutputFile"/>). With or without a calendar, an
/// <c>--ics</c> path that is a folder, in a missing folder, or the patient file itself is an error (exit code 2) naming
/// <c>--ics</c>; nothing is written or removed then.</para>
/// </remarks>
public static class ScheduleCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "schedule";

    private const string IcsOption = "--ics";

    private const string What = "iCalendar file";

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The output streams and the clock.</param>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = new Argument<string>("PATH")
        {
            Description = "A patient document (JSON) with a dated liver metastasectomy (treatment.liverResections[].performedOn).",
        };
        var asOf = AsOfOption.Create();
        var timeZone = TimeZoneOption.Create();
        var ics = new Option<string?>(IcsOption)
        {
            Description = "Also write the calendar as an iCalendar file (one all-day event per visit), byte-for-byte the same for the same patient and --as-of. "
                + "Without a calendar, no file is written and any file already at FILE is removed.",
            HelpName = "FILE",
        };

        var command = new Command(
            Name,
            "Print the post-metastasectomy follow-up calendar of recommendation 13.1 (visit, phase, due date, window, examinations), "
            + "marking visits past relative to --as-of; optionally write it as an iCalendar file.")
        {
            path,
            asOf,
            timeZone,
            ics,
        };

        command.Validators.Add(result => EmptyPaths.Check(result, (path, "PATH"), (ics, "--ics")));
        command.SetAction(parseResult =>
        {
            var file = parseResult.GetValue(path)!;
            var date = AsOfOption.Resolve(parseResult.GetValue(asOf), parseResult.GetValue(timeZone), environment);
            var document = PatientFile.Read(file);
            var report = PatientFile.Evaluate(environment.Evaluator, document.Patient, date, file);
            if (parseResult.GetValue(ics) is { } requested)
            {
                // Before anything is printed: an --ics path that can never be written is an error, calendar or not.
                OutputFile.Check(requested, What, IcsOption, ("PATH", file));
            }

            var stdout = environment.Stdout;

            stdout.WriteLine("Follow-up after liver metastasectomy (recommendation 13.1)");
            stdout.WriteLine($"Guideline: {report.Guideline.Citation}");
            stdout.WriteLine($"As of: {LocalDatePattern.Iso.Format(date)}");
            if (report.Scope.InScope == false)
            {
                stdout.WriteLine($"Scope: OUT OF SCOPE. {report.OutOfScope}");
                stdout.WriteLine("No follow-up calendar: the consensus covers liver metastases of soft-tissue sarcoma other than GIST.");
                NoCalendarFile(parseResult.GetValue(ics), stdout);
            }
            else if (report.FollowUp is not { } schedule)
            {
                if (report["13.1"] is { Status: Sarcoma.Consensus.Evaluation.EvaluationStatus.DoesNotApply } notApplicable)
                {
                    stdout.WriteLine("No follow-up calendar. " + notApplicable.Summary);
                }
                else
                {
                    stdout.WriteLine(
                    "No follow-up calendar: no liver metastasectomy with a recorded date (treatment.liverResections[].performedOn). "
                    + "Recommendation 13.1 dates follow-up from the metastasectomy.");
                }

                NoCalendarFile(parseResult.GetValue(ics), stdout);
            }
            else
            {
                stdout.WriteLine($"Metastasectomy: {LocalDatePattern.Iso.Format(schedule.MetastasectomyOn)} (the latest dated liver resection)");
                stdout.WriteLine();
                FollowUpTable.Write(schedule, stdout);
                if (parseResult.GetValue(ics) is { } target)
                {
                    using (var calendar = OutputFile.Create(target, What, IcsOption, ("PATH", file)))
                    {
                        calendar.Write(new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(FollowUpCalendar.ToICalendar(schedule, date)));
                        calendar.Commit();
                    }

                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"iCalendar written: {DisplayText.Path(target)} ({schedule.Visits.Count} events)."));
                }
            }

            stdout.WriteLine();
            stdout.WriteLine(Labels.Disclaimer);
            return ExitCodes.Success;
        });

        return command;
    }

    // No calendar for this patient: nothing is written, and a file already at the requested path is removed, because it
    // holds another run's calendar and exit code 0 must not leave it there as if it were this patient's.
    // A path that could never be written (a folder, a missing folder, the patient file itself) was refused before this.
    private static void NoCalendarFile(string? target, System.IO.TextWriter stdout)
    {
        if (target is null)
        {
            return;
        }

        var shown = DisplayText.Path(target);
        if (!System.IO.File.Exists(target) || OutputFile.IsDeviceOrPipe(target))
        {
            stdout.WriteLine($"No iCalendar file written to {shown}.");
            return;
        }

        try
        {
            System.IO.File.Delete(target);
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(
                $"{IcsOption} {shown}: no calendar was written for this patient, and the file already there (another run's calendar) could not be removed ({PatientFile.Reason(e)}).");
        }

        stdout.WriteLine($"No iCalendar file written to {shown}; the file that was there (another run's calendar) was removed so it cannot be taken for this patient's.");
    }
}
