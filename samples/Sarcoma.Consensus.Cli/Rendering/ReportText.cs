using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime.Text;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>How much the text report says.</summary>
public enum ReportTextLayout
{
    /// <summary>The bottom line (one screen), then the details, each sentence once, wrapped at 100 columns.</summary>
    BottomLine,

    /// <summary>The full account (<c>--detail</c>): every sentence of every result in place, facts needed as JSON paths, lines unwrapped.</summary>
    Detail,
}

/// <summary>Writes a <see cref="ConsensusReport"/> as plain text for a clinician at a terminal.</summary>
/// <remarks>
/// <para>
/// By default (<see cref="ReportTextLayout.BottomLine"/>): the bottom line (at most 25 lines of at most 100 columns:
/// situation, what to do now, what is missing, what is due; see <see cref="ReportBottomLine"/>), then the details —
/// guideline, derived concepts, the recommendations that apply, those that need facts (named in clinical words), those
/// that do not apply (one card-sized line each), the three items without consensus apart and labelled, the follow-up
/// calendar, the provenance and the disclaimer. A sentence the report would repeat (a finding shared by several
/// recommendations, a caution attached to many) is printed once, numbered <c>[n]</c>, and referred to by its number.
/// </para>
/// <para><see cref="ReportTextLayout.Detail"/>: the full account, in the order of the report before issue #10, and the provenance.</para>
/// <para>Deterministic: the same report gives the same text (no clock, no culture, catalog order throughout).</para>
/// </remarks>
public static class ReportText
{
    private const string Indent = "       ";

    private static readonly EvaluationStatus[] BlockOrder =
        { EvaluationStatus.Applies, EvaluationStatus.InsufficientData, EvaluationStatus.DoesNotApply };

    /// <summary>Writes the report: the bottom line, then the details.</summary>
    /// <param name="report">The report.</param>
    /// <param name="label">The document's non-identifying case label, or <see langword="null"/>.</param>
    /// <param name="output">The writer.</param>
    public static void Write(ConsensusReport report, string? label, TextWriter output) =>
        Write(report, label, output, ReportTextLayout.BottomLine);

    /// <summary>Writes the report in a layout.</summary>
    /// <param name="report">The report.</param>
    /// <param name="label">The document's non-identifying case label, or <see langword="null"/>.</param>
    /// <param name="output">The writer.</param>
    /// <param name="layout">The layout.</param>
    public static void Write(ConsensusReport report, string? label, TextWriter output, ReportTextLayout layout) =>
        Write(report, label, output, layout, TextWrap.Width);

    /// <summary>Writes the report in a layout, wrapped at a width other than the default 100 columns (a narrow terminal).</summary>
    /// <param name="report">The report.</param>
    /// <param name="label">The document's non-identifying case label, or <see langword="null"/>.</param>
    /// <param name="output">The writer.</param>
    /// <param name="layout">The layout.</param>
    /// <param name="width">
    /// The line width in characters, 60–240 (default layout only; the full account, <see cref="ReportTextLayout.Detail"/>,
    /// is unwrapped). Clinical text is wrapped to it, never cut.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> is outside 60–240.</exception>
    public static void Write(ConsensusReport report, string? label, TextWriter output, ReportTextLayout layout, int width)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, TextWrap.MinimumWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, TextWrap.MaximumWidth);

        // The reader rejects control characters in a label; escape them anyway, so no line of this report can come from input.
        var shownLabel = string.IsNullOrWhiteSpace(label) ? null : Input.DisplayText.Escape(label);
        if (layout == ReportTextLayout.Detail)
        {
            new Details(report, output, notes: null, counting: false, width).Write(shownLabel);
            return;
        }

        var notes = new SentenceNotes();
        foreach (var line in ReportBottomLine.Build(report, shownLabel, notes, width))
        {
            output.WriteLine(line);
        }

        output.WriteLine(new string('─', width));

        // Two passes over the details: the first counts the sentences, the second prints each once.
        new Details(report, TextWriter.Null, notes, counting: true, width).Write(shownLabel);
        new Details(report, output, notes, counting: false, width).Write(shownLabel);
    }

    private static string Date(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The details after the bottom line (<c>notes</c> given: wrapped at 100 columns, each sentence once, facts in clinical
    /// words, card-sized lines for what does not apply), or the full account (<c>notes</c> null, <c>--detail</c>: every
    /// sentence in place, lines unwrapped, facts as JSON paths, the grade and votes of every result).
    /// </summary>
    private sealed class Details
    {
        private readonly ConsensusReport report;
        private readonly TextWriter output;
        private readonly SentenceNotes? notes;
        private readonly bool counting;
        private readonly int width;

        public Details(ConsensusReport report, TextWriter output, SentenceNotes? notes, bool counting, int width)
        {
            this.report = report;
            this.output = output;
            this.notes = notes;
            this.counting = counting;
            this.width = width;
        }

        private bool FullAccount => notes is null;

        public void Write(string? label)
        {
            if (FullAccount)
            {
                output.WriteLine("Liver metastases of soft tissue sarcoma: consensus report");
            }
            else
            {
                Line(string.Empty, "DETAILS — a sentence said more than once is numbered [n] where first printed and referred to by its number after; the full account: evaluate PATH --detail.");
            }

            Line("Guideline: ", report.Guideline.Citation, 2);
            if (FullAccount && label is not null)
            {
                // The bottom line names the case; the full account has no bottom line.
                output.WriteLine($"Case: {label}");
            }

            output.WriteLine($"As of: {Date(report.AsOf)}");
            string scope = report.Scope.InScope switch
            {
                true => "in scope (soft-tissue sarcoma other than GIST).",
                false => $"OUT OF SCOPE. {report.OutOfScope}",
                null => $"not confirmed. {report.Scope.Note}",
            };
            Line("Scope: ", scope, 2);
            if (report.Scope.InScope == false)
            {
                if (FullAccount)
                {
                    output.WriteLine();
                    output.WriteLine("The consensus covers liver metastases of soft-tissue sarcoma other than GIST: no recommendation was evaluated.");
                }

                Close();
                return;
            }

            output.WriteLine();
            DerivedConcepts();
            output.WriteLine();
            Recommendations();
            if (report.FollowUp is { } schedule)
            {
                output.WriteLine();
                Line(string.Empty, $"FOLLOW-UP CALENDAR (13.1), from the liver metastasectomy of {Date(schedule.MetastasectomyOn)}");
                if (FullAccount)
                {
                    FollowUpTable.Write(schedule, output);
                }
                else
                {
                    using var table = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
                    FollowUpTable.Write(schedule, table);
                    TextWrap.WriteBlock(output, table.ToString(), width);
                }
            }

            Close();
        }

        /// <summary>Writes <paramref name="prefix"/> + <paramref name="text"/>: wrapped at 100 columns with a hanging indent, or on one line in the full account.</summary>
        private void Line(string prefix, string text, int? hanging = null)
        {
            if (FullAccount)
            {
                output.WriteLine(prefix + text);
            }
            else
            {
                TextWrap.Write(output, prefix, text, hanging, width);
            }
        }

        private void Close()
        {
            output.WriteLine();
            var p = report.Provenance;
            var options = p.NonDefaultOptions.Count == 0
                ? "all at the consensus defaults"
                : "differing from the defaults: " + string.Join(", ", p.NonDefaultOptions.Select(o => $"{o.Key} = {o.Value}"));
            Line("Provenance: ", $"Sarcoma.Consensus {p.LibraryVersion}; guideline doi:{p.GuidelineDoi}; catalogue {p.CatalogHash}; as of {Date(p.AsOf)}; options {options}.", 2);
            output.WriteLine();
            Line(string.Empty, Labels.Disclaimer);
        }

        private void DerivedConcepts()
        {
            output.WriteLine("DERIVED CONCEPTS");
            if (report.Timing is { } timing)
            {
                string verdict = timing.Timing switch
                {
                    Timing.MetastasisTiming.Synchronous => "synchronous",
                    Timing.MetastasisTiming.Metachronous => "metachronous",
                    _ => "unknown",
                };
                Line(string.Empty, $"Timing (2.1/2.2): {verdict}.", 2);
                var boundary = timing.BoundaryCaution is { } c ? new[] { c } : Array.Empty<string>();
                if (FullAccount)
                {
                    Sentences(timing.Findings.Select(f => f.Sentence), "  ");
                    Cautions(boundary, "  ");
                    output.WriteLine($"  Disease-free interval: {timing.DiseaseFreeInterval.Sentence()}");
                }
                else
                {
                    Sentences(timing.Findings.Select(f => f.Sentence).Append(timing.DiseaseFreeInterval.Sentence()), "  ");
                    Cautions(boundary, "  ");
                }

                Needed(timing.Missing, "  ");
            }

            if (report.Oligometastatic is { } omd)
            {
                // After a complete resection: no current metastatic disease, not a verdict of "not oligometastatic".
                var noCurrentDisease = ReportBottomLine.NoCurrentDisease(report);
                Line(string.Empty, noCurrentDisease
                    ? "Oligometastatic disease (1.1/1.2): does not arise (no current metastatic disease)."
                    : $"Oligometastatic disease (1.1/1.2): {Labels.Words(omd.Status)}.", 2);
                Sentences(omd.Findings.Select(f => f.Sentence), "  ");
                if (omd.FailingCriteria.Count > 0 && !noCurrentDisease)
                {
                    Line("  Criteria not met: ", string.Join("; ", omd.FailingCriteria) + ".", 4);
                }

                Needed(omd.Missing, "  ");
            }

            if (report.TreatmentFreeInterval is { IsKnown: true } tfi)
            {
                Line(string.Empty, $"Treatment-free interval (9.1): {tfi.Describe()}.", 2);
                Sentences(new[] { tfi.Sentence() }, "  ");
            }

            if (report.LiverResection is { } candidacy)
            {
                Line(string.Empty, $"Surgical candidacy (sections 1, 3.5{(candidacy.RecurrenceBelowTreatmentFreeInterval ? ", 3.9; 9.1" : string.Empty)}): {candidacy.Candidate switch { TriState.Yes when candidacy.IndividualBoardDecision => "outside the voted indications (5.3, 5.4): an individual tumour-board decision (5.1)", TriState.Yes => "a candidate", TriState.No when candidacy.ReassessAfterSystemicTreatment == TriState.Yes => "not a candidate now (reassessed after systemic treatment)", TriState.No when ReportBottomLine.NoCurrentDisease(report) => "does not arise (no current metastatic disease)", TriState.No => "not a candidate", _ when ReportBottomLine.IndividualBoardDecision(report) is not null => "not yet known, but outside the voted indications (5.3, 5.4) whatever is still to be recorded: an individual tumour-board decision (5.1)", _ => "not yet known" }}.", 2);
                Sentences(new[] { candidacy.CandidateFinding.Sentence }, "  ");
                Needed(candidacy.CandidateMissing, "  ");
                Line(string.Empty, $"Liver resection on the table: {Labels.Words(candidacy.Status)}.", 2);
                Sentences(new[] { candidacy.Reason }, "  ");
                Needed(candidacy.Missing, "  ");
            }

            if (report.ImagingPlan is { } imaging)
            {
                output.WriteLine("Imaging plan (4.1–4.3, section 3.4):");
                foreach (var item in imaging.Items)
                {
                    ImagingItem(item);
                }
            }

            if (report.FocalTherapy is { } focal)
            {
                output.WriteLine("Focal therapy (section 3.10):");
                Sentences(focal.Findings.Where(f => f.Fact != FocalTherapy.FocalTherapyAssessment.ModalitiesName).Select(f => f.Sentence), "  ");
                Cautions(focal.Cautions, "  ");
            }
        }

        private void ImagingItem(Imaging.ImagingItem item)
        {
            string indicated = item.Indicated switch
            {
                TriState.Yes => "indicated",
                TriState.No => "not indicated",
                _ => "unknown",
            };
            var caveat = item.Caveat is { } c ? new[] { c } : Array.Empty<string>();
            if (FullAccount)
            {
                output.WriteLine($"  - {item.Name}: {indicated}; {item.DoneStatus}. {item.Reason}");
                output.WriteLine($"    Basis: {item.Basis}.");
                Cautions(caveat, "    ");
                Needed(item.Missing, "    ");
                return;
            }

            var basis = item.RecommendationId is { } id && item.Basis == "recommendation " + id ? id : item.Basis;
            Line("  - ", $"{item.Name}: {indicated}; {item.DoneStatus} (basis: {basis}).", 4);

            // The reason of a voted item that applies or needs facts is its recommendation's summary, printed below.
            var result = item.RecommendationId is { } voted ? report[voted] : null;
            if (result is null || result.Status == EvaluationStatus.DoesNotApply)
            {
                Say(new[] { item.Reason }, "    ", string.Empty);
            }

            Cautions(caveat, "    ");
            Needed(item.Missing, "    ");
        }

        private void Recommendations()
        {
            var results = report.Results;
            var voted = results.Where(r => r.Recommendation.ReachedConsensus).ToList();
            var notReached = results.Where(r => !r.Recommendation.ReachedConsensus).ToList();
            int CountOf(EvaluationStatus status) => voted.Count(r => r.Status == status);

            Line(string.Empty, string.Create(
                CultureInfo.InvariantCulture,
                $"RECOMMENDATIONS: {results.Count} evaluated. {CountOf(EvaluationStatus.Applies)} apply, {CountOf(EvaluationStatus.InsufficientData)} need facts, {CountOf(EvaluationStatus.DoesNotApply)} do not apply; {notReached.Count} without consensus are shown apart, for information."));

            foreach (var status in BlockOrder)
            {
                var block = voted.Where(r => r.Status == status).ToList();
                if (block.Count == 0)
                {
                    continue;
                }

                output.WriteLine();
                output.WriteLine($"{Labels.Heading(status)} ({Count(block.Count)})");
                if (status == EvaluationStatus.DoesNotApply)
                {
                    foreach (var result in block)
                    {
                        if (FullAccount)
                        {
                            output.WriteLine($"  {result.Id,-5}{result.Recommendation.ShortTitle} {result.Recommendation.Grade}, {Labels.ForTable(result.Recommendation.Consensus)}: {result.Summary}");
                        }
                        else
                        {
                            Line($"  {result.Id,-5}", $"{result.CardSummary} [{Grade(result)}]", Indent.Length);
                        }
                    }

                    continue;
                }

                if (status == EvaluationStatus.InsufficientData)
                {
                    var facts = FullAccount
                        ? string.Join(", ", block.SelectMany(r => r.Missing).Distinct(StringComparer.Ordinal))
                        : string.Join("; ", ReportBottomLine.Ranked(block).Select(f => $"{ReportBottomLine.Words(f.Fact)} ({Count(f.Count)})"));
                    Line("  To complete these, record: ", facts + ".", 4);
                }

                foreach (var section in block.GroupBy(r => r.Recommendation.Section.Number))
                {
                    output.WriteLine();
                    Line(string.Empty, string.Create(CultureInfo.InvariantCulture, $"{section.Key}. {section.First().Recommendation.Section.Question}"));
                    foreach (var result in section)
                    {
                        Item(result);
                    }
                }
            }

            if (notReached.Count > 0)
            {
                output.WriteLine();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Labels.NoConsensusNotice} ({notReached.Count})"));
                foreach (var result in notReached)
                {
                    output.WriteLine();
                    Item(result);
                }
            }
        }

        private void Item(RecommendationResult result)
        {
            var recommendation = result.Recommendation;
            if (FullAccount)
            {
                output.WriteLine($"  {result.Id,-5}{recommendation.ShortTitle}");
            }
            else
            {
                Line($"  {result.Id,-5}", $"{recommendation.ShortTitle} — {Grade(result)}", Indent.Length);
            }

            if (!recommendation.ReachedConsensus)
            {
                Line(Indent, $"{Labels.NoConsensusNotice}. Status for this patient: {Labels.Words(result.Status)}.");
            }

            if (FullAccount)
            {
                output.WriteLine($"{Indent}Grade {recommendation.Grade}; {Votes(result)}.");
            }

            Line(Indent, result.Summary);
            Needed(result.Missing, Indent);
            Sentences(result.Findings.Select(f => f.Sentence), Indent);
            Cautions(result.Cautions, Indent);
        }

        /// <summary>The grade, consensus and votes after a title: <c>1A, A consensus, 27/27</c>.</summary>
        private static string Grade(RecommendationResult result)
        {
            var r = result.Recommendation;
            var votes = string.Create(CultureInfo.InvariantCulture, $"{r.Votes.Yes}/{r.Votes.Total}");
            return r.ReachedConsensus
                ? $"{r.Grade}, {r.Consensus.ToCode()} consensus, {votes}"
                : $"{r.Grade}, consensus not reached, {votes}";
        }

        /// <summary>The consensus line of the full account: <c>consensus A (27/27 votes, 100%)</c>.</summary>
        private static string Votes(RecommendationResult result)
        {
            var r = result.Recommendation;
            string votes = string.Create(CultureInfo.InvariantCulture, $"{r.Votes.Yes}/{r.Votes.Total} votes, {CatalogTable.FormatPercent(r.Votes.AgreementPercent)}");
            return r.ReachedConsensus ? $"consensus {r.Consensus.ToCode()} ({votes})" : $"consensus not reached ({votes})";
        }

        private void Sentences(IEnumerable<string> sentences, string indent) => Say(sentences, indent, "-");

        private void Cautions(IEnumerable<string> cautions, string indent) => Say(cautions, indent, "!");

        /// <summary>Prints each sentence; after the bottom line, a sentence printed before is referred to by its number, all on one line.</summary>
        private void Say(IEnumerable<string> sentences, string indent, string bullet)
        {
            var prefix = indent + (bullet.Length == 0 ? string.Empty : bullet + " ");
            if (notes is null)
            {
                foreach (var sentence in sentences)
                {
                    output.WriteLine(prefix + sentence);
                }

                return;
            }

            var references = new List<string>();
            foreach (var sentence in sentences.Where(s => !string.IsNullOrWhiteSpace(s)))
            {
                if (counting)
                {
                    notes.Count(sentence);
                    continue;
                }

                if (notes.ReferenceTo(sentence) is { } reference)
                {
                    references.Add(reference);
                    continue;
                }

                TextWrap.Write(output, prefix, notes.Print(sentence), width: width);
            }

            if (references.Count > 0)
            {
                var numbers = references.Distinct(StringComparer.Ordinal).OrderBy(r => int.Parse(r.Trim('[', ']'), CultureInfo.InvariantCulture));
                TextWrap.Write(output, prefix, (bullet == "!" ? "See caution " : "See ") + string.Join(" ", numbers) + ".", width: width);
            }
        }

        /// <summary>The facts a result needs: as JSON paths in the full account, in clinical words after the bottom line.</summary>
        private void Needed(IReadOnlyList<string> missing, string indent)
        {
            if (missing.Count == 0)
            {
                return;
            }

            var facts = FullAccount
                ? string.Join(", ", missing)
                : string.Join("; ", missing.Distinct(StringComparer.Ordinal).Select(ReportBottomLine.Words));
            Line(indent + "Facts needed: ", facts + ".", indent.Length + 2);
        }
    }
}
