using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// Writes a <see cref="ConsensusReport"/> in the shape of <c>docs/schema/report.schema.json</c>. Every property is
/// always written, in a fixed order; an unknown or not-applicable value is written as <see langword="null"/>, and an
/// empty list as <c>[]</c>.
/// </summary>
internal static class ReportWriter
{
    public static void Write(Utf8JsonWriter writer, ConsensusReport report, ReportJsonOptions options)
    {
        if (options.Layout == ReportLayout.Compact)
        {
            CompactReportWriter.Write(writer, report, options);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("layout", "full");
        WriteLine(writer, options.LineNumber);
        writer.WriteString("label", options.Label);
        WriteGuideline(writer, report);
        WriteProvenance(writer, report.Provenance);
        writer.WriteString("asOf", Format(report.AsOf));
        writer.WriteString("outOfScope", report.OutOfScope);

        writer.WriteStartObject("scope");
        Boolean(writer, "inScope", report.Scope.InScope);
        writer.WriteString("note", report.Scope.Note);
        writer.WriteEndObject();

        writer.WritePropertyName("timing");
        WriteTiming(writer, report.Timing);
        writer.WritePropertyName("oligometastatic");
        WriteOligometastatic(writer, report.Oligometastatic);
        writer.WritePropertyName("treatmentFreeInterval");
        WriteInterval(writer, report.TreatmentFreeInterval);
        writer.WritePropertyName("liverResection");
        WriteLiverResection(writer, report.LiverResection);
        writer.WritePropertyName("imagingPlan");
        WriteImagingPlan(writer, report.ImagingPlan);
        writer.WritePropertyName("focalTherapy");
        WriteFocalTherapy(writer, report.FocalTherapy);
        writer.WritePropertyName("followUp");
        WriteFollowUp(writer, report.FollowUp);

        writer.WriteStartArray("recommendations");
        foreach (var result in report.Results)
        {
            WriteResult(writer, result);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteGuideline(Utf8JsonWriter writer, ConsensusReport report)
    {
        var guideline = report.Guideline;
        writer.WriteStartObject("guideline");
        writer.WriteString("title", guideline.Title);
        writer.WriteString("citation", guideline.Citation);
        writer.WriteString("doi", guideline.Doi);
        writer.WriteString("publishedOn", Format(guideline.PublishedOn));
        writer.WriteString("gradingSystem", guideline.GradingSystem);
        writer.WriteString("consensusRule", guideline.ConsensusRuleDescription);
        writer.WriteEndObject();
    }

    /// <summary>Writes the batch input line; nothing outside a batch.</summary>
    public static void WriteLine(Utf8JsonWriter writer, long? line)
    {
        if (line is { } l)
        {
            writer.WriteNumber("line", l);
        }
    }

    /// <summary>Writes the provenance object (the same in both layouts).</summary>
    public static void WriteProvenance(Utf8JsonWriter writer, ReportProvenance provenance)
    {
        writer.WriteStartObject("provenance");
        writer.WriteString("libraryVersion", provenance.LibraryVersion);
        writer.WriteString("guidelineDoi", provenance.GuidelineDoi);
        writer.WriteString("catalogHash", provenance.CatalogHash);
        writer.WriteString("asOf", Format(provenance.AsOf));
        writer.WriteStartObject("nonDefaultOptions");
        foreach (var option in provenance.NonDefaultOptions)
        {
            writer.WriteString(char.ToLowerInvariant(option.Key[0]) + option.Key.Substring(1), option.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteTiming(Utf8JsonWriter writer, TimingAssessment? timing)
    {
        if (timing is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("timing", timing.Timing is { } t ? Codes.Timing.ToCode(t) : null);
        writer.WriteBoolean("atWindowBoundary", timing.AtWindowBoundary);
        Date(writer, "windowEnd", timing.WindowEnd);
        writer.WriteString("caution", timing.BoundaryCaution);
        writer.WritePropertyName("diseaseFreeInterval");
        WriteInterval(writer, timing.DiseaseFreeInterval);
        Strings(writer, "missing", timing.Missing);
        Strings(writer, "rationale", timing.Findings.Select(f => f.Sentence));
        writer.WriteEndObject();
    }

    private static void WriteOligometastatic(Utf8JsonWriter writer, OligometastaticAssessment? omd)
    {
        if (omd is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("status", Codes.TriState.ToCode(omd.Status));
        Integer(writer, "lesionCount", omd.LesionCount);
        Integer(writer, "siteCount", omd.SiteCount);
        Strings(writer, "failingCriteria", omd.FailingCriteria);
        Strings(writer, "missing", omd.Missing);
        Strings(writer, "rationale", omd.Findings.Select(f => f.Sentence));
        writer.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter writer, IntervalAssessment? interval)
    {
        if (interval is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        Integer(writer, "months", interval.CompletedMonths);
        Integer(writer, "days", interval.ExtraDays);
        Date(writer, "from", interval.From);
        Date(writer, "to", interval.To);
        writer.WriteString("fromEvent", interval.FromEvent);
        writer.WriteString("toEvent", interval.ToEvent);
        writer.WriteString("basis", interval.Basis);
        Strings(writer, "missing", interval.Missing);
        writer.WriteString("sentence", interval.Sentence());
        writer.WriteEndObject();
    }

    private static void WriteLiverResection(Utf8JsonWriter writer, LiverResectionCandidacy? candidacy)
    {
        if (candidacy is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("status", Codes.TriState.ToCode(candidacy.Status));
        writer.WriteString("basis", candidacy.Basis);
        writer.WriteString("reason", candidacy.Reason);
        Strings(writer, "missing", candidacy.Missing);
        writer.WriteString("candidate", Codes.TriState.ToCode(candidacy.Candidate));
        writer.WriteString("candidateBasis", candidacy.CandidateBasis);
        Strings(writer, "candidateMissing", candidacy.CandidateMissing);
        Strings(writer, "rationale", candidacy.Findings.Select(f => f.Sentence));
        writer.WriteEndObject();
    }

    private static void WriteImagingPlan(Utf8JsonWriter writer, ImagingPlan? plan)
    {
        if (plan is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var item in plan.Items)
        {
            writer.WriteStartObject();
            writer.WriteString("modality", Codes.ImagingModality.ToCode(item.Modality));
            writer.WriteString("name", item.Name);
            writer.WriteString("indicated", Codes.TriState.ToCode(item.Indicated));
            writer.WriteString("reason", item.Reason);
            Boolean(writer, "alreadyDone", item.AlreadyDone);
            writer.WriteString("doneFact", item.DoneFact);
            writer.WriteString("recommendationId", item.RecommendationId);
            writer.WriteString("basis", item.Basis);
            writer.WriteString("caveat", item.Caveat);
            Strings(writer, "missing", item.Missing);
            Strings(writer, "rationale", item.Findings.Select(f => f.Sentence));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Strings(writer, "outstanding", plan.Outstanding.Select(i => Codes.ImagingModality.ToCode(i.Modality)));
        writer.WriteEndObject();
    }

    private static void WriteFocalTherapy(Utf8JsonWriter writer, FocalTherapyAssessment? focal)
    {
        if (focal is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("contraindicationStatus", Codes.ContraindicationStatus.ToCode(focal.Status));
        Boolean(writer, "absoluteContraindicationPresent", focal.AbsoluteContraindicationPresent);
        Boolean(writer, "relativeContraindicationPresent", focal.RelativeContraindicationPresent);
        writer.WriteStartArray("contraindications");
        foreach (var contraindication in focal.Contraindications)
        {
            writer.WriteStartObject();
            writer.WriteString("fact", contraindication.Fact);
            writer.WriteString("name", contraindication.Name);
            writer.WriteString("severity", Codes.Severity.ToCode(contraindication.Severity));
            Boolean(writer, "present", contraindication.Present);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("liverLesions");
        writer.WriteNumber("ablatable", focal.AblatableLiverLesions);
        writer.WriteNumber("notAblatable", focal.NonAblatableLiverLesions);
        writer.WriteNumber("unknown", focal.LiverLesionsWithUnknownAblatability);
        writer.WriteEndObject();
        writer.WriteStartArray("modalities");
        foreach (var modality in focal.Modalities)
        {
            writer.WriteStartObject();
            writer.WriteString("code", modality.Code);
            writer.WriteString("name", modality.Name);
            writer.WriteString("abbreviation", modality.Abbreviation);
            writer.WriteString("group", Codes.ModalityGroup.ToCode(modality.Group));
            writer.WriteString("mechanism", modality.Mechanism);
            writer.WriteString("evidence", modality.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Strings(writer, "cautions", focal.Cautions);
        Strings(writer, "missing", focal.Missing);
        Strings(writer, "rationale", focal.Findings.Select(f => f.Sentence));
        writer.WriteEndObject();
    }

    private static void WriteFollowUp(Utf8JsonWriter writer, FollowUpSchedule? schedule)
    {
        if (schedule is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("metastasectomyOn", Format(schedule.MetastasectomyOn));
        writer.WriteNumber("horizonYears", schedule.HorizonYears);
        Integer(writer, "nextVisit", schedule.NextVisit?.Number);
        writer.WriteStartArray("visits");
        foreach (var visit in schedule.Visits)
        {
            writer.WriteStartObject();
            writer.WriteNumber("number", visit.Number);
            writer.WriteString("phase", Codes.FollowUpPhase.ToCode(visit.Phase));
            writer.WriteNumber("monthsAfterSurgery", visit.MonthsAfterSurgery);
            writer.WriteString("dueOn", Format(visit.DueOn));
            writer.WriteString("earliestOn", Format(visit.EarliestOn));
            writer.WriteString("latestOn", Format(visit.LatestOn));
            writer.WriteString("standing", visit.Standing is { } standing ? Codes.VisitStanding.ToCode(standing) : null);
            Strings(writer, "examinations", visit.Examinations.Select(e => Codes.FollowUpExamination.ToCode(e)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, RecommendationResult result)
    {
        var recommendation = result.Recommendation;
        writer.WriteStartObject();
        writer.WriteString("id", recommendation.Id);
        writer.WriteString("section", recommendation.Section.NarrativeSection);
        writer.WriteString("question", recommendation.Section.Question);
        writer.WriteString("title", recommendation.ShortTitle);
        writer.WriteString("text", recommendation.Text);
        writer.WriteString("evidenceLevel", Codes.EvidenceLevel.ToCode(recommendation.Grade.Level));
        writer.WriteString("strength", Codes.Strength.ToCode(recommendation.Grade.Strength));
        writer.WriteStartObject("votes");
        writer.WriteNumber("total", recommendation.Votes.Total);
        writer.WriteNumber("yes", recommendation.Votes.Yes);
        writer.WriteNumber("no", recommendation.Votes.No);
        writer.WriteEndObject();
        writer.WritePropertyName("agreementPercent");
        writer.WriteRawValue(recommendation.Votes.AgreementPercent.ToString("0.0", CultureInfo.InvariantCulture));
        writer.WriteString("consensus", recommendation.Consensus.ToCode());
        writer.WriteString("kind", Codes.Kind.ToCode(recommendation.Kind));
        writer.WriteString("direction", Codes.Direction.ToCode(recommendation.Direction));
        writer.WriteString("status", result.Status.ToCode());
        writer.WriteString("summary", result.Summary);
        Strings(writer, "flags", result.Flags.Select(f => f.ToCode()));
        Strings(writer, "rationale", result.Rationale);
        writer.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("fact", finding.Fact);
            writer.WriteString("value", finding.Value);
            writer.WriteString("comparison", finding.Comparison);
            writer.WriteString("threshold", finding.Threshold);
            writer.WriteString("source", finding.Source);
            writer.WriteString("sentence", finding.Sentence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Strings(writer, "cautions", result.Cautions);
        Strings(writer, "missing", result.Missing);
        writer.WriteEndObject();
    }

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Writes a date as a <c>yyyy-MM-dd</c> string value without allocating (years 1–9999; others through <see cref="Format"/>).</summary>
    public static void WriteDateValue(Utf8JsonWriter writer, LocalDate date)
    {
        var year = date.Year;
        if (year < 1 || year > 9999)
        {
            writer.WriteStringValue(Format(date));
            return;
        }

        Span<char> text = stackalloc char[10];
        text[0] = (char)('0' + (year / 1000));
        text[1] = (char)('0' + (year / 100 % 10));
        text[2] = (char)('0' + (year / 10 % 10));
        text[3] = (char)('0' + (year % 10));
        text[4] = '-';
        text[5] = (char)('0' + (date.Month / 10));
        text[6] = (char)('0' + (date.Month % 10));
        text[7] = '-';
        text[8] = (char)('0' + (date.Day / 10));
        text[9] = (char)('0' + (date.Day % 10));
        writer.WriteStringValue(text);
    }

    private static void Date(Utf8JsonWriter writer, string name, LocalDate? date) =>
        writer.WriteString(name, date is { } d ? Format(d) : null);

    private static void Boolean(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Integer(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
