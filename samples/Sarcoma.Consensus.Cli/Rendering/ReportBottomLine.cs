using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime.Text;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>
/// The first screen of the text report (issue #10 §2): at most <see cref="MaxLines"/> lines of at most
/// <see cref="TextWrap.Width"/> columns saying the situation (scope, timing and DFI, oligometastatic status, surgical
/// candidacy), what to do now (the applicable recommendations as short actions, grouped), what is missing to decide more
/// (in clinical words, the facts that decide most first), and what is due (the follow-up visit). The three items without
/// consensus are named apart, never as actions.
/// </summary>
internal static class ReportBottomLine
{
    /// <summary>The most lines the bottom line takes.</summary>
    public const int MaxLines = 25;

    private const string GroupIndent = "  ";
    private const int GroupWidth = 15;
    private const int IdWidth = 10;

    private static readonly (string Name, string[] Ids)[] Groups =
    {
        ("Board, centre", new[] { "5.1", "5.2", "6.2" }),
        ("Work-up", new[] { "4.1", "4.2", "4.3", "7.1", "7.2" }),
        ("Surgery", new[] { "5.3", "5.4", "6.1", "6.3", "6.4", "6.5", "8.3", "9.1" }),
        ("Systemic", new[] { "8.1", "8.2", "9.2", "11.1", "11.2", "12.1" }),
        ("Local therapy", new[] { "10.1" }),
        ("Biopsy", new[] { "3.1", "3.3" }),
    };

    // Synchronous OMD (8.2 "should be the preferred front-line approach") and a liver recurrence given preoperative systemic
    // treatment (9.2 "should receive"): systemic therapy is listed before surgery, as the voted recommendation orders it.
    private static readonly string[] SystemicFirstIds = { "8.2", "9.2" };

    private static readonly string[] FollowUpIds = { "13.1", "13.2" };

    // Synchronous OMD before a response to systemic treatment: the surgical steps (centre, HPB review, approach, work-up).
    private const string AfterResponseGroup = "After response";
    private static readonly string[] AfterResponseIds = { "5.2", "6.2", "7.1", "7.2", "6.1", "6.3", "6.4", "6.5" };

    /// <summary>Builds the bottom line; numbers (in <paramref name="notes"/>) the cautions it shows, so the details refer to them.</summary>
    /// <param name="report">The report (in scope or not).</param>
    /// <param name="label">The case label (escaped), or <see langword="null"/>.</param>
    /// <param name="notes">The report's sentence notes.</param>
    /// <returns>The lines, at most <see cref="MaxLines"/>.</returns>
    public static IReadOnlyList<string> Build(ConsensusReport report, string? label, SentenceNotes notes)
    {
        var title = TextWrap.Lines(string.Empty, "BOTTOM LINE as of " + Date(report.AsOf) + (label is null ? string.Empty : " — " + label));
        if (report.Scope.InScope == false)
        {
            var lines = new List<string>(title) { string.Empty };
            lines.AddRange(TextWrap.Lines("Situation  ", "OUT OF SCOPE: no recommendation was evaluated. The consensus covers liver metastases of soft-tissue sarcoma other than GIST; why this patient is outside it is under Scope below."));
            return lines;
        }

        var situation = TextWrap.Lines("Situation  ", Situation(report, notes));
        var cautions = SharedCautions(report);
        var due = Due(report);
        var context = ContextLines(report).ToList();
        var noConsensus = TextWrap.Lines(string.Empty, "No consensus (for information, never advice): " + NoConsensus(report) + ".");

        // From the most to the least complete layout; the first that fits is used (every sample fits in the first or second).
        IReadOnlyList<string>? chosen = null;
        var layouts = new[]
        {
            // Cautions stay whole longest (stale staging, a plan outside the indications): the missing list shortens first.
            (true, true, 3, false), (false, true, 3, false), (false, true, 2, false), (false, true, 1, false), (false, true, 1, true),
            (false, false, 3, false), (false, false, 2, false), (false, false, 1, false), (false, false, 1, true),
        };
        for (var layout = 0; layout < layouts.Length; layout++)
        {
            var (blank, fullCautions, missingLines, collapse) = layouts[layout];
            var lines = new List<string>(title);
            void Gap()
            {
                if (blank)
                {
                    lines.Add(string.Empty);
                }
            }

            Gap();
            lines.AddRange(situation);
            Gap();
            lines.Add("What to do now (id, then Table 5's grade: level of evidence I–V, strength A–E)");
            lines.AddRange(Actions(report, collapse));
            lines.AddRange(CautionLines(cautions, fullCautions, notes, pin: false));
            lines.AddRange(context);
            Gap();
            lines.AddRange(MissingLines(report, missingLines));
            lines.AddRange(due);
            lines.AddRange(noConsensus);
            if (lines.Count <= MaxLines || layout == layouts.Length - 1)
            {
                chosen = lines;
                CautionLines(cautions, fullCautions, notes, pin: true);
                break;
            }
        }

        return chosen!;
    }

    private static string Situation(ConsensusReport report, SentenceNotes notes)
    {
        var parts = new List<string>
        {
            report.Scope.InScope == true ? "In scope (soft-tissue sarcoma, not GIST)." : $"Scope not confirmed: {report.Scope.Note}",
        };
        if (report.Timing is { } timing)
        {
            var dfi = timing.DiseaseFreeInterval.IsKnown ? $", DFI {timing.DiseaseFreeInterval.Describe()}" : string.Empty;
            // 2.1 and 2.2 define synchronous and metachronous OMD: cited only for oligometastatic disease (conditionally while
            // OMD is unknown); otherwise the timing is worded without them.
            var omdStatus = report.Oligometastatic?.Status;
            parts.Add(timing.Timing switch
            {
                Timing.MetastasisTiming.Synchronous => omdStatus switch
                {
                    TriState.Yes => $"Synchronous (2.1){dfi}.",
                    TriState.No => $"Synchronous timing{dfi}.",
                    _ => $"Synchronous timing (2.1 if oligometastatic){dfi}.",
                },
                Timing.MetastasisTiming.Metachronous => omdStatus switch
                {
                    TriState.Yes => $"Metachronous (2.2){dfi}.",
                    TriState.No => $"Metachronous timing{dfi}.",
                    _ => $"Metachronous timing (2.2 if oligometastatic){dfi}.",
                },
                _ => $"Timing unknown (2.1/2.2): {NotRecorded(timing.Missing)}.",
            });
        }

        if (report.TreatmentFreeInterval is { IsKnown: true } tfi)
        {
            parts.Add($"TFI {tfi.Describe()} (9.1).");
        }

        if (report.Oligometastatic is { } omd)
        {
            parts.Add(omd.Status switch
            {
                TriState.Yes => "Oligometastatic (1.1/1.2).",
                TriState.No => $"Not oligometastatic (1.1/1.2): {string.Join("; ", omd.FailingCriteria)}.",
                _ => $"Oligometastatic status unknown (1.1/1.2): {NotRecorded(omd.Missing)}.",
            });

            // The primary still in place matters for sequencing (section 3.1: treated before or with the metastasectomy;
            // 8.3: resectable primary; 2.1/8.2 synchronous disease).
            if (omd.Findings.FirstOrDefault(f => f.Fact == Model.FactNames.PrimaryResectable) is { } primary)
            {
                parts.Add(primary.Value switch
                {
                    "yes" => "Primary tumour still in place, resectable: to be treated before or with any metastasectomy (section 3.1; 8.3).",
                    _ => "Primary tumour still in place and not resectable (1.1: primary and all metastases amenable to radical treatment).",
                });
            }
        }

        if (report.LiverResection is { } candidacy)
        {
            // Candidacy is read from sections 1 and 3.5 (and 9.1 for a liver recurrence); 10.1 is its consequence, not its source.
            parts.Add(candidacy.Candidate switch
            {
                TriState.Yes when SurgeryAfterResponse(report) => "A candidate for liver surgery after systemic treatment, if at least stable disease (8.2, 8.3).",
                TriState.Yes => "A candidate for liver surgery (sections 1, 3.5).",
                TriState.No when candidacy.ReassessAfterSystemicTreatment == TriState.Yes => $"Not a candidate for a new liver resection now (9.1; section 3.9): {candidacy.CandidateBasis}.",
                TriState.No => $"Not a candidate for liver surgery (sections 1, 3.5): {candidacy.CandidateBasis}.",
                _ => $"Surgical candidacy not yet known (sections 1, 3.5): {NotRecorded(candidacy.CandidateMissing)}.",
            });
            if (candidacy.OutsideIndications == TriState.Yes && candidacy.Status != TriState.Yes)
            {
                parts.Add("FLAG: " + (candidacy.Findings.Any(f => f.Fact == Model.FactNames.MajorHepatectomyPlanned && f.Value == "yes") ? "a major hepatectomy is planned" : "a resection is open to case-by-case discussion")
                    + " outside the consensus indications (5.3, section 3.5): flagged on 5.1; the surgical recommendations are not offered as actions.");
            }
            else if (candidacy.Candidate == TriState.No && candidacy.Status == TriState.Yes)
            {
                // Why the surgical recommendations apply all the same (for example, a resection is planned); said once.
                parts.Add(notes.Pin(candidacy.Reason, printedInFull: true) + " " + candidacy.Reason);
            }
            else if (candidacy.Candidate == TriState.Unknown && candidacy.Status == TriState.Yes)
            {
                parts.Add("Liver resection is on the table all the same.");
            }
        }

        return string.Join(" ", parts);
    }

    private static IEnumerable<string> Actions(ConsensusReport report, bool collapse)
    {
        var applies = report.Results
            .Where(r => r.Status == EvaluationStatus.Applies && r.Recommendation.ReachedConsensus)
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        var lines = new List<string>();
        var groups = Groups.ToList();
        var afterResponse = SurgeryAfterResponse(report);
        if (afterResponse)
        {
            // Synchronous OMD before a response (8.2 first, 8.3 after at least stable disease): every surgical step, its
            // centre and its work-up included, comes after systemic treatment, in a group of its own after it.
            groups = groups.Select(g => (g.Name, g.Ids.Where(id => !AfterResponseIds.Contains(id)).ToArray())).ToList();
            groups.Insert(groups.FindIndex(g => g.Name == "Surgery") + 1, (AfterResponseGroup, AfterResponseIds));
        }

        if (SystemicFirstIds.Any(applies.ContainsKey))
        {
            var systemic = groups.First(g => g.Name == "Systemic");
            groups.Remove(systemic);
            groups.Insert(groups.FindIndex(g => g.Name == "Surgery"), systemic);
        }

        var disseminated = report.Oligometastatic is { Status: TriState.No } omd && omd.FailingCriteriaMessages.Any(m => m.Code != "omd.failing.no-current-disease");
        foreach (var (name, ids) in groups)
        {
            var rows = new List<(string Id, string Text)>();
            if (name == "Surgery" && disseminated && report["1.2"] is { Status: EvaluationStatus.Applies } diffuse)
            {
                // 1.2 is about eligibility for radical treatment (no surgery), not about systemic therapy.
                rows.Add((IdAndGrade(diffuse), "Diffuse sarcomatosis: ineligible for radical treatment (no surgery)"));
            }

            if (name == "Systemic" && disseminated)
            {
                rows.Add(("context", "Systemic therapy first: mainstay for disseminated disease (§1, not voted)"));
            }

            if (name == AfterResponseGroup && ids.Any(applies.ContainsKey))
            {
                rows.Add((string.Empty, "If at least stable disease on systemic therapy, primary resectable (8.3):"));
            }

            var done = new List<string>();
            foreach (var id in ids.Where(applies.ContainsKey))
            {
                var imaging = report.ImagingPlan?.Items.FirstOrDefault(i => i.RecommendationId == id);
                if (imaging is { AlreadyDone: true })
                {
                    done.Add($"{imaging.Name} ({id})");
                    continue;
                }

                var text = Action(applies[id]);
                rows.Add((IdAndGrade(applies[id]), imaging is null ? text : $"{text} ({imaging.DoneStatus})"));
            }

            if (done.Count > 0)
            {
                rows.Add((collapse ? "(done:" : "done", string.Join(", ", done) + (collapse ? ")" : string.Empty)));
            }

            if (rows.Count == 0)
            {
                continue;
            }

            if (collapse)
            {
                lines.AddRange(TextWrap.Lines(GroupIndent + name.PadRight(GroupWidth), string.Join("; ", rows.Select(r => r.Id.Length == 0 ? r.Text : $"{r.Id} {r.Text}")), GroupIndent.Length + GroupWidth));
                continue;
            }

            for (var i = 0; i < rows.Count; i++)
            {
                var prefix = GroupIndent + (i == 0 ? name : string.Empty).PadRight(GroupWidth) + rows[i].Id.PadRight(IdWidth);
                lines.AddRange(TextWrap.Lines(prefix, rows[i].Text));
            }
        }

        if (lines.Count == 0)
        {
            lines.Add(GroupIndent + "No recommendation asks for an action now (see what is missing below).");
        }

        return lines;
    }

    /// <summary>
    /// Synchronous OMD for which systemic treatment is the preferred front-line approach (8.2 applies) and surgery for
    /// residual liver disease does not apply yet (8.3: "if there is a good response to systemic treatment (at least stable
    /// disease)"): the surgical steps are listed after the systemic treatment, as steps after a response.
    /// </summary>
    private static bool SurgeryAfterResponse(ConsensusReport report) =>
        report.Timing?.Timing == Timing.MetastasisTiming.Synchronous
        && report["8.2"]?.Status == EvaluationStatus.Applies
        && report["8.3"]?.Status != EvaluationStatus.Applies;

    /// <summary>The recommendation id with its grade as Table 5 prints it (level of evidence, strength): "9.2 V,B".</summary>
    private static string IdAndGrade(RecommendationResult result) =>
        $"{result.Id} {result.Recommendation.Grade.Level},{result.Recommendation.Grade.Strength}";

    /// <summary>
    /// Examinations that rest on unvoted text only (section 3.4 narrative): context, labelled, never an action (brain and
    /// total-spine MRI for the named subtypes; FDG-PET/CT for a resection candidate of a subtype outside 4.3, or after
    /// induction treatment).
    /// </summary>
    private static IEnumerable<string> ContextLines(ConsensusReport report)
    {
        var items = report.ImagingPlan?.Items.Where(i => !i.IsVoted && i.Indicated == TriState.Yes && i.AlreadyDone != true).ToList();
        if (items is null || items.Count == 0)
        {
            return Array.Empty<string>();
        }

        var list = string.Join("; ", items.Select(i => $"{i.Name} ({i.DoneStatus})"));
        return TextWrap.Lines("Context    ", $"Section 3.4's text, not a voted recommendation (context, not advice): {list}.");
    }

    private static string NoConsensus(ConsensusReport report) =>
        string.Join("; ", report.Results.Where(r => !r.Recommendation.ReachedConsensus).GroupBy(r => r.Status).Select(g =>
        {
            var ids = g.Select(r => r.Id).ToList();
            var many = ids.Count > 1;
            var list = many ? string.Join(", ", ids.Take(ids.Count - 1)) + " and " + ids[^1] : ids[0];
            return g.Key switch
            {
                EvaluationStatus.Applies => $"{list} {(many ? "concern" : "concerns")} this patient",
                EvaluationStatus.DoesNotApply => $"{list} {(many ? "do" : "does")} not apply",
                _ => $"{list} undecided",
            };
        }));

    /// <summary>
    /// The short action: <c>action.&lt;summary code&gt;</c> when the catalogue words the result's own branch (for example
    /// 9.2 "should receive" without adjuvant chemotherapy, "case by case" after it), rendered with the summary's arguments;
    /// otherwise <c>action.&lt;id&gt;</c>; otherwise the short title.
    /// </summary>
    private static string Action(RecommendationResult result)
    {
        var variant = "action." + result.SummaryMessage.Code;
        if (MessageCatalog.English.Defines(variant))
        {
            return MessageCatalog.English.Render(new Message(variant, result.SummaryMessage.Arguments));
        }

        var code = "action." + result.Id;
        return MessageCatalog.English.Defines(code) ? MessageCatalog.English.Render(new Message(code)) : result.Recommendation.ShortTitle;
    }

    /// <summary>The cautions attached to at least two applicable recommendations, most shared first.</summary>
    private static IReadOnlyList<(string Caution, string[] Ids)> SharedCautions(ConsensusReport report) =>
        report.Results
            .Where(r => r.Status == EvaluationStatus.Applies && r.Recommendation.ReachedConsensus)
            .SelectMany(r => r.Cautions.Distinct(StringComparer.Ordinal).Select(c => (Caution: c, r.Id)))
            .GroupBy(p => p.Caution, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count())
            .Select(g => (g.Key, g.Select(p => p.Id).ToArray()))
            .ToList();

    /// <summary>The text cut at a word boundary so that it and the tail fit one line.</summary>
    private static string Shortened(string text, string tail)
    {
        if (text.Length <= TextWrap.Width)
        {
            return text;
        }

        var room = TextWrap.Width - tail.Length;
        var cut = text.LastIndexOf(' ', room);
        return text.Substring(0, cut > 0 ? cut : room).TrimEnd(',', ';', ':') + tail;
    }

    private static IEnumerable<string> CautionLines(IReadOnlyList<(string Caution, string[] Ids)> cautions, bool full, SentenceNotes notes, bool pin)
    {
        var lines = new List<string>();
        var number = 0;
        foreach (var (caution, ids) in cautions)
        {
            number++;
            var reference = pin ? notes.Pin(caution, full) : "[" + (notes.Numbered + number).ToString(CultureInfo.InvariantCulture) + "]";
            var on = Count(ids.Length) + " of these actions";
            lines.AddRange(full
                ? TextWrap.Lines("  ! ", $"{reference} On {on}: {caution}")
                : new[] { Shortened($"  ! {reference} On {on}: {caution}", $" … (note {reference} in the details)") });
        }

        return lines;
    }

    private static List<string> MissingLines(ConsensusReport report, int maxLines)
    {
        var undecided = report.Results.Where(r => r.Status == EvaluationStatus.InsufficientData && r.Recommendation.ReachedConsensus).ToList();
        const string Label = "Missing    ";
        if (undecided.Count == 0)
        {
            return TextWrap.Lines(Label, "Nothing: every recommendation with consensus is decided.").ToList();
        }

        var facts = Ranked(undecided);
        var head = undecided.Count == 1
            ? "Record, to decide 1 more recommendation: "
            : $"Record, to decide {Count(undecided.Count)} more recommendations (how many each helps decide): ";
        for (var shown = facts.Count; shown >= 1; shown--)
        {
            var list = string.Join("; ", facts.Take(shown).Select(f => $"{Words(f.Fact)} ({Count(f.Count)})"));
            var more = shown < facts.Count ? $"; and {Count(facts.Count - shown)} more in the details." : ".";
            var lines = TextWrap.Lines(Label, head + list + more);
            if (lines.Count <= maxLines || shown == 1)
            {
                return lines.ToList();
            }
        }

        return new List<string>();
    }

    /// <summary>The missing facts, the one that would decide most recommendations first (catalogue order breaks ties).</summary>
    internal static IReadOnlyList<(string Fact, int Count)> Ranked(IEnumerable<RecommendationResult> undecided)
    {
        var order = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var fact in undecided.SelectMany(r => r.Missing.Distinct(StringComparer.Ordinal)))
        {
            if (!counts.TryGetValue(fact, out var n))
            {
                order.Add(fact);
            }

            counts[fact] = n + 1;
        }

        return order.Select((f, i) => (Fact: f, Count: counts[f], Index: i))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Index)
            .Select(f => (f.Fact, f.Count)).ToList();
    }

    private static IEnumerable<string> Due(ConsensusReport report)
    {
        const string Label = "Due        ";
        var lines = new List<string>();
        if (report.FollowUp is not { } schedule)
        {
            lines.AddRange(TextWrap.Lines(Label, report["13.1"]?.Status == EvaluationStatus.InsufficientData
                ? "Follow-up (13.1) not yet decided: see Missing."
                : "No follow-up calendar: 13.1 follows a metastasectomy that left no evidence of disease."));
        }
        else
        {
            var total = Count(schedule.Visits.Count);
            var due = schedule.Visits.Where(v => v.Standing == FollowUpVisitStanding.Due).ToList();
            string text;
            if (due.Count > 0)
            {
                text = string.Join(" ", due.Select(v =>
                    $"NOW: follow-up visit {Count(v.Number)} of {total} (13.1, month {Count(v.MonthsAfterSurgery)} after the metastasectomy of {Date(schedule.MetastasectomyOn)}), due {Date(v.DueOn)}, window {Date(v.EarliestOn)} to {Date(v.LatestOn)}: {FollowUpSchedule.DescribeExaminations()}."));
            }
            else if (schedule.NextVisit is { } next)
            {
                text = $"Nothing now. Next follow-up visit {Count(next.Number)} of {total} (13.1) due {Date(next.DueOn)}, window {Date(next.EarliestOn)} to {Date(next.LatestOn)}.";
            }
            else
            {
                text = "Nothing: every visit of the 13.1 follow-up calendar is past.";
            }

            lines.AddRange(TextWrap.Lines(Label, text));
        }

        var imaging = report.Results.FirstOrDefault(r => r.Id == FollowUpIds[1] && r.Status == EvaluationStatus.Applies);
        if (imaging is not null)
        {
            lines.AddRange(TextWrap.Lines(new string(' ', Label.Length) + "13.2  ", Action(imaging)));
        }

        return lines;
    }

    private static string NotRecorded(IEnumerable<string> facts) =>
        MessageCatalog.English.Render(Message.Of("facts.not-recorded", ("facts", facts.Distinct(StringComparer.Ordinal).ToArray())));

    /// <summary>A fact in clinical words: its <c>fact.&lt;path&gt;</c> term, or the path when the catalogue has none.</summary>
    internal static string Words(string fact)
    {
        var code = "fact." + fact;
        return MessageCatalog.English.Defines(code) ? MessageCatalog.English.Render(new Message(code)) : fact;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);
}
