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
/// reasons as data, the catalogue's wording by reference. Each distinct finding is written once in <c>findings</c>, as its
/// message (code and arguments) with only the fact, value, comparison, threshold and source that differ from the
/// catalogue's defaults for the code (<see cref="FindingDefaults"/>); each distinct summary, caution and nested message is
/// written once in <c>messages</c>, after the messages it refers to; everything else refers to them by index. A
/// <see langword="null"/> value or an empty list is left out (except <c>recommendations</c>, always written); properties
/// come in a fixed order and message arguments in the order the message holds them, so the same report gives the same bytes.
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

        // Many recommendations read the same facts (resectability, ECOG, timing) and share reasons (the candidacy, a
        // failing criterion): each distinct finding and message is written once, and referred to by index.
        var tables = new Tables();
        writer.WriteStartArray("recommendations");
        foreach (var result in report.Results)
        {
            WriteResult(writer, result, tables);
        }

        writer.WriteEndArray();
        if (tables.Findings.Count > 0)
        {
            writer.WriteStartArray("findings");
            foreach (var finding in tables.Findings)
            {
                WriteFinding(writer, finding, tables.MessageIndex);
            }

            writer.WriteEndArray();
        }

        if (tables.Messages.Count > 0)
        {
            writer.WriteStartArray("messages");
            foreach (var message in tables.Messages)
            {
                WriteMessage(writer, message, tables.MessageIndex);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a message as <c>{"code": …, "arguments": {…}}</c>, the arguments left out when there are none; a nested
    /// message is written as <c>{"message": index}</c> when <paramref name="indexOf"/> is given, else in full.
    /// </summary>
    public static void WriteMessage(Utf8JsonWriter writer, Message message, Func<Message, int>? indexOf = null)
    {
        writer.WriteStartObject();
        WriteMessageContent(writer, message, indexOf);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a finding as its message (code, arguments) followed by the fact, value, comparison, threshold and source
    /// that differ from the catalogue's defaults for the code (a property the catalogue gives but the finding lacks is
    /// written as <see langword="null"/>).
    /// </summary>
    public static void WriteFinding(Utf8JsonWriter writer, Finding finding, Func<Message, int>? indexOf = null)
    {
        writer.WriteStartObject();
        WriteMessageContent(writer, finding.Message, indexOf);
        var defaults = FindingDefaults.For(finding.Message.Code);
        Differing(writer, "fact", finding.Fact, defaults?.Fact);
        if (defaults is null || !defaults.Value.CoversValue(finding.Value, finding.Message))
        {
            writer.WriteString("value", finding.Value);
        }

        Differing(writer, "comparison", finding.Comparison, defaults?.Comparison);
        Differing(writer, "threshold", finding.Threshold, defaults?.Threshold);
        Differing(writer, "source", finding.Source, defaults?.Source);
        writer.WriteEndObject();
    }

    private static void Differing(Utf8JsonWriter writer, string name, string? value, FindingDefaults.Default? byDefault)
    {
        if (byDefault is { } d && d.Covers(value))
        {
            return;
        }

        if (value is not null)
        {
            writer.WriteString(name, value);
        }
        else if (byDefault is { IsSet: true })
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteMessageContent(Utf8JsonWriter writer, Message message, Func<Message, int>? indexOf)
    {
        writer.WriteString("code", message.Code);
        if (message.Arguments.Count > 0)
        {
            writer.WriteStartObject("arguments");
            var arguments = message.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                writer.WritePropertyName(argument.Key);
                WriteArgument(writer, argument.Value, indexOf);
            }

            writer.WriteEndObject();
        }
    }

    // The value types of MessageArguments: text, whole and decimal numbers (invariant), yes/no, ISO dates, nested
    // messages and lists of either. Anything else is a bug of the wording layer, not of the input.
    private static void WriteArgument(Utf8JsonWriter writer, object value, Func<Message, int>? indexOf)
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
                ReportWriter.WriteDateValue(writer, date);
                break;
            case Message nested:
                WriteNested(writer, nested, indexOf);
                break;
            case IReadOnlyList<string> texts:
                writer.WriteStartArray();
                for (var i = 0; i < texts.Count; i++)
                {
                    writer.WriteStringValue(texts[i]);
                }

                writer.WriteEndArray();
                break;
            case IReadOnlyList<Message> messages:
                writer.WriteStartArray();
                for (var i = 0; i < messages.Count; i++)
                {
                    WriteNested(writer, messages[i], indexOf);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException("A message argument has a type the report writer does not know: " + value.GetType().Name + ".");
        }
    }

    private static void WriteNested(Utf8JsonWriter writer, Message nested, Func<Message, int>? indexOf)
    {
        if (indexOf is null)
        {
            WriteMessage(writer, nested);
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("message", indexOf(nested));
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, RecommendationResult result, Tables tables)
    {
        writer.WriteStartObject();
        writer.WriteString("id", result.Id);
        writer.WriteString("status", result.Status.ToCode());
        writer.WriteString("consensus", result.Recommendation.Consensus.ToCode());
        var flags = result.Flags;
        if (flags.Count > 0)
        {
            writer.WriteStartArray("flags");
            for (var i = 0; i < flags.Count; i++)
            {
                writer.WriteStringValue(flags[i].ToCode());
            }

            writer.WriteEndArray();
        }

        writer.WriteNumber("summary", tables.Intern(result.SummaryMessage));
        var findings = result.Findings;
        if (findings.Count > 0)
        {
            writer.WriteStartArray("findings");
            for (var i = 0; i < findings.Count; i++)
            {
                writer.WriteNumberValue(tables.Add(findings[i]));
            }

            writer.WriteEndArray();
        }

        var cautions = result.CautionMessages;
        if (cautions.Count > 0)
        {
            writer.WriteStartArray("cautions");
            for (var i = 0; i < cautions.Count; i++)
            {
                writer.WriteNumberValue(tables.Intern(cautions[i]));
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

    // The report's distinct findings and messages, each with its zero-based index in order of first use (value
    // equality). A message is interned after the messages nested in it, so the list refers only backwards; a finding's
    // own message is written in the finding, and only the messages nested in it are interned.
    private sealed class Tables
    {
        private readonly Dictionary<Finding, int> findingIndices = new(FindingComparer.Instance);
        private readonly Dictionary<Message, int> messageIndices = new(MessageComparer.Instance);

        public Tables()
        {
            MessageIndex = message => messageIndices[message];
        }

        public List<Finding> Findings { get; } = new();

        public List<Message> Messages { get; } = new();

        public Func<Message, int> MessageIndex { get; }

        public int Add(Finding finding)
        {
            if (!findingIndices.TryGetValue(finding, out var index))
            {
                InternNested(finding.Message);
                index = Findings.Count;
                findingIndices.Add(finding, index);
                Findings.Add(finding);
            }

            return index;
        }

        public int Intern(Message message)
        {
            if (!messageIndices.TryGetValue(message, out var index))
            {
                InternNested(message);
                index = Messages.Count;
                messageIndices.Add(message, index);
                Messages.Add(message);
            }

            return index;
        }

        private void InternNested(Message message)
        {
            var arguments = message.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                switch (arguments[i].Value)
                {
                    case Message nested:
                        Intern(nested);
                        break;
                    case IReadOnlyList<Message> list:
                        for (var j = 0; j < list.Count; j++)
                        {
                            Intern(list[j]);
                        }

                        break;
                }
            }
        }
    }

    // Value equality of messages (Message.Equals) with a hash that allocates nothing (lists hashed by length and items).
    private sealed class MessageComparer : IEqualityComparer<Message>
    {
        public static readonly MessageComparer Instance = new();

        public bool Equals(Message? x, Message? y) => ReferenceEquals(x, y) || (x is not null && x.Equals(y));

        public int GetHashCode(Message message)
        {
            unchecked
            {
                var hash = StringComparer.Ordinal.GetHashCode(message.Code);
                var arguments = message.Arguments;
                for (var i = 0; i < arguments.Count; i++)
                {
                    hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(arguments[i].Key);
                    hash = (hash * 31) + ValueHash(arguments[i].Value);
                }

                return hash;
            }
        }

        private int ValueHash(object value)
        {
            unchecked
            {
                switch (value)
                {
                    case string text:
                        return StringComparer.Ordinal.GetHashCode(text);
                    case Message nested:
                        return GetHashCode(nested);
                    case IReadOnlyList<string> texts:
                        var h = texts.Count;
                        for (var i = 0; i < texts.Count; i++)
                        {
                            h = (h * 31) + StringComparer.Ordinal.GetHashCode(texts[i]);
                        }

                        return h;
                    case IReadOnlyList<Message> messages:
                        var m = messages.Count;
                        for (var i = 0; i < messages.Count; i++)
                        {
                            m = (m * 31) + GetHashCode(messages[i]);
                        }

                        return m;
                    default:
                        return value.GetHashCode();
                }
            }
        }
    }

    // Value equality of findings (Finding.Equals) with the message hashed by MessageComparer.
    private sealed class FindingComparer : IEqualityComparer<Finding>
    {
        public static readonly FindingComparer Instance = new();

        public bool Equals(Finding? x, Finding? y) => ReferenceEquals(x, y) || (x is not null && x.Equals(y));

        public int GetHashCode(Finding finding)
        {
            unchecked
            {
                var hash = (StringComparer.Ordinal.GetHashCode(finding.Fact) * 31) + StringComparer.Ordinal.GetHashCode(finding.Value);
                return (hash * 31) + MessageComparer.Instance.GetHashCode(finding.Message);
            }
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
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }
}
