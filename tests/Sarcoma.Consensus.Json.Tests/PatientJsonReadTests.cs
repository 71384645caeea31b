using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Tests;

public sealed class PatientJsonReadTests
{
    [Fact]
    public void Empty_document_is_a_patient_about_whom_nothing_is_known()
    {
        var patient = PatientJson.Parse("{}");
        Assert.Null(patient.Primary);
        Assert.Null(patient.Metastases);
        Assert.Equal(new Staging(), patient.Staging);
        Assert.Empty(patient.Treatment.LiverResections);
    }

    [Fact]
    public void Null_and_absent_both_mean_unknown()
    {
        var patient = PatientJson.Parse("""{"primary":{"histology":null,"grade":null,"resected":null},"staging":null,"treatment":{"liverResections":null}}""");
        Assert.NotNull(patient.Primary);
        Assert.Null(patient.Primary!.Histology);
        Assert.Null(patient.Primary.Grade);
        Assert.Null(patient.Primary.Resected);
        Assert.Empty(patient.Treatment.LiverResections);
    }

    [Fact]
    public void Reads_every_kind_of_value()
    {
        var patient = PatientJson.Parse("""
            {
              "primary": { "histology": "myxoid-liposarcoma", "site": "intra-abdominal-visceral", "grade": "g2", "diagnosedOn": "2023-02-28", "resected": true, "resectedOn": "2023-03-15" },
              "metastases": {
                "detectedOn": "2025-01-10",
                "lesions": [ { "site": "liver", "sizeMm": 12.5, "segments": [5, 6], "lobe": "right", "resectable": true }, { "site": "lymph-node" } ],
                "diffuse": { "peritoneal": false }
              },
              "clinical": { "ecog": 1, "asaClass": 2.0 },
              "treatment": { "systemicTherapyResponse": "partial-response", "liverResections": [ { "performedOn": "2024-01-02", "margin": "r1" } ] },
              "liverSurgery": { "futureLiverRemnantPercent": 33.3 }
            }
            """);
        Assert.Same(Histology.MyxoidLiposarcoma, patient.Primary!.Histology);
        Assert.Equal(PrimarySite.IntraAbdominalVisceral, patient.Primary.Site);
        Assert.Equal(HistologicGrade.G2, patient.Primary.Grade);
        Assert.Equal(new LocalDate(2023, 2, 28), patient.Primary.DiagnosedOn);
        var lesions = patient.Metastases!.Lesions;
        Assert.Equal(12.5m, lesions[0].SizeMm);
        Assert.Equal(new[] { 5, 6 }, lesions[0].Segments);
        Assert.Equal(LiverLobe.Right, lesions[0].Lobe);
        Assert.Equal(MetastaticSite.LymphNode, lesions[1].Site);
        Assert.False(patient.Metastases.Diffuse.Peritoneal);
        Assert.Null(patient.Metastases.Diffuse.Pleural);
        Assert.Equal(2, patient.Clinical.AsaClass);
        Assert.Equal(TreatmentResponse.PartialResponse, patient.Treatment.SystemicTherapyResponse);
        Assert.Equal(ResectionMargin.R1, patient.Treatment.LiverResections[0].Margin);
        Assert.Equal(33.3m, patient.LiverSurgery.FutureLiverRemnantPercent);
    }

    [Theory]
    [InlineData("1", HistologicGrade.G1)]
    [InlineData("3", HistologicGrade.G3)]
    [InlineData("\"g3\"", HistologicGrade.G3)]
    public void Grade_is_a_number_or_a_code(string grade, HistologicGrade expected) =>
        Assert.Equal(expected, PatientJson.Parse("{\"primary\":{\"grade\":" + grade + "}}").Primary!.Grade);

    [Theory]
    [InlineData("8890/3", "leiomyosarcoma")]
    [InlineData("8890/6", "leiomyosarcoma")]
    [InlineData("8896/3", "leiomyosarcoma")]
    [InlineData("9040/3", "synovial-sarcoma")]
    [InlineData("8936/1", "gist")]
    [InlineData("8936/0", "gist")]
    [InlineData("leiomyosarcoma", "leiomyosarcoma")]
    [InlineData("Leiomyosarcoma", "leiomyosarcoma")]
    [InlineData("Myxoid liposarcoma", "myxoid-liposarcoma")]
    [InlineData("1163022006", "leiomyosarcoma")]
    [InlineData("8930/3", Histology.OtherSoftTissueSarcomaCode)]
    [InlineData("9133/3", Histology.OtherSoftTissueSarcomaCode)]
    [InlineData("8046/3", Histology.NotSoftTissueSarcomaCode)]
    [InlineData("413448000", Histology.NotSoftTissueSarcomaCode)]
    [InlineData("8890/1", Histology.NotMalignantCode)]
    [InlineData("123456000", Histology.UnclassifiedCode)]
    public void Histology_is_read_from_a_name_an_icd_o_3_code_or_a_snomed_ct_code(string given, string code) =>
        Assert.Equal(code, PatientJson.Parse("{\"primary\":{\"histology\":\"" + given + "\"}}").Primary!.Histology!.Code);

    [Theory]
    [InlineData("\" leiomyosarcoma\"")]
    [InlineData("\"carcinoma\"")]
    [InlineData("\"8890/5\"")]
    [InlineData("\"8936/xx\"")]
    [InlineData("\"12345\"")]
    [InlineData("8890")]
    public void Histology_that_is_not_a_name_or_a_code_is_an_input_error(string given)
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("{\"primary\":{\"histology\":" + given + "}}"));
        Assert.Equal("primary.histology", e.Path);
        Assert.Contains("is not a histology name, an ICD-O-3 morphology code", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8930/3")]
    [InlineData("8046/3")]
    [InlineData("413448000")]
    [InlineData("123456000")]
    public void Histology_read_from_a_code_is_written_back_as_that_code(string code)
    {
        var json = "{\"primary\":{\"histology\":\"" + code + "\"}}";
        var patient = PatientJson.Parse(json);
        Assert.Equal(json, PatientJson.Serialize(patient, JsonLayout.SingleLine));
        Assert.Equal(patient, PatientJson.Parse(PatientJson.Serialize(patient)));
    }

    [Fact]
    public void Unknown_property_is_rejected_with_its_path_and_a_suggestion()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("""{"metastases":{"lesions":[{"site":"liver","sizeMM":30}]}}"""));
        Assert.Equal("metastases.lesions[0].sizeMM", e.Path);
        var error = Assert.Single(e.Errors);
        Assert.Contains("is not a known property", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"sizeMm\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("metastases.lesions[0].sizeMM", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsSyntaxError);
    }

    [Theory]
    [InlineData("""{"id":"x"}""", "id")]
    [InlineData("""{"primary":{"histologyCode":"leiomyosarcoma"}}""", "primary.histologyCode")]
    [InlineData("""{"metastases":{"diffuse":{"pleura":true}}}""", "metastases.diffuse.pleura")]
    [InlineData("""{"treatment":{"liverResections":[{"date":"2024-01-01"}]}}""", "treatment.liverResections[0].date")]
    [InlineData("""{"focalTherapyContraindications":{"coagulopathy":true}}""", "focalTherapyContraindications.coagulopathy")]
    public void Unknown_properties_are_rejected_everywhere(string json, string path)
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void Unknown_properties_and_an_inconsistent_patient_are_reported_together()
    {
        // The unknown properties are ignored by the mapping, so the patient read is exactly what the known properties say:
        // its problems come in the same answer instead of after the client fixed the names (issue #13).
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(
            """{"clinical":{"ecog":9,"ecogScore":1},"metastases":{"lesions":[{"site":"liver","sizeMm":-37.5,"sizeMM":3}]}}"""));

        // The reading problems first (in reading order), then the patient's.
        Assert.Equal(new[] { "clinical.ecogScore", "metastases.lesions[0].sizeMM" }, e.Errors.Take(2).Select(x => x.Field).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(new[] { "clinical.ecog", "metastases.lesions[0].sizeMm" }, e.Errors.Skip(2).Select(x => x.Field).Order(StringComparer.Ordinal).ToArray());
        Assert.All(e.Errors.Take(2), x => Assert.Contains("is not a known property", x.Message, StringComparison.Ordinal));
        Assert.Equal("must be greater than 0.", e.Errors.Single(x => x.Field == "metastases.lesions[0].sizeMm").Message);
        Assert.DoesNotContain("37.5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_problem_that_changes_the_mapping_the_patient_is_not_checked()
    {
        // A value of the wrong type is read as unknown: checking the patient after it could report problems the document
        // does not have, so only the reading problems are reported.
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(
            """{"clinical":{"ecog":"one","ecogScore":1},"metastases":{"lesions":[{"site":"liver","sizeMm":-37.5}]}}"""));

        Assert.Equal(new[] { "clinical.ecog", "clinical.ecogScore" }, e.Errors.Select(x => x.Field).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_document_whose_only_problems_are_unknown_properties_reports_only_them()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("""{"clinical":{"ecog":1,"ecogScore":1},"id":"x"}"""));

        Assert.Equal(new[] { "clinical.ecogScore", "id" }, e.Errors.Select(x => x.Field).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_property_name_that_is_not_a_field_name_is_not_repeated()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("""{"primary":{"Jane Roe 1961":true}}"""));
        Assert.Equal("primary['?']", e.Path);
        Assert.DoesNotContain("Jane", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_property_is_rejected()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("""{"primary":{"grade":1,"grade":3}}"""));
        Assert.Equal("primary.grade", e.Path);
        Assert.Contains("more than once", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_gives_line_and_position()
    {
        const string json = "{\n  \"primary\": {\n    \"grade\": 2,\n  }\n}";
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));
        Assert.True(e.IsSyntaxError);
        Assert.Equal(3, e.LineNumber);
        Assert.NotNull(e.BytePositionInLine);
        Assert.Equal("$", e.Path);
        Assert.Contains("line 4", e.Message, StringComparison.Ordinal);
        Assert.Null(e.InnerException);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"primary\": {} /* comment */}")]
    [InlineData("{\"primary\": {},}")]
    [InlineData("{} {}")]
    public void Not_json_is_a_syntax_error(string json)
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));
        Assert.True(e.IsSyntaxError);
    }

    [Fact]
    public void Syntax_error_message_does_not_quote_the_document()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("{\"label\": Zebulon}"));
        Assert.DoesNotContain("Z", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Zebulon", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Root_must_be_an_object()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("[]"));
        Assert.Equal("$", e.Path);
        Assert.Contains("must be an object", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"primary":{"site":"abdomen"}}""", "primary.site", "retroperitoneal, intra-abdominal-visceral")]
    [InlineData("""{"primary":{"site":"Retroperitoneal"}}""", "primary.site", "retroperitoneal")]
    [InlineData("""{"metastases":{"lesions":[{"site":"liver","lobe":"middle"}]}}""", "metastases.lesions[0].lobe", "left, right, caudate")]
    [InlineData("""{"treatment":{"systemicTherapyResponse":"PR"}}""", "treatment.systemicTherapyResponse", "partial-response")]
    [InlineData("""{"treatment":{"liverResections":[{"margin":"R0"}]}}""", "treatment.liverResections[0].margin", "r0, r1, r2")]
    public void Invalid_code_names_the_path_and_the_allowed_codes(string json, string path, string allowed)
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));
        Assert.Equal(path, e.Path);
        Assert.Contains(allowed, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"clinical":{"ecog":"1"}}""", "clinical.ecog", "must be a number")]
    [InlineData("""{"clinical":{"ecog":1.5}}""", "clinical.ecog", "must be a whole number")]
    [InlineData("""{"staging":{"contrastCt":"yes"}}""", "staging.contrastCt", "must be true, false or null")]
    [InlineData("""{"primary":{"diagnosedOn":"14/03/2022"}}""", "primary.diagnosedOn", "yyyy-MM-dd")]
    [InlineData("""{"primary":{"diagnosedOn":"2022-02-30"}}""", "primary.diagnosedOn", "yyyy-MM-dd")]
    [InlineData("""{"primary":{"grade":4}}""", "primary.grade", "1, 2 or 3")]
    [InlineData("""{"primary":"leiomyosarcoma"}""", "primary", "must be an object")]
    [InlineData("""{"metastases":{"lesions":{"site":"liver"}}}""", "metastases.lesions", "must be an array")]
    [InlineData("""{"metastases":{"lesions":[null]}}""", "metastases.lesions[0]", "must be an object")]
    [InlineData("""{"metastases":{"lesions":[{"site":"liver","segments":[6,"7"]}]}}""", "metastases.lesions[0].segments[1]", "must be a number")]
    [InlineData("""{"metastases":{"lesions":[{"sizeMm":20}]}}""", "metastases.lesions[0].site", "is required")]
    [InlineData("""{"metastases":{"lesions":[{"site":null}]}}""", "metastases.lesions[0].site", "is required")]
    [InlineData("""{"label":42}""", "label", "must be a string")]
    public void Wrong_value_names_the_path(string json, string path, string message)
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));
        Assert.Equal(path, e.Path);
        Assert.Contains(message, e.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("""
            {"primary":{"site":"abdomen","grade":7},"clinical":{"ecog":"0"},"extra":1,"metastases":{"lesions":[{"site":"liver","sizeMM":4},{"site":"spleen"}]}}
            """));
        var paths = e.Errors.Select(x => x.Field).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[] { "clinical.ecog", "extra", "metastases.lesions[0].sizeMM", "metastases.lesions[1].site", "primary.grade", "primary.site" },
            paths);
        Assert.Contains("(6 problems)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_patient_is_reported_with_json_paths()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("""
            {"primary":{"diagnosedOn":"2024-05-01","resectedOn":"2024-04-01"},
             "metastases":{"lesions":[{"site":"lung","segments":[3]}]},
             "clinical":{"ecog":7}}
            """));
        var paths = e.Errors.Select(x => x.Field).ToArray();
        Assert.Contains("primary.resectedOn", paths);
        Assert.Contains("metastases.lesions[0].segments", paths);
        Assert.Contains("clinical.ecog", paths);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Fact]
    public void Messages_contain_no_patient_values()
    {
        // Distinctive values in every field that can fail, including a label and an unknown-but-plausible key.
        const string json = """
            {
              "label": "Case of Zebulon Quaxley",
              "primary": { "histology": "zebulon-sarcoma", "site": "quaxleyshire", "grade": "g9", "diagnosedOn": "1987-13-45" },
              "metastases": { "detectedOn": "2031-02-31", "lesions": [ { "site": "zebulonlobe", "sizeMm": "31415", "lobe": "quaxley", "segments": [271828] } ] },
              "clinical": { "ecog": 7.77, "asaClass": "XYZZY" },
              "treatment": { "systemicTherapyResponse": "plugh", "liverResections": [ { "performedOn": "7777-77-77", "margin": "r9" } ] }
            }
            """;
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));
        var text = e.ToString() + string.Join("\n", e.Errors.Select(x => x.ToString()));
        foreach (var value in new[] { "Zebulon", "Quaxley", "zebulon", "quaxley", "g9", "1987", "2031", "31415", "271828", "7.77", "XYZZY", "plugh", "7777", "r9" })
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validation_messages_contain_no_patient_values()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("""
            {"primary":{"diagnosedOn":"2024-05-17","resectedOn":"2024-04-13"},"metastases":{"lesions":[{"site":"liver","sizeMm":987}]},"liverSurgery":{"futureLiverRemnantPercent":123.45}}
            """));
        foreach (var value in new[] { "2024-05-17", "2024-04-13", "987", "123.45" })
        {
            Assert.DoesNotContain(value, e.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Label_and_schema_are_accepted_at_the_top_level()
    {
        var document = PatientJson.ParseDocument("""{"$schema":"../../docs/schema/patient.schema.json","label":"Example case"}""");
        Assert.Equal("Example case", document.Label);
        Assert.Null(PatientJson.ParseDocument("{}").Label);
    }

    [Fact]
    public void Label_longer_than_200_characters_is_rejected_without_being_repeated()
    {
        var label = new string('q', 201);
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("{\"label\":\"" + label + "\"}"));
        Assert.Equal("label", e.Path);
        Assert.DoesNotContain("qqq", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_from_a_stream_with_a_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"primary":{"histology":"8890/3"}}""")).ToArray();
        using var stream = new MemoryStream(bytes);
        Assert.Same(Histology.Leiomyosarcoma, PatientJson.Read(stream).Primary!.Histology);
    }

    [Fact]
    public async Task Reads_from_a_stream_asynchronously()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(RepositoryFiles.Sample("metachronous-liver-omd.json")));
        var document = await PatientJson.ReadDocumentAsync(stream);
        Assert.Equal(2, document.Patient.Metastases!.Lesions.Count);
    }

    [Fact]
    public async Task Async_read_reports_syntax_errors_with_position()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\n\"primary\": [\n"));
        var e = await Assert.ThrowsAsync<PatientJsonException>(() => PatientJson.ReadAsync(stream));
        Assert.True(e.IsSyntaxError);
        Assert.NotNull(e.LineNumber);
    }

    [Fact]
    public void Invalid_utf8_is_a_syntax_error()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"label\": \"ab").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"\n}")).ToArray();
        using var stream = new MemoryStream(bytes);
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Read(stream));
        Assert.True(e.IsSyntaxError);
        Assert.Equal(1, e.LineNumber);
        Assert.Equal(14, e.BytePositionInLine);
        Assert.Contains("not valid UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lone_surrogate_in_a_string_is_rejected()
    {
        var e = Assert.ThrowsAny<Exception>(() => PatientJson.Parse("{\"label\":\"\ud800\"}"));
        Assert.IsType<PatientJsonException>(e);
    }

    [Fact]
    public void Deeply_nested_json_is_rejected()
    {
        var json = "{\"label\":" + new string('[', 100) + new string(']', 100) + "}";
        Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => PatientJson.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => PatientJson.Read(null!));
    }
}
