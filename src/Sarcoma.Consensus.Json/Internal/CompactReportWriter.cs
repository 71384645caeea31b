using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// Writes a <see cref="ConsensusReport"/> in the shape of <c>docs/schema/report-compact.schema.json</c>: decisions and
/// reasons as data, the catalogue's wording by reference, each distinct finding and caution once (a recommendation
/// refers to them by index). A <see langword="null"/> value or an empty list is left out
/// (except <c>recommendations</c>, always written); properties come in a fixed order and message arguments in the order
/// the message holds them, so the same report gives the same bytes.
/// </summary>
internal static class CompactReportWriter
{
    public static void Write(Utf8JsonWriter writer, ConsensusReport report, ReportJsonOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("layout", "compact");
        if (options.LineNumber is { } line)
        {
            writer.WriteNumber("line", line);
        }

        OptionalString(writer, "label", options.Label);
        ReportWriter.WriteProvenance(writer, report.Provenance);
        writer.WriteString("asOf", ReportWriter.Format(report.AsOf));

        writer.WriteStartObject("scope");
        if (report.Scope.InScope is { } inScope)
        {
            writer.WriteBoolean("inScope", inScope);
        }

        OptionalString(writer, "outOfScope", report.OutOfScope);
        OptionalString(writer, "note", report.Scope.Note);
        writer.WriteEndObject();

        WriteTiming(writer, report.Timing);
        WriteOligometastatic(writer, report.Oligometastatic);
        if (report.TreatmentFreeInterval is { } tfi)
        {
            writer.WritePropertyName("treatmentFreeInterval");
            WriteInterval(writer, tfi);
        }

        WriteLiverResection(writer, report.LiverResection);
        WriteFollowUp(writer, report.FollowUp);

        // Many recommendations read the same facts (resectability, ECOG, timing): each distinct finding and caution is
        // written once, in order of first use, and a recommendation lists the indices of its own.
        var findings = new Table<Finding>();
        var cautions = new Table<Message>();
        writer.WriteStartArray("recommendations");
        foreach (var result in report.Results)
        {
            WriteResult(writer, result, findings, cautions);
        }

        writer.WriteEndArray();
        if (findings.Items.Count > 0)
        {
            writer.WriteStartArray("findings");
            foreach (var finding in findings.Items)
            {
                WriteFinding(writer, finding);
            }

            writer.WriteEndArray();
        }

        if (cautions.Items.Count > 0)
        {
            writer.WriteStartArray("cautions");
            foreach (var caution in cautions.Items)
            {
                WriteMessage(writer, caution);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a message as <c>{"code": …, "arguments": {…}}</c>, the arguments left out when there are none.</summary>
    public static void WriteMessage(Utf8JsonWriter writer, Message message)
    {
        writer.WriteStartObject();
        writer.WriteString("code", message.Code);
        if (message.Arguments.Count > 0)
        {
            writer.WriteStartObject("arguments");
            foreach (var argument in message.Arguments)
            {
                writer.WritePropertyName(argument.Key);
                WriteArgument(writer, argument.Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a finding: fact, value, then comparison, threshold and source when recorded, then the message.</summary>
    public static void WriteFinding(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("fact", finding.Fact);
        writer.WriteString("value", finding.Value);
        OptionalString(writer, "comparison", finding.Comparison);
        OptionalString(writer, "threshold", finding.Threshold);
        OptionalString(writer, "source", finding.Source);
        writer.WritePropertyName("message");
        WriteMessage(writer, finding.Message);
        writer.WriteEndObject();
    }

    // The value types of MessageArguments: text, whole and decimal numbers (invariant), yes/no, ISO dates, nested
    // messages and lists of either. Anything else is a bug of the wording layer, not of the input.
    private static void WriteArgument(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteRawValue(number.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case LocalDate date:
                writer.WriteStringValue(ReportWriter.Format(date));
                break;
            case Message nested:
                WriteMessage(writer, nested);
                break;
            case IReadOnlyList<string> texts:
                writer.WriteStartArray();
                foreach (var text in texts)
                {
                    writer.WriteStringValue(text);
                }

                writer.WriteEndArray();
                break;
            case IReadOnlyList<Message> messages:
                writer.WriteStartArray();
                foreach (var message in messages)
                {
                    WriteMessage(writer, message);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException("A message argument has a type the report writer does not know: " + value.GetType().Name + ".");
        }
    }

    private static void WriteResult(Utf8JsonWriter writer, RecommendationResult result, Table<Finding> findings, Table<Message> cautions)
    {
        writer.WriteStartObject();
        writer.WriteString("id", result.Id);
        writer.WriteString("status", result.Status.ToCode());
        writer.WriteString("consensus", result.Recommendation.Consensus.ToCode());
        if (result.Flags.Count > 0)
        {
            writer.WriteStartArray("flags");
            foreach (var flag in result.Flags)
            {
                writer.WriteStringValue(flag.ToCode());
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName("summary");
        WriteMessage(writer, result.SummaryMessage);
        if (result.Findings.Count > 0)
        {
            writer.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                writer.WriteNumberValue(findings.IndexOf(finding));
            }

            writer.WriteEndArray();
        }

        if (result.CautionMessages.Count > 0)
        {
            writer.WriteStartArray("cautions");
            foreach (var caution in result.CautionMessages)
            {
                writer.WriteNumberValue(cautions.IndexOf(caution));
            }

            writer.WriteEndArray();
        }

        OptionalStrings(writer, "missing", result.Missing);
        writer.WriteEndObject();
    }

    private static void WriteTiming(Utf8JsonWriter writer, TimingAssessment? timing)
    {
        if (timing is null)
        {
            return;
        }

        writer.WriteStartObject("timing");
        OptionalString(writer, "timing", timing.Timing is { } t ? Codes.Timing.ToCode(t) : null);
        if (timing.AtWindowBoundary)
        {
            writer.WriteBoolean("atWindowBoundary", true);
        }

        writer.WritePropertyName("diseaseFreeInterval");
        WriteInterval(writer, timing.DiseaseFreeInterval);
        OptionalStrings(writer, "missing", timing.Missing);
        writer.WriteEndObject();
    }

    private static void WriteOligometastatic(Utf8JsonWriter writer, OligometastaticAssessment? omd)
    {
        if (omd is null)
        {
            return;
        }

        writer.WriteStartObject("oligometastatic");
        writer.WriteString("status", Codes.TriState.ToCode(omd.Status));
        OptionalInteger(writer, "lesionCount", omd.LesionCount);
        OptionalInteger(writer, "siteCount", omd.SiteCount);
        OptionalStrings(writer, "missing", omd.Missing);
        writer.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter writer, IntervalAssessment interval)
    {
        writer.WriteStartObject();
        OptionalInteger(writer, "months", interval.CompletedMonths);
        OptionalInteger(writer, "days", interval.ExtraDays);
        OptionalString(writer, "from", interval.From is { } from ? ReportWriter.Format(from) : null);
        OptionalString(writer, "to", interval.To is { } to ? ReportWriter.Format(to) : null);
        OptionalStrings(writer, "missing", interval.Missing);
        writer.WriteEndObject();
    }

    private static void WriteLiverResection(Utf8JsonWriter writer, LiverResectionCandidacy? candidacy)
    {
        if (candidacy is null)
        {
            return;
        }

        writer.WriteStartObject("liverResection");
        writer.WriteString("status", Codes.TriState.ToCode(candidacy.Status));
        OptionalStrings(writer, "missing", candidacy.Missing);
        writer.WriteString("candidate", Codes.TriState.ToCode(candidacy.Candidate));
        OptionalStrings(writer, "candidateMissing", candidacy.CandidateMissing);
        writer.WriteEndObject();
    }

    private static void WriteFollowUp(Utf8JsonWriter writer, FollowUpSchedule? schedule)
    {
        if (schedule is null)
        {
            return;
        }

        writer.WriteStartObject("followUp");
        writer.WriteString("metastasectomyOn", ReportWriter.Format(schedule.MetastasectomyOn));
        if (schedule.NextVisit is { } visit)
        {
            writer.WriteStartObject("nextVisit");
            writer.WriteNumber("number", visit.Number);
            writer.WriteString("dueOn", ReportWriter.Format(visit.DueOn));
            writer.WriteString("earliestOn", ReportWriter.Format(visit.EarliestOn));
            writer.WriteString("latestOn", ReportWriter.Format(visit.LatestOn));
            OptionalString(writer, "standing", visit.Standing is { } standing ? Codes.VisitStanding.ToCode(standing) : null);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    // Distinct items in order of first use (value equality), each with its zero-based index.
    private sealed class Table<T>
        where T : notnull
    {
        private readonly Dictionary<T, int> indices = new();

        public List<T> Items { get; } = new();

        public int IndexOf(T item)
        {
            if (!indices.TryGetValue(item, out var index))
            {
                index = Items.Count;
                indices.Add(item, index);
                Items.Add(item);
            }

            return index;
        }
    }

    private static void OptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void OptionalInteger(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private static void OptionalStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
