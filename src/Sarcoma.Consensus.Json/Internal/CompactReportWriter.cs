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
/// reasons as data, everything that belongs to a code rather than to the patient by reference to the compact catalogue
/// (<see cref="ReportJson.CompactCatalog(string)"/>), identified by <c>compactCatalogHash</c>.
/// </summary>
/// <remarks>
/// <para>
/// A message is written as a tuple <c>[key, {arguments}]</c>: <c>key</c> is the code's number in the catalogue's key table
/// (<see cref="MessageKeys"/>; a code the table lacks, such as <c>literal</c>, is spelled out and then always followed by
/// its arguments object); the arguments leave out those equal to the code's argument defaults (an argument the defaults
/// name but the message lacks is written <see langword="null"/>), and the object is left out when empty. A finding is
/// <c>[key, {arguments}, {fact, value, comparison, threshold, source}]</c>, the last object holding only what differs
/// from the code's finding defaults (<see langword="null"/>: none although the code has a default) and left out when
/// empty (then an empty arguments object is left out too).
/// </para>
/// <para>
/// Each distinct finding is written once, in <c>findings</c>, and referred to by index. A message used in more than one
/// place (a summary, a caution or a nested argument) is written once, in <c>messages</c>, after the shared messages it
/// refers to, and referred to as <c>{"m": index}</c>; a message used once is written where it is used. A summary that is
/// the argument-less message <c>&lt;id&gt;.&lt;status&gt;</c> is left out. Missing facts are indices into <c>facts</c>,
/// the report's distinct fact names in order of first use. Recommendations are an object by id, in catalogue order, with
/// two-letter property names (<c>st</c>atus, <c>co</c>nsensus, <c>fl</c>ags, <c>su</c>mmary, <c>fi</c>ndings,
/// <c>ca</c>utions, <c>mi</c>ssing). A <see langword="null"/> value or an empty list is left out (except
/// <c>recommendations</c>, always written); properties come in a fixed order and arguments in the order the message
/// holds them, so the same report gives the same bytes.
/// </para>
/// </remarks>
internal static class CompactReportWriter
{
    // The result's property names and the shared-message reference, encoded once (not transcoded and checked for
    // escaping on every write).
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("st");
    private static readonly JsonEncodedText ConsensusName = JsonEncodedText.Encode("co");
    private static readonly JsonEncodedText FlagsName = JsonEncodedText.Encode("fl");
    private static readonly JsonEncodedText SummaryName = JsonEncodedText.Encode("su");
    private static readonly JsonEncodedText FindingsName = JsonEncodedText.Encode("fi");
    private static readonly JsonEncodedText CautionsName = JsonEncodedText.Encode("ca");
    private static readonly JsonEncodedText MissingName = JsonEncodedText.Encode("mi");
    private static readonly JsonEncodedText SharedName = JsonEncodedText.Encode("m");

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
        writer.WriteString("compactCatalogHash", MessageKeys.Hash);
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
        // failing criterion): the tables are planned first, so each distinct finding and shared message is written once.
        var tables = Tables.Rent();
        try
        {
            WriteResults(writer, report, tables);
        }
        finally
        {
            tables.Return();
        }

        writer.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter writer, ConsensusReport report, Tables tables)
    {
        foreach (var result in report.Results)
        {
            tables.Plan(result);
        }

        tables.Seal();
        writer.WriteStartObject("recommendations");
        foreach (var result in report.Results)
        {
            WriteResult(writer, result, tables);
        }

        writer.WriteEndObject();
        if (tables.Findings.Count > 0)
        {
            writer.WriteStartArray("findings");
            foreach (var finding in tables.Findings)
            {
                WriteFinding(writer, finding, tables);
            }

            writer.WriteEndArray();
        }

        if (tables.Shared.Count > 0)
        {
            writer.WriteStartArray("messages");
            foreach (var message in tables.Shared)
            {
                WriteTuple(writer, message, null, tables);
            }

            writer.WriteEndArray();
        }

        if (tables.Facts.Count > 0)
        {
            writer.WriteStartArray("facts");
            foreach (var fact in tables.Facts)
            {
                writer.WriteStringValue(fact);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>Writes a message as a tuple <c>[key, {arguments}]</c>, nested messages in full (no tables).</summary>
    public static void WriteMessage(Utf8JsonWriter writer, Message message) => WriteTuple(writer, message, null, null);

    /// <summary>Writes a finding as a tuple <c>[key, {arguments}, {differences}]</c>, nested messages in full (no tables).</summary>
    public static void WriteFinding(Utf8JsonWriter writer, Finding finding) => WriteTuple(writer, finding.Message, finding, null);

    private static void WriteFinding(Utf8JsonWriter writer, Finding finding, Tables tables) => WriteTuple(writer, finding.Message, finding, tables);

    /// <summary>Whether a summary is the argument-less message <c>&lt;id&gt;.&lt;status&gt;</c>, which the layout leaves out.</summary>
    public static bool IsDefaultSummary(RecommendationResult result)
    {
        var summary = result.SummaryMessage;
        if (summary.Arguments.Count != 0)
        {
            return false;
        }

        var code = summary.Code;
        var id = result.Id;
        var status = result.Status.ToCode();
        return code.Length == id.Length + 1 + status.Length
            && code.StartsWith(id, StringComparison.Ordinal)
            && code[id.Length] == '.'
            && code.EndsWith(status, StringComparison.Ordinal);
    }

    private static void WriteTuple(Utf8JsonWriter writer, Message message, Finding? finding, Tables? tables)
    {
        writer.WriteStartArray();
        // One probe of the catalogue's ordinal table. (A cache in front of it, keyed by the code string's identity hash,
        // cost more: codes built at run time are new strings, for which RuntimeHelpers.GetHashCode takes its slow path.)
        var code = CodeInfo.For(message.Code);
        var keyed = code is { Keyed: true };
        if (keyed)
        {
            writer.WriteNumberValue(code!.Key);
        }
        else
        {
            writer.WriteStringValue(message.Code);
        }

        var defaults = code?.Arguments;
        var findingDefaults = code?.Finding;
        var differs = finding is not null && FindingDiffers(finding, findingDefaults);

        // The arguments object is written when it has an argument, when differences follow it, or after a spelled-out
        // code (so that a tuple never reads as a list of texts).
        var open = false;
        if (!keyed || differs)
        {
            writer.WriteStartObject();
            open = true;
        }

        var arguments = message.Arguments;
        var argumentCount = arguments.Count;
        for (var i = 0; i < argumentCount; i++)
        {
            var argument = arguments[i];
            if (defaults is not null && IsDefault(defaults, argument.Key, argument.Value))
            {
                continue;
            }

            Open(writer, ref open);
            writer.WritePropertyName(argument.Key);

            WriteArgument(writer, argument.Value, tables);
        }

        if (defaults is not null)
        {
            foreach (var byDefault in defaults)
            {
                if (arguments.Get(byDefault.Name) is null)
                {
                    Open(writer, ref open);
                    writer.WriteNull(byDefault.Name);
                }
            }
        }

        if (open)
        {
            writer.WriteEndObject();
        }

        if (differs)
        {
            WriteDifferences(writer, finding!, findingDefaults);
        }

        writer.WriteEndArray();
    }

    private static void Open(Utf8JsonWriter writer, ref bool open)
    {
        if (!open)
        {
            writer.WriteStartObject();
            open = true;
        }
    }

    private static bool IsDefault(FindingDefaults.ArgumentDefault[] defaults, string name, object value)
    {
        for (var i = 0; i < defaults.Length; i++)
        {
            if (string.Equals(defaults[i].Name, name, StringComparison.Ordinal))
            {
                return defaults[i].Matches(value);
            }
        }

        return false;
    }

    // The fact, value, comparison, threshold and source that differ from the catalogue's defaults for the code (a
    // property the catalogue gives but the finding lacks is written as null).
    private static bool FindingDiffers(Finding finding, FindingDefaults.Entry? defaults)
    {
        return Differs(finding.Fact, defaults?.Fact)
            || defaults is null || !defaults.Value.CoversValue(finding.Value, finding.Message)
            || Differs(finding.Comparison, defaults.Comparison)
            || Differs(finding.Threshold, defaults.Threshold)
            || Differs(finding.Source, defaults.Source);
    }

    private static bool Differs(string? value, FindingDefaults.Default? byDefault) =>
        !(byDefault is { } d && d.Covers(value)) && (value is not null || byDefault is { IsSet: true });

    private static void WriteDifferences(Utf8JsonWriter writer, Finding finding, FindingDefaults.Entry? defaults)
    {
        writer.WriteStartObject();
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

    // The value types of MessageArguments: text, whole and decimal numbers (invariant), yes/no, ISO dates, nested
    // messages and lists of either. Anything else is a bug of the wording layer, not of the input.
    private static void WriteArgument(Utf8JsonWriter writer, object value, Tables? tables)
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
                WriteUse(writer, nested, tables);
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
                    WriteUse(writer, messages[i], tables);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException("A message argument has a type the report writer does not know: " + value.GetType().Name + ".");
        }
    }

    // A use of a message: {"m": index} when it is shared, else the message itself.
    private static void WriteUse(Utf8JsonWriter writer, Message message, Tables? tables)
    {
        if (tables is not null && tables.SharedIndex(message) is { } index)
        {
            WriteSharedReference(writer, index);
            return;
        }

        WriteTuple(writer, message, null, tables);
    }

    // A use of a message whose slot the plan recorded: as WriteUse, without looking the message up again.
    private static void WritePlannedUse(Utf8JsonWriter writer, Message message, int slot, Tables tables)
    {
        if (tables.SharedIndexOfSlot(slot) is { } index)
        {
            WriteSharedReference(writer, index);
            return;
        }

        WriteTuple(writer, message, null, tables);
    }

    private static void WriteSharedReference(Utf8JsonWriter writer, int index)
    {
        writer.WriteStartObject();
        writer.WriteNumber(SharedName, index);
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, RecommendationResult result, Tables tables)
    {
        writer.WriteStartObject(result.Id);
        writer.WriteString(StatusName, result.Status.ToCode());
        writer.WriteString(ConsensusName, result.Recommendation.Consensus.ToCode());
        var flags = result.Flags;
        if (flags.Count > 0)
        {
            writer.WriteStartArray(FlagsName);
            for (var i = 0; i < flags.Count; i++)
            {
                writer.WriteStringValue(flags[i].ToCode());
            }

            writer.WriteEndArray();
        }

        // The plan recorded, in this order, the summary's slot, the findings' indices, the cautions' slots and the
        // missing facts' indices of every result: they are read back here instead of being looked up again.
        var summarySlot = tables.NextPlanned();
        if (summarySlot >= 0)
        {
            writer.WritePropertyName(SummaryName);
            WritePlannedUse(writer, result.SummaryMessage, summarySlot, tables);
        }

        var findingCount = result.Findings.Count;
        if (findingCount > 0)
        {
            writer.WriteStartArray(FindingsName);
            for (var i = 0; i < findingCount; i++)
            {
                writer.WriteNumberValue(tables.NextPlanned());
            }

            writer.WriteEndArray();
        }

        var cautions = result.CautionMessages;
        var cautionCount = cautions.Count;
        if (cautionCount > 0)
        {
            writer.WriteStartArray(CautionsName);
            for (var i = 0; i < cautionCount; i++)
            {
                WritePlannedUse(writer, cautions[i], tables.NextPlanned(), tables);
            }

            writer.WriteEndArray();
        }

        var missingCount = result.Missing.Count;
        if (missingCount > 0)
        {
            writer.WriteStartArray(MissingName);
            for (var i = 0; i < missingCount; i++)
            {
                writer.WriteNumberValue(tables.NextPlanned());
            }

            writer.WriteEndArray();
        }

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

    // The plan of the report's tables: its distinct findings (in order of first use), how often each distinct message
    // is used where it is written (a summary, a caution, a nested argument of a message written once), the messages
    // used more than once (in order of first use, each after the messages nested in it), and the distinct missing facts.
    // One instance per thread, cleared between reports (its dictionaries keep their capacity); each lookup is one
    // dictionary probe with a shallow hash (MessageComparer).
    private sealed class Tables
    {
        [ThreadStatic]
        private static Tables? cached;

        private readonly MessageComparer messages;
        private readonly Dictionary<Finding, int> findingIndices;
        private readonly Dictionary<Message, int> slots;
        private readonly List<Message> firstUses = new();
        private readonly List<int> useCounts = new();
        private readonly List<int> sharedOfSlot = new();
        private readonly Dictionary<string, int> factIndices = new(StringComparer.Ordinal);

        // What the plan found for each result, in the order the results are written (see WriteResult).
        private readonly List<int> planned = new();

        private int nextPlanned;
        private bool inUse;

        private Tables()
        {
            messages = new MessageComparer();
            findingIndices = new Dictionary<Finding, int>(new FindingComparer(messages));
            slots = new Dictionary<Message, int>(messages);
        }

        public List<Finding> Findings { get; } = new();

        public List<Message> Shared { get; } = new();

        public List<string> Facts { get; } = new();

        // The thread's instance, or a new one when it is in use (a report written while another is being written).
        public static Tables Rent()
        {
            var tables = cached;
            if (tables is null || tables.inUse)
            {
                tables = new Tables();
                cached ??= tables;
            }

            tables.inUse = true;
            return tables;
        }

        public void Return()
        {
            findingIndices.Clear();
            slots.Clear();
            firstUses.Clear();
            useCounts.Clear();
            sharedOfSlot.Clear();
            factIndices.Clear();
            planned.Clear();
            nextPlanned = 0;
            Findings.Clear();
            Shared.Clear();
            Facts.Clear();
            inUse = false;
        }

        // Plans a result's uses and records, in writing order, its summary's slot (-1 when the summary is left out),
        // its findings' indices, its cautions' slots and its missing facts' indices (read back by NextPlanned).
        public void Plan(RecommendationResult result)
        {
            planned.Add(IsDefaultSummary(result) ? -1 : Use(result.SummaryMessage));

            var findings = result.Findings;
            var findingCount = findings.Count;
            for (var i = 0; i < findingCount; i++)
            {
                var finding = findings[i];

                // Evaluators share finding instances (a derived concept's findings): the shallow hash is a few operations
                // and an instance seen already compares equal by reference. (An identity-keyed dictionary in front of it
                // cost more: RuntimeHelpers.GetHashCode takes its slow path for each new instance, most of them.)
                if (!findingIndices.TryGetValue(finding, out var index))
                {
                    // A finding's own message is written in the finding; only the messages nested in it are used.
                    UseNested(finding.Message);
                    index = Findings.Count;
                    findingIndices.Add(finding, index);
                    Findings.Add(finding);
                }

                planned.Add(index);
            }

            var cautions = result.CautionMessages;
            var cautionCount = cautions.Count;
            for (var i = 0; i < cautionCount; i++)
            {
                planned.Add(Use(cautions[i]));
            }

            var missing = result.Missing;
            var missingCount = missing.Count;
            for (var i = 0; i < missingCount; i++)
            {
                if (!factIndices.TryGetValue(missing[i], out var index))
                {
                    index = Facts.Count;
                    factIndices.Add(missing[i], index);
                    Facts.Add(missing[i]);
                }

                planned.Add(index);
            }
        }

        // The next value recorded by Plan, in the order it recorded them.
        public int NextPlanned() => planned[nextPlanned++];

        public int? SharedIndexOfSlot(int slot) => sharedOfSlot[slot] is var index && index >= 0 ? index : null;

        public void Seal()
        {
            for (var slot = 0; slot < firstUses.Count; slot++)
            {
                if (useCounts[slot] > 1)
                {
                    sharedOfSlot.Add(Shared.Count);
                    Shared.Add(firstUses[slot]);
                }
                else
                {
                    sharedOfSlot.Add(-1);
                }
            }
        }

        public int? SharedIndex(Message message) =>
            Shared.Count > 0 && slots.TryGetValue(message, out var slot) && sharedOfSlot[slot] is var index && index >= 0 ? index : null;

        // A message is written once, so the messages nested in it are used once more only the first time it is used.
        // Returns the message's slot.
        private int Use(Message message)
        {
            if (slots.TryGetValue(message, out var slot))
            {
                useCounts[slot]++;
                return slot;
            }

            // The nested messages first, so that a shared message comes after those it refers to.
            UseNested(message);
            slot = firstUses.Count;
            slots.Add(message, slot);
            useCounts.Add(1);
            firstUses.Add(message);
            return slot;
        }

        private void UseNested(Message message)
        {
            var arguments = message.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                switch (arguments[i].Value)
                {
                    case Message nested:
                        _ = Use(nested);
                        break;
                    case IReadOnlyList<Message> list:
                        for (var j = 0; j < list.Count; j++)
                        {
                            _ = Use(list[j]);
                        }

                        break;
                }
            }
        }
    }

    // What the compact layout needs of a message code, found with one lookup: its key in the catalogue's key table (none
    // for a code the table lacks, such as literal), its argument defaults and its finding defaults.
    private sealed class CodeInfo
    {
        private static readonly Lazy<Dictionary<string, CodeInfo>> Table = new(Build);

        private CodeInfo(bool keyed, int key, FindingDefaults.ArgumentDefault[]? arguments, FindingDefaults.Entry? finding)
        {
            Keyed = keyed;
            Key = key;
            Arguments = arguments;
            Finding = finding;
        }

        public bool Keyed { get; }

        public int Key { get; }

        public FindingDefaults.ArgumentDefault[]? Arguments { get; }

        public FindingDefaults.Entry? Finding { get; }

        public static CodeInfo? For(string code) => Table.Value.TryGetValue(code, out var info) ? info : null;

        private static Dictionary<string, CodeInfo> Build()
        {
            var codes = new HashSet<string>(MessageKeys.Codes, StringComparer.Ordinal);
            codes.UnionWith(FindingDefaults.All.Keys);
            codes.UnionWith(FindingDefaults.AllArguments.Keys);
            var table = new Dictionary<string, CodeInfo>(codes.Count, StringComparer.Ordinal);
            foreach (var code in codes)
            {
                var keyed = MessageKeys.TryGetKey(code, out var key);
                table.Add(code, new CodeInfo(keyed, key, FindingDefaults.ArgumentsFor(code), FindingDefaults.For(code)));
            }

            return table;
        }
    }

    // Value equality of messages (Message.Equals) with a shallow hash that allocates nothing and costs a few operations
    // per argument: texts by length and three characters, nested messages by their code, lists by length. Equal
    // messages hash alike; the rare unequal ones that collide are told apart by Equals, so the hash changes speed only,
    // never the output (the tables' order is the order of first use).
    private sealed class MessageComparer : IEqualityComparer<Message>
    {
        public bool Equals(Message? x, Message? y) => ReferenceEquals(x, y) || (x is not null && x.Equals(y));

        public int GetHashCode(Message message)
        {
            unchecked
            {
                var hash = Quick(message.Code);
                var arguments = message.Arguments;
                for (var i = 0; i < arguments.Count; i++)
                {
                    hash = (hash * 31) + Quick(arguments[i].Key);
                    hash = (hash * 31) + ValueHash(arguments[i].Value);
                }

                return hash;
            }
        }

        // The hash of a finding: its fact, value and message.
        public int FindingHash(Finding finding)
        {
            unchecked
            {
                var hash = (Quick(finding.Fact) * 31) + Quick(finding.Value);
                return (hash * 31) + GetHashCode(finding.Message);
            }
        }

        private static int ValueHash(object value)
        {
            switch (value)
            {
                case string text:
                    return Quick(text);
                case Message nested:
                    return Quick(nested.Code) ^ nested.Arguments.Count;
                case int number:
                    return number;
                case bool flag:
                    return flag ? 1 : 0;
                case LocalDate date:
                    return date.GetHashCode();
                case decimal number:
                    return number.GetHashCode();
                case IReadOnlyList<string> texts:
                    return texts.Count == 0 ? 0 : unchecked((texts.Count * 31) + Quick(texts[0]));
                case IReadOnlyList<Message> messages:
                    return messages.Count == 0 ? 0 : unchecked((messages.Count * 31) + Quick(messages[0].Code));
                default:
                    return 0;
            }
        }

        // Length and three characters: codes, fact names and values mostly differ in one of them.
        internal static int Quick(string text)
        {
            var length = text.Length;
            if (length == 0)
            {
                return 0;
            }

            unchecked
            {
                return (((((length * 31) + text[0]) * 31) + text[length >> 1]) * 31) + text[length - 1];
            }
        }
    }

    // Value equality of findings (Finding.Equals) with MessageComparer's shallow hash.
    private sealed class FindingComparer : IEqualityComparer<Finding>
    {
        private readonly MessageComparer messages;

        public FindingComparer(MessageComparer messages)
        {
            this.messages = messages;
        }

        public bool Equals(Finding? x, Finding? y) => ReferenceEquals(x, y) || (x is not null && x.Equals(y));

        public int GetHashCode(Finding finding) => messages.FindingHash(finding);
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
