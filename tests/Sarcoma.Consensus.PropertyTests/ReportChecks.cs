using System;
using System.Linq;
using System.Text;
using System.Threading;
using NodaTime;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.PropertyTests;

/// <summary>The properties every evaluation must have, whatever the patient.</summary>
internal static class ReportChecks
{
    private static readonly string[] CatalogOrder = RecommendationCatalog.All.Select(r => r.Id).ToArray();

    public static ConsensusEngine Engine { get; } = new();

    /// <summary>
    /// Evaluates, letting only the documented exception through: an invalid patient is a
    /// <see cref="PatientValidationException"/> naming at least one field; anything else is a failure of the property.
    /// </summary>
    /// <returns>The report, or <see langword="null"/> when the patient was rejected.</returns>
    public static ConsensusReport? EvaluateOrReject(Patient patient, LocalDate asOf, Counter? evaluated = null, Counter? rejected = null)
    {
        try
        {
            var report = Engine.Evaluate(patient, asOf);
            evaluated?.Increment();
            return report;
        }
        catch (PatientValidationException e)
        {
            rejected?.Increment();
            if (e.Errors.Count == 0 || e.Errors.Any(error => string.IsNullOrEmpty(error.Field) || string.IsNullOrEmpty(error.Message)))
            {
                throw new InvalidOperationException("A validation error must name a field and say what is wrong.");
            }

            return null;
        }
    }

    /// <summary>
    /// Checks a report: 34 results in catalog order (none when out of scope), insufficient data exactly when facts are
    /// named as missing, and the same bytes when evaluated again.
    /// </summary>
    public static void Holds(ConsensusReport report, Patient patient, LocalDate asOf)
    {
        if (report.Scope.InScope == false)
        {
            Require(report.Results.Count == 0 && report.OutOfScope is not null, "an out-of-scope report has no results and says why");
        }
        else
        {
            Require(report.Results.Count == 34, "34 results");
            Require(report.Results.Select(r => r.Id).SequenceEqual(CatalogOrder), "results in catalog order");
        }

        foreach (var result in report.Results)
        {
            var insufficient = result.Status == EvaluationStatus.InsufficientData;
            Require(insufficient == (result.Missing.Count > 0), $"{result.Id}: insufficient-data exactly when facts are named as missing ({result.Status}, {result.Missing.Count} missing)");
            Require(result.Missing.All(m => !string.IsNullOrWhiteSpace(m)), $"{result.Id}: missing facts are named");
        }

        // Evaluated again by a fresh engine: the same results, and (for one patient in eight, as it is the slow part)
        // the same JSON bytes.
        var again = new ConsensusEngine().Evaluate(patient, asOf);
        Require(Digest(again) == Digest(report), "the same patient gives the same results");
        if ((Digest(report).Length & 7) == 0)
        {
            Require(Json(again).AsSpan().SequenceEqual(Json(report)), "the same patient gives the same bytes");
        }
    }

    /// <summary>Every result's status, summary, findings, cautions and missing facts, and the derived concepts' answers.</summary>
    public static string Digest(ConsensusReport report)
    {
        var text = new StringBuilder();
        text.Append(report.Scope.InScope).Append('|').Append(report.Timing?.Timing).Append('|').Append(report.Oligometastatic?.Status)
            .Append('|').Append(report.LiverResection?.Status).Append('|').Append(report.FollowUp?.Visits.Count).Append('\n');
        foreach (var result in report.Results)
        {
            text.Append(result.Id).Append(' ').Append(result.Status).Append(' ').Append(result.Summary);
            foreach (var finding in result.Findings)
            {
                text.Append('|').Append(finding.Fact).Append('=').Append(finding.Value).Append(':').Append(finding.Sentence);
            }

            text.Append("|!").AppendJoin("|!", result.Cautions).Append("|?").AppendJoin("|?", result.Missing).Append('\n');
        }

        return text.ToString();
    }

    private static byte[] Json(ConsensusReport report) => ReportJson.SerializeToUtf8Bytes(report, JsonLayout.SingleLine);

    public static void Require(bool condition, string property)
    {
        if (!condition)
        {
            throw new PropertyException(property);
        }
    }

    /// <summary>A property that does not hold.</summary>
    internal sealed class PropertyException : Exception
    {
        public PropertyException(string message)
            : base(message)
        {
        }
    }

    /// <summary>A thread-safe count.</summary>
    internal sealed class Counter
    {
        private long value;

        public long Value => Interlocked.Read(ref value);

        public void Increment() => Interlocked.Increment(ref value);
    }
}
