using System;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Questionnaires;
using Sarcoma.Consensus.Model;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;
using Hl7QuestionnaireResponse = Hl7.Fhir.Model.QuestionnaireResponse;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// docs/fhir.md, "Dates are read as written": one rule for every date of every resource — the calendar date written in
/// the literal, never converted to UTC. <c>2026-11-30T23:30:00-11:00</c> (UTC: 1 December) is 30 November, the date a
/// clinician reads, and is not after an evaluation on 30 November; <c>2026-12-01T00:30:00+14:00</c> (UTC: 30 November)
/// is 1 December, and is. The same on the primary Condition as on every other resource, and in the answers.
/// </summary>
public sealed class DatesAsWrittenTests
{
    private const string LateEveningWest = "2026-11-30T23:30:00-11:00";
    private const string EarlyMorningEast = "2026-12-01T00:30:00+14:00";
    private static readonly McodeMapper AsOf2026 = new(new McodeMapperOptions { AsOf = new LocalDate(2026, 11, 30) });

    private static string Element(string where) => where switch
    {
        "primary" => "Bundle.entry[0].resource(Condition).onsetDateTime",
        "secondary" => "Bundle.entry[1].resource(Condition).onsetDateTime",
        "ecog" => "Bundle.entry[1].resource(Observation).effectiveDateTime",
        "ecog.issued" => "Bundle.entry[1].resource(Observation).issued",
        "procedure" => "Bundle.entry[1].resource(Procedure).performedDateTime",
        _ => throw new ArgumentOutOfRangeException(nameof(where)),
    };

    private static Hl7.Fhir.Model.Bundle Record(string where, string date) => where switch
    {
        "primary" => Bundle(Primary(onset: date)),
        "secondary" => Bundle(Primary(), Secondary("m", "94381002", onset: date)),
        "ecog" => Bundle(Primary(), Observation("ps", "89247-1", "\"valueInteger\":1", date: date)),
        "ecog.issued" => Bundle(Primary(), Observation("ps", "89247-1", "\"valueInteger\":1,\"issued\":\"" + date + "\"")),
        "procedure" => Bundle(Primary(), Procedure("rt", Sct, "1217123003", date)),
        _ => throw new ArgumentOutOfRangeException(nameof(where)),
    };

    public static TheoryData<string> Elements => new() { "primary", "secondary", "ecog", "ecog.issued", "procedure" };

    [Theory]
    [MemberData(nameof(Elements))]
    public void A_date_whose_written_day_is_the_evaluation_date_is_read_whatever_its_UTC_day(string where)
    {
        var mapping = AsOf2026.Map(Record(where, LateEveningWest));

        Assert.NotNull(mapping.Patient);
    }

    [Theory]
    [MemberData(nameof(Elements))]
    public void A_date_whose_written_day_is_after_the_evaluation_date_is_refused_whatever_its_UTC_day(string where)
    {
        var e = Assert.Throws<FhirInputException>(() => AsOf2026.Map(Record(where, EarlyMorningEast)));

        var error = Assert.Single(e.Errors);
        Assert.Equal(Element(where), error.Field);
        Assert.Contains("after the evaluation date", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_primary_diagnosis_date_is_the_written_day()
    {
        Assert.Equal(new LocalDate(2026, 11, 30), AsOf2026.Map(Record("primary", LateEveningWest)).Patient.Primary?.DiagnosedOn);
        Assert.Equal(new LocalDate(2026, 12, 1), McodeMapper.Default.Map(Record("primary", EarlyMorningEast)).Patient.Primary?.DiagnosedOn);
    }

    [Fact]
    public void Answers_read_authored_and_date_answers_by_the_same_rule()
    {
        var patient = AsOf2026.Map(Bundle(Primary())).Patient;
        var options = new QuestionnaireAnswerOptions { AsOf = new LocalDate(2026, 11, 30) };
        static Hl7QuestionnaireResponse Response(string authored, string answer) => FhirJson.Parse<Hl7QuestionnaireResponse>(
            "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"authored\":\"" + authored + "\",\"item\":[{\"linkId\":\"treatment.lastTreatmentEndedOn\",\"answer\":[{\"valueDateTime\":\"" + answer + "\"}]}]}");

        var west = QuestionnaireAnswers.Apply(patient, Response(LateEveningWest, LateEveningWest), options);
        var eastAuthored = QuestionnaireAnswers.Apply(patient, Response(EarlyMorningEast, "2026-11-01"), options);
        var eastAnswer = QuestionnaireAnswers.Apply(patient, Response("2026-11-30", EarlyMorningEast), options);

        Assert.Empty(west.Errors);
        Assert.Equal(new LocalDate(2026, 11, 30), west.Patient.Treatment.LastTreatmentEndedOn);
        Assert.Equal("QuestionnaireResponse.authored", Assert.Single(eastAuthored.Errors).Field);
        Assert.Equal(FactNames.LastTreatmentEndedOn, Assert.Single(eastAnswer.Errors).Field);
    }
}

/// <summary>
/// docs/fhir.md, "One date check": <c>Observation.issued</c> of every Observation the mapper reads (ECOG, Karnofsky,
/// histologic grade, TumorSize, CancerDiseaseStatus) gets the date check of <c>effective[x]</c> — not an instant, after
/// the evaluation date, before the birth date or outside the plausible range is an input error at <c>….issued</c>,
/// never repeated. It decides nothing, but a result released after the evaluation, or never validly, is not a record
/// to decide on. It was not checked at all.
/// </summary>
public sealed class ObservationIssuedTests
{
    private static readonly McodeMapper AsOf2026 = new(new McodeMapperOptions { AsOf = new LocalDate(2026, 11, 30) });

    private static string Issued(string value) => ",\"issued\":\"" + value + "\"";

    public static TheoryData<string, string> Observations => new()
    {
        { "ecog", Observation("ps", "89247-1", "\"valueInteger\":1{0}") },
        { "karnofsky", Observation("ps", "89243-0", "\"valueInteger\":80{0}") },
        { "grade", Observation("g", "21858-6", "\"valueInteger\":2{0}") },
        { "disease status", Observation("ds", "97509-4", "\"valueCodeableConcept\":" + Coding(Sct, "268910001") + "{0}") },
    };

    [Theory]
    [MemberData(nameof(Observations))]
    public void An_issued_instant_after_the_evaluation_date_is_an_input_error(string kind, string observation)
    {
        var e = Assert.Throws<FhirInputException>(() => AsOf2026.Map(Bundle(Primary(), Secondary("m", "94381002"), observation.Replace("{0}", Issued("2027-01-05T09:00:00Z"), StringComparison.Ordinal))));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[2].resource(Observation).issued", error.Field);
        Assert.Contains("after the evaluation date", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2027", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(kind);
    }

    [Theory]
    [InlineData("2026-11-30")] // a date, not an instant
    [InlineData("2026-11-30T10:00:00")] // no zone
    [InlineData("2026-11")]
    [InlineData("zq-not-a-date")]
    [InlineData("2026-02-30T10:00:00Z")]
    public void An_issued_that_is_not_an_instant_is_an_input_error(string issued)
    {
        var e = Assert.Throws<FhirInputException>(() => AsOf2026.Map(Bundle(Primary(), Observation("ps", "89247-1", "\"valueInteger\":1" + Issued(issued)))));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[1].resource(Observation).issued", error.Field);
        Assert.StartsWith("is not a valid FHIR instant (YYYY-MM-DDThh:mm:ss with a zone", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(issued, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_issued_instant_before_the_birth_date_or_before_1950_is_an_input_error()
    {
        var beforeBirth = Assert.Throws<FhirInputException>(() => AsOf2026.Map(Bundle(
            "{\"resourceType\":\"Patient\",\"id\":\"p\",\"birthDate\":\"1960-05-01\"}", Primary(), Observation("ps", "89247-1", "\"valueInteger\":1" + Issued("1959-01-01T09:00:00Z")))));
        var placeholder = Assert.Throws<FhirInputException>(() => AsOf2026.Map(Bundle(Primary(), Observation("ps", "89247-1", "\"valueInteger\":1" + Issued("1900-01-01T00:00:00Z")))));

        Assert.Equal("Bundle.entry[2].resource(Observation).issued", Assert.Single(beforeBirth.Errors).Field);
        Assert.Equal("Bundle.entry[1].resource(Observation).issued", Assert.Single(placeholder.Errors).Field);
    }

    [Fact]
    public void A_TumorSize_issued_after_the_evaluation_date_is_an_input_error()
    {
        var size = TumorSize("s", "t", 25m, "mm").Replace("\"focus\"", "\"issued\":\"2027-01-05T09:00:00Z\",\"focus\"", StringComparison.Ordinal);

        var e = Assert.Throws<FhirInputException>(() => AsOf2026.Map(Bundle(Primary(), Secondary("m", "94381002"), Tumor("t", "m"), size)));

        Assert.Equal("Bundle.entry[3].resource(Observation).issued", Assert.Single(e.Errors).Field);
    }

    [Theory]
    [InlineData("2026-11-30T23:30:00-11:00")]
    [InlineData("2025-09-10T08:15:00.123+02:00")]
    [InlineData("2026-11-30T10:00:00Z")]
    public void A_valid_issued_instant_on_or_before_the_evaluation_date_is_read(string issued)
    {
        var mapping = AsOf2026.Map(Bundle(Primary(), Observation("ps", "89247-1", "\"valueInteger\":1" + Issued(issued))));

        Assert.Equal(1, mapping.Patient.Clinical.Ecog);
    }

    [Fact]
    public void An_issued_instant_built_in_code_is_read_like_a_parsed_one()
    {
        var bundle = Bundle(Primary(), Observation("ps", "89247-1", "\"valueInteger\":1"));
        ((Hl7.Fhir.Model.Observation)bundle.Entry[1].Resource!).Issued = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.FromHours(-11));
        var future = Bundle(Primary(), Observation("ps", "89247-1", "\"valueInteger\":1"));
        ((Hl7.Fhir.Model.Observation)future.Entry[1].Resource!).Issued = new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(14));

        Assert.Equal(1, AsOf2026.Map(bundle).Patient.Clinical.Ecog);
        Assert.Equal("Bundle.entry[1].resource(Observation).issued", Assert.Single(Assert.Throws<FhirInputException>(() => AsOf2026.Map(future)).Errors).Field);
    }

    // FhirValues reads the digits at their fixed places once the literal matches (issue #11): the same dates as the
    // pattern's groups gave, including the pattern's one quirk ($ also matches before a final line feed).
    [Theory]
    [InlineData("2020-03-14", "2020-03-14", null, "2020-03-01")]
    [InlineData("2020-03-14T10:30:00+01:00", "2020-03-14", null, "2020-03-01")]
    [InlineData("2020-03-14\n", "2020-03-14", null, "2020-03-01")]
    [InlineData("2020-03", null, "is a partial date (year or month only)", "2020-03-01")]
    [InlineData("2020-03\n", null, "is a partial date (year or month only)", "2020-03-01")]
    [InlineData("2020", null, "is a partial date (year or month only)", "2020-01-01")]
    [InlineData("2020\n", null, "is a partial date (year or month only)", "2020-01-01")]
    [InlineData("2020-02-30", null, FhirValues.NotADate, "2020-02-01")]
    [InlineData("2020-13", null, FhirValues.NotADate, null)]
    [InlineData("0000-01-01", null, FhirValues.NotADate, null)]
    [InlineData("20-03-14", null, FhirValues.NotADate, null)]
    [InlineData("2020-3-14", null, FhirValues.NotADate, null)]
    public void A_date_literal_is_read_digit_by_digit_as_written(string literal, string? date, string? problem, string? firstDay)
    {
        var value = new Hl7.Fhir.Model.FhirDateTime { Value = literal };

        Assert.Equal(date, FhirValues.CalendarDate(value, out var found)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(problem, found);
        Assert.Equal(firstDay, FhirValues.FirstDay(value)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
