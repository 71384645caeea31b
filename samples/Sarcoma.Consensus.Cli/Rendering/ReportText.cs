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
    public static void Write(ConsensusReport report, string? label, TextWriter output, ReportTextLayout layout)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        if (layout == ReportTextLayout.Detail)
        {
            ReportTextFull.Write(report, label, output);
            return;
        }

        // The reader rejects control characters in a label; escape them anyway, so no line of this report can come from input.
        var shownLabel = string.IsNullOrWhiteSpace(label) ? null : Input.DisplayText.Escape(label);
        var notes = new SentenceNotes();
        foreach (var line in ReportBottomLine.Build(report, shownLabel, notes))
        {
            output.WriteLine(line);
        }

        output.WriteLine(new string('─', TextWrap.Width));

        // Two passes over the details: the first counts the sentences, the second prints each once.
        new Details(report, TextWriter.Null, notes, counting: true).Write();
        new Details(report, output, notes, counting: false).Write();
    }

    /// <summary>Writes the provenance paragraph: library version, guideline DOI, catalogue hash, evaluation date and the options that differ from the defaults.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">The writer.</param>
    /// <param name="wrap">Whether to wrap at 100 columns.</param>
    internal static void WriteProvenance(ConsensusReport report, TextWriter output, bool wrap)
    {
        var p = report.Provenance;
        var options = p.NonDefaultOptions.Count == 0
            ? "all at the consensus defaults"
            : "differing from the defaults: " + string.Join(", ", p.NonDefaultOptions.Select(o => $"{o.Key} = {o.Value}"));
        var text = $"Sarcoma.Consensus {p.LibraryVersion}; guideline doi:{p.GuidelineDoi}; catalogue {p.CatalogHash}; as of {Date(p.AsOf)}; options {options}.";
        if (wrap)
        {
            TextWrap.Write(output, "Provenance: ", text, 2);
        }
        else
        {
            output.WriteLine("Provenance: " + text);
        }
    }

    private static string Date(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Words(IEnumerable<string> facts) =>
        string.Join("; ", facts.Distinct(StringComparer.Ordinal).Select(ReportBottomLine.Words));

    private sealed class Details
    {
        private readonly ConsensusReport report;
        private readonly TextWriter output;
        private readonly SentenceNotes notes;
        private readonly bool counting;

        public Details(ConsensusReport report, TextWriter output, SentenceNotes notes, bool counting)
        {
            this.report = report;
            this.output = output;
            this.notes = notes;
            this.counting = counting;
        }

        public void Write()
        {
            output.WriteLine("DETAILS — a sentence said more than once is numbered [n] where first printed and referred to");
            output.WriteLine("by its number after; the full account: evaluate PATH --detail.");
            TextWrap.Write(output, "Guideline: ", report.Guideline.Citation, 2);
            output.WriteLine($"As of: {Date(report.AsOf)}");
            string scope = report.Scope.InScope switch
            {
                true => "in scope (soft-tissue sarcoma other than GIST).",
                false => $"OUT OF SCOPE. {report.OutOfScope}",
                null => $"not confirmed. {report.Scope.Note}",
            };
            TextWrap.Write(output, "Scope: ", scope, 2);
            if (report.Scope.InScope == false)
            {
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
                TextWrap.Write(output, string.Empty, $"FOLLOW-UP CALENDAR (13.1), from the liver metastasectomy of {Date(schedule.MetastasectomyOn)}");
                using var table = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
                FollowUpTable.Write(schedule, table);
                TextWrap.WriteBlock(output, table.ToString());
            }

            Close();
        }

        private void Close()
        {
            output.WriteLine();
            WriteProvenance(report, output, wrap: true);
            output.WriteLine();
            TextWrap.Write(output, string.Empty, Labels.Disclaimer);
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
                output.WriteLine($"Timing (2.1/2.2): {verdict}.");
                var sentences = timing.Findings.Select(f => f.Sentence).Append(timing.DiseaseFreeInterval.Sentence()).ToList();
                Sentences(sentences, "  ", "-");
                Cautions(timing.BoundaryCaution is { } c ? new[] { c } : Array.Empty<string>(), "  ");
                Needed(timing.Missing, "  ");
            }

            if (report.Oligometastatic is { } omd)
            {
                output.WriteLine($"Oligometastatic disease (1.1/1.2): {Labels.Words(omd.Status)}.");
                Sentences(omd.Findings.Select(f => f.Sentence), "  ", "-");
                if (omd.FailingCriteria.Count > 0)
                {
                    TextWrap.Write(output, "  Criteria not met: ", string.Join("; ", omd.FailingCriteria) + ".", 4);
                }

                Needed(omd.Missing, "  ");
            }

            if (report.TreatmentFreeInterval is { IsKnown: true } tfi)
            {
                output.WriteLine($"Treatment-free interval (9.1): {tfi.Describe()}.");
                Sentences(new[] { tfi.Sentence() }, "  ", "-");
            }

            if (report.LiverResection is { } candidacy)
            {
                output.WriteLine($"Surgical candidacy (5.3, 10.1): {candidacy.Candidate switch { TriState.Yes => "a candidate", TriState.No => "not a candidate", _ => "not yet known" }}.");
                Sentences(new[] { candidacy.CandidateFinding.Sentence }, "  ", "-");
                Needed(candidacy.CandidateMissing, "  ");
                output.WriteLine($"Liver resection on the table: {Labels.Words(candidacy.Status)}.");
                Sentences(new[] { candidacy.Reason }, "  ", "-");
                Needed(candidacy.Missing, "  ");
            }

            if (report.ImagingPlan is { } imaging)
            {
                output.WriteLine("Imaging plan (4.1–4.3, section 3.4):");
                foreach (var item in imaging.Items)
                {
                    string indicated = item.Indicated switch
                    {
                        TriState.Yes => "indicated",
                        TriState.No => "not indicated",
                        _ => "unknown",
                    };
                    var basis = item.RecommendationId is { } id && item.Basis == "recommendation " + id ? id : item.Basis;
                    TextWrap.Write(output, "  - ", $"{item.Name}: {indicated}; {item.DoneStatus} (basis: {basis}).", 4);
                    // The reason of a voted item that applies or needs facts is its recommendation's summary, printed below.
                    var result = item.RecommendationId is { } voted ? report[voted] : null;
                    if (result is null || result.Status == EvaluationStatus.DoesNotApply)
                    {
                        Sentences(new[] { item.Reason }, "    ", string.Empty);
                    }

                    Cautions(item.Caveat is { } caveat ? new[] { caveat } : Array.Empty<string>(), "    ");
                    Needed(item.Missing, "    ");
                }
            }

            if (report.FocalTherapy is { } focal)
            {
                output.WriteLine("Focal therapy (section 3.10):");
                Sentences(focal.Findings.Where(f => f.Fact != FocalTherapy.FocalTherapyAssessment.ModalitiesName).Select(f => f.Sentence), "  ", "-");
                Cautions(focal.Cautions, "  ");
            }
        }

        private void Recommendations()
        {
            var results = report.Results;
            var voted = results.Where(r => r.Recommendation.ReachedConsensus).ToList();
            var notReached = results.Where(r => !r.Recommendation.ReachedConsensus).ToList();
            int CountOf(EvaluationStatus status) => voted.Count(r => r.Status == status);

            TextWrap.Write(output, string.Empty, string.Create(
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
                        TextWrap.Write(output, $"  {result.Id,-5}", $"{result.CardSummary} [{Grade(result)}]", Indent.Length);
                    }

                    continue;
                }

                if (status == EvaluationStatus.InsufficientData)
                {
                    var ranked = ReportBottomLine.Ranked(block);
                    TextWrap.Write(output, "  To complete these, record: ", string.Join("; ", ranked.Select(f => $"{ReportBottomLine.Words(f.Fact)} ({Count(f.Count)})")) + ".", 4);
                }

                foreach (var section in block.GroupBy(r => r.Recommendation.Section.Number))
                {
                    output.WriteLine();
                    TextWrap.Write(output, string.Empty, string.Create(CultureInfo.InvariantCulture, $"{section.Key}. {section.First().Recommendation.Section.Question}"));
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
            TextWrap.Write(output, $"  {result.Id,-5}", $"{recommendation.ShortTitle} — {Grade(result)}", Indent.Length);
            if (!recommendation.ReachedConsensus)
            {
                TextWrap.Write(output, Indent, $"{Labels.NoConsensusNotice}. Status for this patient: {Labels.Words(result.Status)}.");
            }

            TextWrap.Write(output, Indent, result.Summary);
            Needed(result.Missing, Indent);
            Sentences(result.Findings.Select(f => f.Sentence), Indent, "-");
            Cautions(result.Cautions, Indent);
        }

        private static string Grade(RecommendationResult result)
        {
            var r = result.Recommendation;
            var votes = string.Create(CultureInfo.InvariantCulture, $"{r.Votes.Yes}/{r.Votes.Total}");
            return r.ReachedConsensus
                ? $"{r.Grade}, {r.Consensus.ToCode()} consensus, {votes}"
                : $"{r.Grade}, consensus not reached, {votes}";
        }

        private void Sentences(IEnumerable<string> sentences, string indent, string bullet) => Say(sentences, indent, bullet);

        private void Cautions(IEnumerable<string> cautions, string indent) => Say(cautions, indent, "!");

        /// <summary>Prints each sentence not printed before; those printed before are referred to on one line.</summary>
        private void Say(IEnumerable<string> sentences, string indent, string bullet)
        {
            var prefix = indent + (bullet.Length == 0 ? string.Empty : bullet + " ");
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

                TextWrap.Write(output, prefix, notes.Print(sentence));
            }

            if (references.Count > 0)
            {
                var numbers = references.Distinct(StringComparer.Ordinal).OrderBy(r => int.Parse(r.Trim('[', ']'), CultureInfo.InvariantCulture));
                TextWrap.Write(output, prefix, (bullet == "!" ? "See caution " : "See ") + string.Join(" ", numbers) + ".");
            }
        }

        private void Needed(IReadOnlyList<string> missing, string indent)
        {
            if (missing.Count > 0)
            {
                TextWrap.Write(output, indent + "Facts needed: ", Words(missing) + ".", indent.Length + 2);
            }
        }
    }
}
