using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime.Text;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>
/// The first screen of the text report (issue #10 §2; issue #7 review): the situation (scope, timing and DFI, the
/// treatment-free interval and whether it lies in 9.1's grey zone, oligometastatic status, surgical candidacy, and an
/// uncertain origin of the liver lesions when it is what makes 3.1's biopsy or 4.2's MRI apply), what to do now (the
/// applicable recommendations as short actions, grouped, one row each), the cautions that reach the first screen, what is
/// missing to decide more (in clinical words, the facts that decide most first), and what is due (the follow-up visit).
/// The three items without consensus are named apart, never as actions.
/// </summary>
/// <remarks>
/// <para>
/// <b>Which cautions reach the first screen</b> (one rule for every report, whatever its length): a caution is printed
/// here, in full, when
/// (a) it is a <i>case caution</i>: its message code belongs to a concept the situation line states — staging currency
/// (<c>staging.</c>), timing (<c>timing.</c>), oligometastatic status (<c>oligometastasis.</c>), surgical candidacy and
/// the indications (<c>indication.</c>), fitness for surgery (<c>preoperative-assessment.</c>) or the treatment-free
/// interval (<c>remetastasectomy.</c>; see <see cref="CaseConceptPrefixes"/>) — and a recommendation that applies or
/// needs facts, or the timing or the candidacy, carries it: so a stale staging date is on the first screen whether 1.1
/// alone or twelve recommendations carry it; or
/// (b) it is attached to two or more recommendations that apply (with consensus).
/// Every other caution qualifies how one step is done (the risks of a biopsy, whether a minimally invasive resection is
/// feasible): it stays in the details, and a line names the actions that carry one. A caution only on recommendations
/// that do not apply, or on the candidacy when liver resection is off the table (steps not offered), does not reach the
/// first screen either. A caution the situation line already says — the same sentence, one built on the reason the
/// situation gives in full for "not a candidate", section 3.1's sentence on a primary still in place, or 8.2-then-8.3 for
/// synchronous disease before systemic treatment — is not repeated. Cautions the situation line refers to by number (the
/// fitness state that qualifies every surgical action: not assessed, ECOG 2, ASA III or higher; detection before the
/// recorded diagnosis or on the window's last day; a TFI inside 9.1's range) come first, in the order referred to; the
/// others are ordered by how many applicable recommendations carry them, then in catalogue order, and name their carriers
/// when these are three or fewer ("On 5.3, 8.1 and 11.1: …").
/// </para>
/// <para>
/// <b>What the situation line says</b> (issue #7, paper-only reads): the fitness state whenever it changes the surgical
/// lines; metastases detected before the recorded diagnosis as the order of the dates ("detected 21 days before the
/// recorded diagnosis; no DFI measured"), never an interval of zero; after a complete resection "no current metastatic
/// disease", not a verdict of "not oligometastatic". A follow-up visit is numbered from surgery, never "n of N": N would
/// be the library's horizon (<c>FollowUpHorizonYears</c>), not a number the paper gives. The missing facts that decide a
/// concept the situation states (timing, oligometastatic status, candidacy and so fitness) are never folded into
/// "more in the details".
/// </para>
/// <para>
/// <b>No clinical text is cut.</b> Every line is wrapped at the report's width (100 columns by default), continuation
/// lines indented under their column; nothing ends in an ellipsis, and every action keeps its own row. The layout aims at
/// <see cref="TargetLines"/> lines: when the content needs more, it first drops the blank lines, then shortens the list of
/// missing facts (saying how many more are in the details), and then takes the lines it needs.
/// </para>
/// </remarks>
internal static class ReportBottomLine
{
    /// <summary>The number of lines the bottom line aims at (a terminal screen); it takes more rather than cut clinical text.</summary>
    public const int TargetLines = 25;

    /// <summary>
    /// The message-code prefixes of the case concepts whose cautions always reach the first screen (rule (a) above): the
    /// concepts the situation line states.
    /// </summary>
    internal static readonly string[] CaseConceptPrefixes =
    {
        "staging.", "timing.", "oligometastasis.", "indication.", "preoperative-assessment.", "remetastasectomy.",
    };

    /// <summary>The finding fact (as in the JSON report) placing the TFI against 9.1's range, and its value inside the range.</summary>
    internal const string TfiWindowFact = "derived.remetastasectomyTfiWindow";

    /// <summary>The finding value of <see cref="TfiWindowFact"/> inside the range ("longer than 12–18 months" by default).</summary>
    internal const string TfiWithinRange = "within";

    /// <summary>The finding fact (as in the JSON report) saying whether the origin of the liver lesions is uncertain (3.1, 4.2).</summary>
    internal const string OriginUncertainFact = "derived.originUncertain";

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

    // A resection outside the consensus indications (flagged on 5.1): 5.2 ("should only be performed in reference … centers")
    // and 7.1 ("When planning a major hepatectomy") still apply to it, as conditions of the operation, not as advice to operate
    // (issue #7, third and fourth paper-only reads): listed in a group of their own, after the board.
    // Named for a decision still to come ("If resection is pursued"), not "If resected": every step under it comes before
    // the operation (seventh read). Wider than the group column: its first row (the header, no id) spans both columns.
    private const string IfProceedingGroup = "If resection is pursued";
    private const string IfProceedingHeader = "Only if the board nevertheless proceeds, outside the indications:";
    private static readonly string[] IfProceedingIds = { "5.2", "7.1" };

    // A candidate outside the voted indications (extrahepatic disease beyond the lung, 5.3/5.4): the board decides (5.1);
    // the surgical steps, their timing and preoperative chemotherapy are listed as conditions of a resection it may decide on.
    private const string IndividualDecisionHeader = "Only if the board decides on liver surgery (outside 5.3/5.4):";
    private static readonly string[] IndividualDecisionIds = { "5.2", "6.2", "7.1", "7.2", "6.1", "6.3", "6.4", "6.5", "8.1", "11.1", "11.2" };

    /// <summary>Builds the bottom line; numbers (in <paramref name="notes"/>) the sentences it prints in full, so the details refer to them.</summary>
    /// <param name="report">The report (in scope or not).</param>
    /// <param name="label">The case label (escaped), or <see langword="null"/>.</param>
    /// <param name="notes">The report's sentence notes.</param>
    /// <param name="width">The line width in characters (<see cref="TextWrap.MinimumWidth"/>–<see cref="TextWrap.MaximumWidth"/>).</param>
    /// <returns>The lines: <see cref="TargetLines"/> or fewer when the content fits, more rather than cut clinical text.</returns>
    public static IReadOnlyList<string> Build(ConsensusReport report, string? label, SentenceNotes notes, int width = TextWrap.Width)
    {
        var title = TextWrap.Lines(string.Empty, "BOTTOM LINE as of " + Date(report.AsOf) + (label is null ? string.Empty : " — " + label), width: width);
        if (report.Scope.InScope == false)
        {
            var lines = new List<string>(title) { string.Empty };
            lines.AddRange(TextWrap.Lines("Situation  ", "OUT OF SCOPE: no recommendation was evaluated. The consensus covers liver metastases of soft-tissue sarcoma other than GIST; why this patient is outside it is under Scope below.", width: width));
            return lines;
        }

        // Numbered in reading order: the situation's sentences, then the cautions (the details refer to both by number).
        var stated = new HashSet<string>(StringComparer.Ordinal);
        var referred = new List<Message>();
        var situation = TextWrap.Lines("Situation  ", Situation(report, notes, stated, referred), width: width);
        var cautions = Referred(FirstScreenCautions(report, stated), referred);
        var cautionLines = CautionLines(cautions, notes, width);
        cautionLines.AddRange(SingleStepCautionLines(report, cautions, stated, width));
        var actions = Actions(report, width);
        var due = Due(report, width);
        var context = ContextLines(report, width).ToList();
        var noConsensus = TextWrap.Lines(string.Empty, "No consensus (for information, never advice): " + NoConsensus(report) + ".", 2, width);

        // From the most to the least spacious layout; the first within TargetLines is used, else the most compact. None
        // cuts or merges clinical text: only the blank lines and the length of the list of missing facts change.
        var layouts = new[] { (Blank: true, Missing: 3), (Blank: false, Missing: 3), (Blank: false, Missing: 2), (Blank: false, Missing: 1) };
        List<string> chosen = new();
        foreach (var (blank, missingLines) in layouts)
        {
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
            lines.AddRange(TextWrap.Lines(string.Empty, "What to do now (id, then Table 5's grade: level of evidence I–V, strength A–E)", 2, width));
            lines.AddRange(actions);
            lines.AddRange(cautionLines);
            lines.AddRange(context);
            Gap();
            lines.AddRange(MissingLines(report, missingLines, width));
            lines.AddRange(due);
            lines.AddRange(noConsensus);
            chosen = lines;
            if (lines.Count <= TargetLines)
            {
                break;
            }
        }

        return chosen;
    }

    private static string Situation(ConsensusReport report, SentenceNotes notes, ISet<string> stated, List<Message> referred)
    {
        var parts = new List<string>
        {
            report.Scope.InScope == true ? "In scope (soft-tissue sarcoma, not GIST)." : $"Scope not confirmed: {report.Scope.Note}",
        };
        if (report.Timing is { } timing)
        {
            // Metastases detected before the recorded diagnosis (within the tolerance) have no measured DFI: the order of
            // the dates is said instead (issue #7 §4), never "DFI 0 days".
            var interval = timing.DiseaseFreeInterval;
            var dfi = interval.DetectedBeforeStart ? ": " + Labels.DetectedBeforeDiagnosis(interval.DaysBeforeStart ?? 0)
                : interval.IsKnown && timing.Timing == Timing.MetastasisTiming.Synchronous ? $", detected {interval.Describe()} after the primary diagnosis"
                : interval.IsKnown ? $", DFI {interval.Describe()}" : string.Empty;

            // The timing's own caution (detection before the recorded diagnosis, or on the window's last day) is referred to
            // where the timing is stated, and printed first among the cautions below.
            if (timing.BoundaryCautionMessage is { } boundary)
            {
                dfi += " (caution " + Refer(boundary, notes, referred) + ")";
            }
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
            // 9.1's "longer than 12–18 months" is a range, not a cut-off: inside it (default more than 12, at most 18
            // months) the first screen says so, with the bounds the engine used (issue #7 review F4).
            // The caution that reads the grey zone (9.1) gives the bounds: referred to, not repeated (printed first below).
            var zoneCaution = report.Results.SelectMany(r => r.CautionMessages).FirstOrDefault(c => c.Code == TfiWithinCaution);
            parts.Add(GreyZone(report) is { } zone
                ? zoneCaution is null
                    ? Labels.TfiInGreyZone(tfi.Describe(), zone.Range, zone.Minimum, zone.Clear)
                    : $"TFI {tfi.Describe()} (9.1), inside the grey zone of 9.1's \"longer than {zone.Range}\" (caution {Refer(zoneCaution, notes, referred)})."
                : $"TFI {tfi.Describe()} (9.1).");
        }

        var noCurrentDisease = NoCurrentDisease(report);
        if (report.Oligometastatic is { } omd)
        {
            // After a complete resection there is nothing to call oligometastatic or not: the situation says there is no
            // current metastatic disease (follow-up), not a verdict of "not oligometastatic" (second review, follow-up case).
            parts.Add(omd.Status switch
            {
                TriState.Yes => "Oligometastatic (1.1/1.2).",
                TriState.No when noCurrentDisease => report.FollowUp is null && report["13.1"]?.Status != EvaluationStatus.Applies
                    ? "No current metastatic disease: oligometastatic status (1.1/1.2) and liver surgery do not arise."
                    : "No current metastatic disease (follow-up after metastasectomy, 13.1): oligometastatic status (1.1/1.2) and liver surgery do not arise.",
                TriState.No => $"Not oligometastatic (1.1/1.2): {string.Join("; ", omd.FailingCriteria)}.",
                _ => $"Oligometastatic status unknown (1.1/1.2): {(omd.Findings[0].Message.Arguments.Get("missing") as Message)?.Text ?? NotRecorded(omd.Missing)}.",
            });

            // The primary still in place matters for sequencing (section 3.1: treated before or with the metastasectomy;
            // 8.3: resectable primary; 2.1/8.2 synchronous disease).
            if (omd.Findings.FirstOrDefault(f => f.Fact == Model.FactNames.PrimaryResectable) is { } primary)
            {
                // Said here: the caution carrying section 3.1's sentence on the primary in place is not repeated below.
                stated.Add(MessageCatalog.English.Render(new Message(PrimaryInPlaceCaution)));
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
            // With no current metastatic disease the sentence above already says liver surgery does not arise.
            var afterResponse = SurgeryAfterResponse(report);
            var individual = IndividualBoardDecision(report);
            if (!(noCurrentDisease && candidacy.Candidate == TriState.No))
            {
            parts.Add(candidacy.Candidate switch
            {
                // Extrahepatic disease outside the lung: no voted indication (5.3, 5.4) covers it; said in full here, with its
                // number, not as a plain candidacy (sixth read F2). The caution is then not repeated below.
                TriState.Yes when individual is not null => "Liver surgery outside the voted indications (sections 1, 3.5): " + notes.Pin(individual.Text, printedInFull: true) + " " + individual.Text.TrimEnd('.') + Fitness(report, candidacy, notes, referred),
                TriState.Yes when afterResponse => "A candidate for liver surgery after systemic treatment, if at least stable disease (8.2, 8.3)" + Fitness(report, candidacy, notes, referred),
                TriState.Yes => "A candidate for liver surgery (sections 1, 3.5)" + Fitness(report, candidacy, notes, referred),
                TriState.No when candidacy.ReassessAfterSystemicTreatment == TriState.Yes => $"Not a candidate for a new liver resection now (9.1; section 3.9): {candidacy.CandidateBasis}.",
                TriState.No => $"Not a candidate for liver surgery (sections 1, 3.5): {candidacy.CandidateBasis}.",
                _ => $"Surgical candidacy not yet known (sections 1, 3.5): {candidacy.CandidateBasis}.",
            });
            }

            if (individual is not null)
            {
                stated.Add(individual.Text);
            }

            if (afterResponse && candidacy.Candidate == TriState.Yes)
            {
                // The situation and the "After response" row say what this caution says (8.2 first; 8.3 after at least
                // stable disease, resectable primary): not repeated below.
                foreach (var caution in candidacy.CautionMessages.Where(c => c.Code == SynchronousUntreatedCaution))
                {
                    stated.Add(caution.Text);
                }
            }
            if (candidacy.Candidate == TriState.No)
            {
                // Said here in full: a caution built on the same reason (a recurrence "not a candidate … now") is not repeated.
                stated.Add(candidacy.CandidateBasis);
            }

            if (candidacy.OutsideIndications == TriState.Yes && candidacy.Status != TriState.Yes)
            {
                parts.Add("FLAG: " + (candidacy.Findings.Any(f => f.Fact == Model.FactNames.MajorHepatectomyPlanned && f.Value == "yes") ? "a major hepatectomy is planned" : "a resection is open to case-by-case discussion")
                    + " outside the consensus indications (5.3, section 3.5): flagged on 5.1; the surgical recommendations are not offered as actions" + ConditionsListed(report) + ".");
            }
            else if (candidacy.Candidate == TriState.No && candidacy.Status == TriState.Yes)
            {
                // Why the surgical recommendations apply all the same (for example, a resection is planned); said once.
                parts.Add(notes.Pin(candidacy.Reason, printedInFull: true) + " " + candidacy.Reason);
                stated.Add(candidacy.Reason);
            }
            else if (candidacy.Candidate == TriState.Unknown && candidacy.Status == TriState.Yes)
            {
                // Synchronous disease before systemic treatment: surgery only after it (8.2, 8.3), as the actions list it.
                // A recorded lesion outside liver and lung: whatever the missing facts add, no voted indication (5.3, 5.4)
                // covers the resection, said as for a candidate (seventh read, case 22), not as a plain "on the table".
                parts.Add(individual is not null
                    ? "Whatever is still to be recorded, liver surgery is outside the voted indications (sections 1, 3.5)"
                        + (afterResponse ? ", after systemic treatment if at least stable disease (8.2, 8.3)" : string.Empty)
                        + ": " + notes.Pin(individual.Text, printedInFull: true) + " " + individual.Text.TrimEnd('.') + Fitness(report, candidacy, notes, referred)
                    : "Liver resection is on the table all the same" + (afterResponse ? ", after systemic treatment if at least stable disease (8.2, 8.3)" : string.Empty) + Fitness(report, candidacy, notes, referred));
            }
        }

        // 3.1 ("could be considered if the tumor origin is uncertain (e.g., long DFI …)") and 4.2 ("characterization of
        // lesions of uncertain origin"): when the doubt is what makes them apply, its reason is on the first screen
        // (issue #7 review F6), said once and referred to by number in the details.
        if (OriginUncertainty(report) is { } origin)
        {
            parts.Add(notes.Pin(origin.Sentence, printedInFull: true) + " " + origin.Sentence + " " + Labels.OriginUncertainDrives(origin.Biopsy, origin.Mri, origin.Ablation));
            stated.Add(origin.Sentence);
        }

        return string.Join(" ", parts);
    }

    /// <summary>The code of 9.1's caution on a TFI inside the "longer than 12–18 months" range.</summary>
    private const string TfiWithinCaution = "remetastasectomy.tfi-within-caution";

    /// <summary>The code of the caution carrying section 3.1's sentence on a primary tumour still in place.</summary>
    private const string PrimaryInPlaceCaution = "indication.caution.primary-in-place";

    /// <summary>The code of the candidacy's caution for synchronous disease before systemic treatment (8.2, 8.3).</summary>
    private const string SynchronousUntreatedCaution = "indication.candidacy.caution.synchronous-untreated";

    /// <summary>
    /// Whether the only reason the disease is not oligometastatic is that there is no current metastatic disease (after a
    /// complete resection): then there is nothing to call oligometastatic or not, and no liver surgery to be a candidate for.
    /// </summary>
    internal static bool NoCurrentDisease(ConsensusReport report) =>
        report.Oligometastatic is { Status: TriState.No } omd
        && omd.FailingCriteriaMessages.Count > 0
        && omd.FailingCriteriaMessages.All(m => m.Code == "omd.failing.no-current-disease");

    /// <summary>The message codes of the fitness cautions on the surgical recommendations (7.2; sections 1, 3.5).</summary>
    private static readonly string[] FitnessCautionCodes =
    {
        "preoperative-assessment.fitness-not-assessed", "preoperative-assessment.ecog-not-good-caution", "preoperative-assessment.asa-caution",
    };

    /// <summary>
    /// The fitness cautions (fitness not assessed, ECOG 2, ASA III or higher) that the applicable recommendations or the
    /// candidacy carry, once each, in the order first met.
    /// </summary>
    private static IEnumerable<Message> FitnessCautions(ConsensusReport report, LiverResectionCandidacy candidacy) =>
        report.Results.Where(r => r.Status == EvaluationStatus.Applies).SelectMany(r => r.CautionMessages)
            .Concat(candidacy.Status == TriState.No ? Array.Empty<Message>() : candidacy.CautionMessages)
            .Where(c => FitnessCautionCodes.Contains(c.Code, StringComparer.Ordinal))
            .GroupBy(c => c.Text, StringComparer.Ordinal).Select(g => g.First());

    /// <summary>
    /// The fitness state that puts a caution on every surgical recommendation (fitness not assessed, ECOG 2, ASA III or
    /// higher; 7.2), named on the situation line with the numbers of its cautions (", with ECOG 2 and ASA III (7.2;
    /// cautions [1], [2])."), so the reader sees where candidacy is stated why the surgical
    /// actions carry a caution (issue #7 §1). A full stop when there is none.
    /// </summary>
    private static string Fitness(ConsensusReport report, LiverResectionCandidacy candidacy, SentenceNotes notes, List<Message> referred)
    {
        var cautions = FitnessCautions(report, candidacy).ToList();
        if (cautions.Count == 0)
        {
            return ".";
        }

        var references = string.Join(", ", cautions.Select(c => Refer(c, notes, referred)));
        var named = new List<string>();
        foreach (var caution in cautions)
        {
            if (caution.Code == "preoperative-assessment.ecog-not-good-caution")
            {
                named.Add("ECOG " + Convert.ToString(caution.Arguments.Get("ecog"), CultureInfo.InvariantCulture));
            }
            else if (caution.Code == "preoperative-assessment.asa-caution")
            {
                named.Add(MessageCatalog.English.Render(Message.Of("preoperative-assessment.asa", ("asa", caution.Arguments.Get("asa")))).TrimEnd('.').Replace("ASA physical status", "ASA", StringComparison.Ordinal));
            }
        }

        var many = cautions.Count > 1 ? "cautions" : "caution";
        return named.Count == 0
            ? $", each surgical action with {many} {references}."
            : $", with {string.Join(" and ", named)} (7.2; {many} {references}).";
    }

    /// <summary>Refers to a caution from the situation line: numbered now, printed in full first among the cautions below.</summary>
    private static string Refer(Message caution, SentenceNotes notes, List<Message> referred)
    {
        if (!referred.Any(m => m.Text == caution.Text))
        {
            referred.Add(caution);
        }

        return notes.Pin(caution.Text, printedInFull: false);
    }

    /// <summary>The first-screen cautions with those the situation line refers to first, in the order it refers to them (each printed, once).</summary>
    private static IReadOnlyList<FirstScreenCaution> Referred(IReadOnlyList<FirstScreenCaution> cautions, IReadOnlyList<Message> referred)
    {
        var first = referred.Select(m => cautions.FirstOrDefault(c => c.Text == m.Text) ?? new FirstScreenCaution(m, Array.Empty<string>())).ToList();
        return first.Concat(cautions.Where(c => !referred.Any(m => m.Text == c.Text))).ToList();
    }

    /// <summary>
    /// The TFI's place inside 9.1's range, read from the finding the engine records (<see cref="TfiWindowFact"/> =
    /// <see cref="TfiWithinRange"/>) with the bounds it used (its <c>range</c> argument: the options
    /// <c>RemetastasectomyMinimumTfiMonths</c> and <c>RemetastasectomyClearTfiMonths</c>), or <see langword="null"/> when
    /// the TFI is below or above the range, or not counted.
    /// </summary>
    internal static (string Range, int? Minimum, int? Clear)? GreyZone(ConsensusReport report)
    {
        var findings = (report.LiverResection?.Findings ?? Array.Empty<Finding>()).Concat(report.Results.SelectMany(r => r.Findings));
        var within = findings.FirstOrDefault(f => f.Fact == TfiWindowFact && f.Value == TfiWithinRange);
        if (within is null)
        {
            return null;
        }

        var range = within.Message.Arguments.Get("range");
        if (range is Message rangeMessage)
        {
            return (rangeMessage.Text, rangeMessage.Arguments.Get("minimum") as int?, rangeMessage.Arguments.Get("clear") as int?);
        }

        return (range?.ToString() ?? within.Threshold ?? string.Empty, null, null);
    }

    /// <summary>
    /// The reason the origin of the liver lesions is uncertain, when it is a finding of 3.1 (a biopsy could be considered)
    /// or 4.2 (hepatic MRI) and that recommendation applies; with which of the two it drives and 4.2's done status.
    /// </summary>
    internal static (string Sentence, bool Biopsy, string? Mri, bool Ablation)? OriginUncertainty(ConsensusReport report)
    {
        Finding? Uncertain(string id) => report[id] is { Status: EvaluationStatus.Applies } result && result.Recommendation.ReachedConsensus
            ? result.Findings.FirstOrDefault(f => f.Fact == OriginUncertainFact && f.Value == "yes")
            : null;

        var biopsy = Uncertain("3.1");
        var mri = Uncertain("4.2");
        var ablation = Uncertain("10.1");
        if ((biopsy ?? mri ?? ablation) is not { } finding)
        {
            return null;
        }

        var mriStatus = mri is null ? null : report.ImagingPlan?.Items.FirstOrDefault(i => i.RecommendationId == "4.2")?.DoneStatus ?? string.Empty;
        return (finding.Sentence, biopsy is not null, mriStatus, ablation is not null);
    }

    /// <summary>The code of the candidacy's caution on extrahepatic disease outside the lung (outside 5.3 and 5.4).</summary>
    private const string BeyondLungCaution = "indication.caution.extrahepatic.beyond-lung";

    /// <summary>
    /// The caution saying that liver surgery is outside the voted indications (extrahepatic disease outside the lung: 5.3
    /// liver only, 5.4 liver and lung only), when the patient is otherwise a candidate and resection is on the table: any
    /// liver surgery is then an individual tumour-board decision (5.1; section 3.5) and the surgical steps are conditions of
    /// it. <see langword="null"/> otherwise, and never from a site that is not recorded (the engine sets the caution only
    /// for a recorded extrahepatic lesion).
    /// </summary>
    /// <remarks>
    /// A recorded lesion outside liver and lung is positive evidence: more staging can only add lesions, so "outside the
    /// voted indications 5.3/5.4" is decided even while the candidacy is still unknown for other reasons (staging not
    /// confirmed, fitness not assessed): resection on the table with the candidacy unknown is then worded and grouped as for
    /// a candidate (seventh read, case 22 against case 12). Never when the patient is not a candidate. The engine decides it
    /// (<see cref="Sarcoma.Consensus.Indication.LiverResectionCandidacy.IndividualBoardDecision"/>, s22 F1); this reads it
    /// with whether resection is on the table, and takes the caution's wording.
    /// </remarks>
    internal static Message? IndividualBoardDecision(ConsensusReport report) =>
        report.LiverResection is { Status: TriState.Yes, IndividualBoardDecision: true } candidacy
            ? candidacy.CautionMessages.FirstOrDefault(c => c.Code == BeyondLungCaution)
            : null;

    /// <summary>The actions, grouped: one row per action (id and grade in their column), wrapped under its text column.</summary>
    private static List<string> Actions(ConsensusReport report, int width)
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

        var individual = IndividualBoardDecision(report) is not null && !afterResponse;
        if (report.LiverResection is { OutsideIndications: TriState.Yes } outside && outside.Status != TriState.Yes && !afterResponse)
        {
            groups = groups.Select(g => (g.Name, g.Ids.Where(id => !IfProceedingIds.Contains(id)).ToArray())).ToList();
            groups.Insert(groups.FindIndex(g => g.Name == "Board, centre") + 1, (IfProceedingGroup, IfProceedingIds));
        }
        else if (individual)
        {
            // Outside the voted indications (extrahepatic disease beyond the lung): every surgical step, its timing (8.1) and
            // its preoperative chemotherapy (11.1, 11.2) are conditions of a resection the board may decide on, not what to
            // do now (sixth read F2); 5.1 (the board) stays first.
            groups = groups.Select(g => (g.Name, g.Ids.Where(id => !IndividualDecisionIds.Contains(id)).ToArray())).ToList();
            groups.Insert(groups.FindIndex(g => g.Name == "Board, centre") + 1, (IfProceedingGroup, IndividualDecisionIds));
        }

        if (SystemicFirstIds.Any(applies.ContainsKey) || afterResponse)
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
                // 1.2 is about eligibility for radical treatment (surgery or ablation with curative intent), not about systemic
                // therapy; "no surgery" read as if local therapy under 10.1 were then radical (issue #7, third read).
                rows.Add((IdAndGrade(diffuse), "Diffuse sarcomatosis: ineligible for radical (curative-intent) treatment"));
            }

            if (name == "Systemic" && disseminated)
            {
                rows.Add(("context", "Systemic therapy first: mainstay for disseminated disease (§1, not voted)"));
            }

            if (name == IfProceedingGroup && ids.Any(applies.ContainsKey))
            {
                rows.Add((string.Empty, individual ? IndividualDecisionHeader : IfProceedingHeader));
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
                rows.Add(("done", string.Join(", ", done)));
            }

            // Never merged: each row starts a line at the id column (issue #7 review F9: rows ran together).
            for (var i = 0; i < rows.Count; i++)
            {
                // A group name wider than its column, on a row without an id (a header), spans the id column too, so the
                // text column stays where every other row has it.
                var prefix = i == 0 && name.Length >= GroupWidth && rows[i].Id.Length == 0 && name.Length < GroupWidth + IdWidth
                    ? GroupIndent + name.PadRight(GroupWidth + IdWidth)
                    : GroupIndent + (i == 0 ? name : string.Empty).PadRight(GroupWidth) + rows[i].Id.PadRight(IdWidth);
                lines.AddRange(TextWrap.Lines(prefix, rows[i].Text, width: width));
            }
        }

        if (lines.Count == 0)
        {
            lines.AddRange(TextWrap.Lines(GroupIndent, "No recommendation asks for an action now (see what is missing below).", width: width));
        }

        return lines;
    }

    /// <summary>
    /// Synchronous OMD for which systemic treatment is the preferred front-line approach (8.2 applies) and surgery for
    /// residual liver disease does not apply yet (8.3: "if there is a good response to systemic treatment (at least stable
    /// disease)"): the surgical steps are listed after the systemic treatment, as steps after a response.
    /// </summary>
    // The conditions of a resection outside the indications that apply, as the situation line names them (issue #7, fifth
    // read: "5.2 and 7.1 are listed" when no major hepatectomy was planned and 7.1 was not).
    private static string ConditionsListed(ConsensusReport report)
    {
        var listed = IfProceedingIds.Where(id => report[id]?.Status == EvaluationStatus.Applies).ToArray();
        return listed.Length switch
        {
            0 => string.Empty,
            1 => $" ({listed[0]} is listed only as a condition of such a resection)",
            _ => $" ({string.Join(" and ", listed)} are listed only as conditions of such a resection)",
        };
    }

    private static bool SurgeryAfterResponse(ConsensusReport report) =>
        report.Timing?.Timing == Timing.MetastasisTiming.Synchronous
        && report["8.3"]?.Status != EvaluationStatus.Applies
        && (report["8.2"]?.Status == EvaluationStatus.Applies
            // Synchronous disease not yet treated whose OMD status is still open (8.2 needs facts): the candidacy's own
            // caution already orders systemic treatment first and surgery after response (8.2, 8.3), so the actions do too
            // (sixth read F4), as for confirmed OMD.
            || (report["8.2"]?.Status == EvaluationStatus.InsufficientData
                && report.LiverResection?.CautionMessages.Any(c => c.Code == SynchronousUntreatedCaution) == true));

    /// <summary>The recommendation id with its grade as Table 5 prints it (level of evidence, strength): "9.2 V,B".</summary>
    private static string IdAndGrade(RecommendationResult result) =>
        $"{result.Id} {result.Recommendation.Grade.Level},{result.Recommendation.Grade.Strength}";

    /// <summary>
    /// Examinations that rest on unvoted text only (section 3.4 narrative): context, labelled, never an action (brain and
    /// total-spine MRI for the named subtypes; FDG-PET/CT for a resection candidate of a subtype outside 4.3, or after
    /// induction treatment).
    /// </summary>
    private static IEnumerable<string> ContextLines(ConsensusReport report, int width)
    {
        var items = report.ImagingPlan?.Items.Where(i => !i.IsVoted && i.Indicated == TriState.Yes && i.AlreadyDone != true).ToList();
        if (items is null || items.Count == 0)
        {
            return Array.Empty<string>();
        }

        var list = string.Join("; ", items.Select(i => $"{i.Name} ({i.DoneStatus})"));
        return TextWrap.Lines("Context    ", $"Section 3.4's text, not a voted recommendation (context, not advice): {list}.", width: width);
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

    /// <summary>The ids listed as actions on the first screen (the groups and the follow-up line).</summary>
    private static readonly HashSet<string> ActionIds = new(Groups.SelectMany(g => g.Ids).Concat(FollowUpIds), StringComparer.Ordinal);

    /// <summary>A caution on the first screen: the message, and the recommendations that apply (with consensus) carrying it.</summary>
    internal sealed record FirstScreenCaution(Message Message, IReadOnlyList<string> AppliesOn)
    {
        /// <summary>Gets the caution in English.</summary>
        public string Text => Message.Text;
    }

    /// <summary>Whether a caution's message code belongs to a case concept (<see cref="CaseConceptPrefixes"/>): rule (a).</summary>
    internal static bool IsCaseCaution(Message caution) =>
        CaseConceptPrefixes.Any(prefix => caution.Code.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// The cautions that reach the first screen (see the class remarks): case cautions carried anywhere in the report, and
    /// any caution carried by two or more recommendations that apply; not those the situation says in full. Ordered by how
    /// many applicable recommendations carry them, then in catalogue order (the derived concepts' after the results').
    /// </summary>
    internal static IReadOnlyList<FirstScreenCaution> FirstScreenCautions(ConsensusReport report, IReadOnlyCollection<string> stated)
    {
        var order = new List<string>();
        var messages = new Dictionary<string, Message>(StringComparer.Ordinal);
        var carriers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(Message caution, RecommendationResult? on)
        {
            // A recommendation that does not apply is a step not offered: its cautions do not reach the first screen.
            if (on is { Status: EvaluationStatus.DoesNotApply })
            {
                return;
            }

            var text = caution.Text;
            if (!messages.ContainsKey(text))
            {
                order.Add(text);
                messages[text] = caution;
                carriers[text] = new List<string>();
            }

            if (on is { Status: EvaluationStatus.Applies } && on.Recommendation.ReachedConsensus && !carriers[text].Contains(on.Id))
            {
                carriers[text].Add(on.Id);
            }
        }

        foreach (var result in report.Results)
        {
            foreach (var caution in result.CautionMessages)
            {
                Add(caution, result);
            }
        }

        if (report.Timing?.BoundaryCautionMessage is { } boundary)
        {
            Add(boundary, null);
        }

        // The candidacy's own cautions, unless liver resection is known to be off the table (a step not offered).
        if (report.LiverResection is { Status: not TriState.No } candidacy)
        {
            foreach (var caution in candidacy.CautionMessages)
            {
                Add(caution, null);
            }
        }

        return order
            .Select((text, index) => (Caution: new FirstScreenCaution(messages[text], carriers[text]), Index: index))
            .Where(c => !Said(c.Caution.Text, stated) && (IsCaseCaution(c.Caution.Message) || c.Caution.AppliesOn.Count >= 2))
            .OrderByDescending(c => c.Caution.AppliesOn.Count).ThenBy(c => c.Index)
            .Select(c => c.Caution)
            .ToList();
    }

    /// <summary>Whether the situation line already says a caution: it printed the caution, or the reason the caution is built on, in full.</summary>
    private static bool Said(string caution, IReadOnlyCollection<string> stated) =>
        stated.Any(sentence => sentence.Length > 0 && caution.Contains(sentence, StringComparison.Ordinal));

    /// <summary>The cautions in full, numbered (pinned in <paramref name="notes"/>, so the details refer to them), wrapped.</summary>
    private static List<string> CautionLines(IReadOnlyList<FirstScreenCaution> cautions, SentenceNotes notes, int width)
    {
        var lines = new List<string>();
        foreach (var caution in cautions)
        {
            var on = Labels.CautionCarriers(caution.AppliesOn);
            lines.AddRange(TextWrap.Lines("  ! ", $"{notes.Pin(caution.Text, printedInFull: true)} {on}{caution.Text}", width: width));
        }

        return lines;
    }

    /// <summary>
    /// The actions that carry a caution the first screen does not print (a caveat on how that one step is done), named on
    /// one line so the reader knows to look in the details; nothing when there is none.
    /// </summary>
    private static IEnumerable<string> SingleStepCautionLines(ConsensusReport report, IReadOnlyList<FirstScreenCaution> shown, IReadOnlyCollection<string> stated, int width)
    {
        var printed = new HashSet<string>(shown.Select(c => c.Text), StringComparer.Ordinal);
        var ids = report.Results
            .Where(r => r.Status == EvaluationStatus.Applies && r.Recommendation.ReachedConsensus && ActionIds.Contains(r.Id))
            .Where(r => r.Cautions.Any(c => !printed.Contains(c) && !Said(c, stated)))
            .Select(r => r.Id)
            .ToList();
        return ids.Count == 0 ? Array.Empty<string>() : TextWrap.Lines("  ! ", Labels.SingleStepCautions(ids), width: width);
    }

    private static List<string> MissingLines(ConsensusReport report, int maxLines, int width)
    {
        var undecided = report.Results.Where(r => r.Status == EvaluationStatus.InsufficientData && r.Recommendation.ReachedConsensus).ToList();
        const string Label = "Missing    ";
        if (undecided.Count == 0)
        {
            return TextWrap.Lines(Label, "Nothing: every recommendation with consensus is decided.", width: width).ToList();
        }

        // The facts that decide a concept the situation line states (timing, oligometastatic status, surgical candidacy
        // and so fitness) are never folded into "more in the details": they change what the first screen offers.
        var situationFacts = new HashSet<string>(
            (report.Timing?.Missing ?? Array.Empty<string>())
                .Concat(report.Oligometastatic?.Missing ?? Array.Empty<string>())
                .Concat(report.LiverResection?.CandidateMissing ?? Array.Empty<string>()),
            StringComparer.Ordinal);
        var ranked = Ranked(undecided);

        // A staging examination recorded as not done is work-up to do, not a fact to record (s22 F2): said apart, in the
        // engine's words, naming either scan that completes the staging.
        var workUp = ranked.Where(f => StagingNotDone(report, f.Fact)).ToList();
        ranked = ranked.Where(f => !workUp.Contains(f)).ToList();
        var workUpText = workUp.Count == 0 ? string.Empty : WorkUpSentence(workUp, undecided.Count, alone: ranked.Count == 0);
        var facts = ranked.Where(f => situationFacts.Contains(f.Fact)).Concat(ranked.Where(f => !situationFacts.Contains(f.Fact))).ToList();
        if (facts.Count == 0)
        {
            return TextWrap.Lines(Label, workUpText.TrimStart(), width: width).ToList();
        }

        var kept = Math.Max(1, facts.Count(f => situationFacts.Contains(f.Fact)));
        var head = undecided.Count == 1
            ? $"Record, to decide 1 more recommendation ({undecided[0].Id}): "
            : $"Record, to decide {Count(undecided.Count)} more recommendations (how many each helps decide): ";
        for (var shown = facts.Count; shown >= kept; shown--)
        {
            var list = string.Join("; ", facts.Take(shown).Select(f => undecided.Count == 1 ? Words(f.Fact) : $"{Words(f.Fact)} ({Count(f.Count)})"));
            var more = shown < facts.Count ? $"; and {Count(facts.Count - shown)} more in the details." : ".";
            var lines = TextWrap.Lines(Label, head + list + more + workUpText, width: width);
            if (lines.Count <= maxLines || shown == kept)
            {
                return lines.ToList();
            }
        }

        return new List<string>();
    }

    /// <summary>The staging examinations whose "not done" the work-up sentence words (1.1: CT plus liver MRI or FDG-PET/CT).</summary>
    private static readonly string[] StagingFacts = { FactNames.StagingContrastCt, FactNames.StagingLiverMri, FactNames.StagingFdgPetCt };

    /// <summary>Whether a missing fact is a staging examination the imaging plan records as not done (s22 F2).</summary>
    private static bool StagingNotDone(ConsensusReport report, string fact) =>
        Array.IndexOf(StagingFacts, fact) >= 0
        && report.ImagingPlan?.Items.Any(i => i.DoneFact == fact && i.AlreadyDone == false) == true;

    /// <summary>The staging work-up still to do, in the engine's words (message <c>staging.to-do</c>), with how many recommendations it would decide.</summary>
    private static string WorkUpSentence(IReadOnlyList<(string Fact, int Count)> workUp, int undecided, bool alone)
    {
        var n = workUp.Max(f => f.Count);
        var text = MessageCatalog.English.Render(Message.Of(
            "staging.to-do",
            ("ct", workUp.Any(f => f.Fact == FactNames.StagingContrastCt)),
            ("additional", workUp.Any(f => f.Fact != FactNames.StagingContrastCt))));
        var decides = alone ? $", to decide {Count(n)} more {(n == 1 ? "recommendation" : "recommendations")}"
            : undecided == 1 ? string.Empty
            : $", to decide {Count(n)} of them";
        return " " + char.ToUpperInvariant(text[0]) + text.Substring(1) + decides + ".";
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

    private static List<string> Due(ConsensusReport report, int width)
    {
        const string Label = "Due        ";
        var lines = new List<string>();
        if (report.FollowUp is not { } schedule)
        {
            lines.AddRange(TextWrap.Lines(Label, report["13.1"]?.Status == EvaluationStatus.InsufficientData
                ? "Follow-up (13.1) not yet decided: see Missing."
                : "No follow-up calendar: 13.1 follows a metastasectomy that left no evidence of disease.", width: width));
        }
        else
        {
            // No "visit n of N": N would be the library's horizon (FollowUpHorizonYears), not a number the paper gives.
            var due = schedule.Visits.Where(v => v.Standing == FollowUpVisitStanding.Due).ToList();
            string text;
            if (due.Count > 0)
            {
                text = string.Join(" ", due.Select(v =>
                    $"NOW: follow-up visit {Count(v.Number)} (13.1, month {Count(v.MonthsAfterSurgery)} after the metastasectomy of {Date(schedule.MetastasectomyOn)}), due {Date(v.DueOn)}, window {Date(v.EarliestOn)} to {Date(v.LatestOn)}: {FollowUpSchedule.DescribeExaminations()}."));
            }
            else if (schedule.NextVisit is { } next)
            {
                text = $"Nothing now. Next follow-up visit {Count(next.Number)} (13.1, month {Count(next.MonthsAfterSurgery)} after the metastasectomy of {Date(schedule.MetastasectomyOn)}) due {Date(next.DueOn)}, window {Date(next.EarliestOn)} to {Date(next.LatestOn)}.";
            }
            else
            {
                text = $"Nothing: every visit of the 13.1 follow-up calendar drawn to year {Count(schedule.HorizonYears)} (this library's horizon, option FollowUpHorizonYears; 13.1 continues annually) is past.";
            }

            lines.AddRange(TextWrap.Lines(Label, text, width: width));
        }

        var imaging = report.Results.FirstOrDefault(r => r.Id == FollowUpIds[1] && r.Status == EvaluationStatus.Applies);
        if (imaging is not null)
        {
            lines.AddRange(TextWrap.Lines(new string(' ', Label.Length) + "13.2  ", Action(imaging), width: width));
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
