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

/// <summary>Writes the full account of a <see cref="ConsensusReport"/> as plain text (<c>evaluate PATH --detail</c>): every sentence of every result, facts needed as JSON paths, lines unwrapped.</summary>
/// <remarks>
/// <para>
/// Order: the header (guideline, case label, evaluation date, scope); the derived concepts (timing and DFI,
/// oligometastatic status, TFI when known, liver-resection candidacy, imaging plan, focal therapy); the recommendations
/// in blocks, what applies first (in full, grouped by the guideline's 13 questions), then those that need facts (with
/// the facts named), then those that do not apply (one line each), then the three items that did not reach consensus,
/// apart and labelled as not being recommendations; the follow-up calendar when there is one; the disclaimer.
/// </para>
/// <para>Deterministic: the same report gives the same text (no clock, no culture, catalog order throughout).</para>
/// </remarks>
internal static class ReportTextFull
{
    private const string Indent = "       ";

    private static readonly EvaluationStatus[] BlockOrder =
        { EvaluationStatus.Applies, EvaluationStatus.InsufficientData, EvaluationStatus.DoesNotApply };

    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="label">The document's non-identifying case label, or <see langword="null"/>.</param>
    /// <param name="output">The writer.</param>
    public static void Write(ConsensusReport report, string? label, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        WriteHeader(report, label, output);
        if (report.Scope.InScope == false)
        {
            output.WriteLine();
            output.WriteLine("The consensus covers liver metastases of soft-tissue sarcoma other than GIST: no recommendation was evaluated.");
            output.WriteLine();
            ReportText.WriteProvenance(report, output, wrap: false);
            output.WriteLine();
            output.WriteLine(Labels.Disclaimer);
            return;
        }

        output.WriteLine();
        WriteDerivedConcepts(report, output);
        output.WriteLine();
        WriteRecommendations(report.Results, output);
        if (report.FollowUp is { } schedule)
        {
            output.WriteLine();
            output.WriteLine($"FOLLOW-UP CALENDAR (13.1), from the liver metastasectomy of {Date(schedule.MetastasectomyOn)}");
            FollowUpTable.Write(schedule, output);
        }

        output.WriteLine();
        ReportText.WriteProvenance(report, output, wrap: false);
        output.WriteLine();
        output.WriteLine(Labels.Disclaimer);
    }

    private static void WriteHeader(ConsensusReport report, string? label, TextWriter output)
    {
        output.WriteLine("Liver metastases of soft tissue sarcoma: consensus report");
        output.WriteLine($"Guideline: {report.Guideline.Citation}");
        if (!string.IsNullOrWhiteSpace(label))
        {
            // The reader rejects control characters in a label; escape them anyway, so no line of this report can come from input.
            output.WriteLine($"Case: {Input.DisplayText.Escape(label)}");
        }

        output.WriteLine($"As of: {Date(report.AsOf)}");
        string scope = report.Scope.InScope switch
        {
            true => "in scope (soft-tissue sarcoma other than GIST).",
            false => $"OUT OF SCOPE. {report.OutOfScope}",
            null => $"not confirmed. {report.Scope.Note}",
        };
        output.WriteLine($"Scope: {scope}");
    }

    private static void WriteDerivedConcepts(ConsensusReport report, TextWriter output)
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
            Sentences(timing.Findings.Select(f => f.Sentence), output);
            Caution(timing.BoundaryCaution, output);
            output.WriteLine($"  Disease-free interval: {timing.DiseaseFreeInterval.Sentence()}");
            Needed(timing.Missing, output);
        }

        if (report.Oligometastatic is { } omd)
        {
            output.WriteLine($"Oligometastatic disease (1.1/1.2): {Labels.Words(omd.Status)}.");
            Sentences(omd.Findings.Select(f => f.Sentence), output);
            if (omd.FailingCriteria.Count > 0)
            {
                output.WriteLine($"  Criteria not met: {string.Join("; ", omd.FailingCriteria)}.");
            }

            Needed(omd.Missing, output);
        }

        if (report.TreatmentFreeInterval is { IsKnown: true } tfi)
        {
            output.WriteLine($"Treatment-free interval (9.1): {tfi.Describe()}.");
            Sentences(new[] { tfi.Sentence() }, output);
        }

        if (report.LiverResection is { } candidacy)
        {
            output.WriteLine($"Surgical candidacy (5.3, 10.1): {candidacy.Candidate switch { Oligometastasis.TriState.Yes => "a candidate", Oligometastasis.TriState.No => "not a candidate", _ => "not yet known" }}.");
            Sentences(new[] { candidacy.CandidateFinding.Sentence }, output);
            Needed(candidacy.CandidateMissing, output);
            output.WriteLine($"Liver resection on the table: {Labels.Words(candidacy.Status)}.");
            Sentences(new[] { candidacy.Reason }, output);
            Needed(candidacy.Missing, output);
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
                output.WriteLine($"  - {item.Name}: {indicated}; {item.DoneStatus}. {item.Reason}");
                output.WriteLine($"    Basis: {item.Basis}.");
                if (item.Caveat is { } caveat)
                {
                    output.WriteLine($"    ! {caveat}");
                }

                if (item.Missing.Count > 0)
                {
                    output.WriteLine($"    Facts needed: {string.Join(", ", item.Missing)}.");
                }
            }
        }

        if (report.FocalTherapy is { } focal)
        {
            output.WriteLine("Focal therapy (section 3.10):");
            Sentences(focal.Findings.Where(f => f.Fact != FocalTherapy.FocalTherapyAssessment.ModalitiesName).Select(f => f.Sentence), output);
            foreach (var caution in focal.Cautions)
            {
                Caution(caution, output);
            }
        }
    }

    private static void WriteRecommendations(IReadOnlyList<RecommendationResult> results, TextWriter output)
    {
        var voted = results.Where(r => r.Recommendation.ReachedConsensus).ToList();
        var notReached = results.Where(r => !r.Recommendation.ReachedConsensus).ToList();
        int Count(EvaluationStatus status) => voted.Count(r => r.Status == status);

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"RECOMMENDATIONS: {results.Count} evaluated. {Count(EvaluationStatus.Applies)} apply, {Count(EvaluationStatus.InsufficientData)} need facts, {Count(EvaluationStatus.DoesNotApply)} do not apply; {notReached.Count} without consensus are shown apart, for information."));

        foreach (var status in BlockOrder)
        {
            var block = voted.Where(r => r.Status == status).ToList();
            if (block.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Labels.Heading(status)} ({block.Count})"));
            if (status == EvaluationStatus.DoesNotApply)
            {
                foreach (var result in block)
                {
                    output.WriteLine($"  {result.Id,-5}{result.Recommendation.ShortTitle} {Grade(result)}: {result.Summary}");
                }

                continue;
            }

            if (status == EvaluationStatus.InsufficientData)
            {
                var needed = block.SelectMany(r => r.Missing).Distinct(StringComparer.Ordinal).ToList();
                output.WriteLine($"  To complete these, record: {string.Join(", ", needed)}.");
            }

            foreach (var section in block.GroupBy(r => r.Recommendation.Section.Number))
            {
                output.WriteLine();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{section.Key}. {section.First().Recommendation.Section.Question}"));
                foreach (var result in section)
                {
                    WriteItem(result, output);
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
                WriteItem(result, output);
            }
        }
    }

    private static void WriteItem(RecommendationResult result, TextWriter output)
    {
        var recommendation = result.Recommendation;
        output.WriteLine($"  {result.Id,-5}{recommendation.ShortTitle}");
        if (!recommendation.ReachedConsensus)
        {
            output.WriteLine($"{Indent}{Labels.NoConsensusNotice}. Status for this patient: {Labels.Words(result.Status)}.");
        }

        output.WriteLine($"{Indent}Grade {recommendation.Grade}; {Consensus(result)}.");
        output.WriteLine($"{Indent}{result.Summary}");
        if (result.Missing.Count > 0)
        {
            output.WriteLine($"{Indent}Facts needed: {string.Join(", ", result.Missing)}.");
        }

        foreach (var finding in result.Findings)
        {
            output.WriteLine($"{Indent}- {finding.Sentence}");
        }

        foreach (var caution in result.Cautions)
        {
            output.WriteLine($"{Indent}! {caution}");
        }
    }

    private static string Consensus(RecommendationResult result)
    {
        var r = result.Recommendation;
        string votes = string.Create(CultureInfo.InvariantCulture, $"{r.Votes.Yes}/{r.Votes.Total} votes, {CatalogTable.FormatPercent(r.Votes.AgreementPercent)}");
        return r.ReachedConsensus ? $"consensus {r.Consensus.ToCode()} ({votes})" : $"consensus not reached ({votes})";
    }

    private static string Grade(RecommendationResult result) =>
        $"{result.Recommendation.Grade}, {Labels.ForTable(result.Recommendation.Consensus)}";

    private static void Sentences(IEnumerable<string> sentences, TextWriter output)
    {
        foreach (var sentence in sentences)
        {
            output.WriteLine($"  - {sentence}");
        }
    }

    private static void Caution(string? caution, TextWriter output)
    {
        if (caution is not null)
        {
            output.WriteLine($"  ! {caution}");
        }
    }

    private static void Needed(IReadOnlyList<string> missing, TextWriter output)
    {
        if (missing.Count > 0)
        {
            output.WriteLine($"  Facts needed: {string.Join(", ", missing)}.");
        }
    }

    private static string Date(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);
}
