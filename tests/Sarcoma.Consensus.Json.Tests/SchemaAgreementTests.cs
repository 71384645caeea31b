namespace Sarcoma.Consensus.Json.Tests;

/// <summary>The reader and the patient schema accept and reject the same documents.</summary>
public sealed class SchemaAgreementTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("""{"$schema":"patient.schema.json","label":"A case"}""")]
    [InlineData("""{"label":"Caso 7 — ≥ 2 lesiones · 症例 😀"}""")]
    [InlineData("""{"primary":{"diagnosedOn":"1950-01-01"},"metastases":{"detectedOn":"2099-12-31"}}""")]
    [InlineData("""{"primary":null,"metastases":null,"staging":null,"clinical":null,"treatment":null,"liverSurgery":null,"focalTherapyContraindications":null,"originUncertainty":null}""")]
    [InlineData("""{"primary":{"histology":"8936/5","grade":"g1","site":null}}""")]
    [InlineData("""{"primary":{"histology":"Leiomyosarcoma"}}""")]
    [InlineData("""{"primary":{"histology":"MYXOID LIPOSARCOMA"}}""")]
    [InlineData("""{"primary":{"histology":"Liposarcoma, NOS"}}""")]
    [InlineData("""{"primary":{"histology":"8890/6"}}""")]
    [InlineData("""{"primary":{"histology":"8930/3"}}""")]
    [InlineData("""{"primary":{"histology":"9133/3"}}""")]
    [InlineData("""{"primary":{"histology":"8046/3"}}""")]
    [InlineData("""{"primary":{"histology":"8815/1"}}""")]
    [InlineData("""{"primary":{"histology":"9999/3"}}""")]
    [InlineData("""{"primary":{"histology":"1163022006"}}""")]
    [InlineData("""{"primary":{"histology":"413448000"}}""")]
    [InlineData("""{"primary":{"grade":2}}""")]
    [InlineData("""{"clinical":{"ecog":2.0,"asaClass":null}}""")]
    [InlineData("""{"metastases":{"lesions":[{"site":"lung","segments":[]}]}}""")]
    [InlineData("""{"metastases":{"lesions":[{"site":"liver","segments":[1,8],"lobe":null,"sizeMm":0.5}],"diffuse":null}}""")]
    [InlineData("""{"metastases":{"lesions":null}}""")]
    [InlineData("""{"metastases":{"detectedOn":"2025-01-02","noEvidenceOfDisease":true,"lesions":[]}}""")]
    [InlineData("""{"metastases":{"noEvidenceOfDisease":false,"lesions":[{"site":"liver"}]}}""")]
    [InlineData("""{"treatment":{"liverResections":[{}],"previousAbdominalSurgeries":0}}""")]
    [InlineData("""{"liverSurgery":{"futureLiverRemnantPercent":100}}""")]
    public void Both_accept(string json)
    {
        Schemas.AssertValid(Schemas.Patient, json, json);
        PatientJson.Parse(json);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"id":"A-1"}""")]
    [InlineData("""{"label":7}""")]
    [InlineData("""{"primary":{"histology":"leiomyosarcoma "}}""")]
    [InlineData("""{"primary":{"histology":"lms"}}""")]
    [InlineData("""{"primary":{"histology":"7999/3"}}""")]
    [InlineData("""{"primary":{"histology":"8890/5"}}""")]
    [InlineData("""{"primary":{"histology":"88903"}}""")]
    [InlineData("""{"primary":{"histology":"51549014"}}""")]
    [InlineData("""{"primary":{"histology":8890}}""")]
    [InlineData("""{"primary":{"grade":0}}""")]
    [InlineData("""{"primary":{"grade":"G2"}}""")]
    [InlineData("""{"primary":{"site":"abdomen"}}""")]
    [InlineData("""{"primary":{"diagnosedOn":"2024-1-5"}}""")]
    [InlineData("""{"primary":{"diagnosedOn":"-2022-03-14"}}""")]
    [InlineData("""{"primary":{"diagnosedOn":"1900-01-01"}}""")]
    [InlineData("""{"metastases":{"detectedOn":"0001-01-01"}}""")]
    [InlineData("""{"treatment":{"lastTreatmentEndedOn":"9999-12-31"}}""")]
    [InlineData("""{"label":"two\nlines"}""")]
    [InlineData("""{"label":"escape \u001b[8m"}""")]
    [InlineData("""{"label":"bidi \u202e"}""")]
    [InlineData("""{"primary":{"resected":"true"}}""")]
    [InlineData("""{"primary":{"extra":1}}""")]
    [InlineData("""{"metastases":{"lesions":[{}]}}""")]
    [InlineData("""{"metastases":{"lesions":[{"site":"liver","sizeMM":3}]}}""")]
    [InlineData("""{"metastases":{"lesions":[{"site":"liver","sizeMm":0}]}}""")]
    [InlineData("""{"metastases":{"lesions":[{"site":"liver","sizeMm":501}]}}""")]
    [InlineData("""{"metastases":{"lesions":[{"site":"liver","segments":[9]}]}}""")]
    [InlineData("""{"metastases":{"lesions":[{"site":"lung","segments":[2]}]}}""")]
    [InlineData("""{"metastases":{"lesions":[{"site":"lung","lobe":"left"}]}}""")]
    [InlineData("""{"metastases":{"lesions":[{"site":"bone","centralLocation":false}]}}""")]
    [InlineData("""{"metastases":{"diffuse":{"pleura":true}}}""")]
    [InlineData("""{"metastases":{"noEvidenceOfDisease":true,"lesions":[{"site":"liver"}]}}""")]
    [InlineData("""{"metastases":{"noEvidenceOfDisease":"yes"}}""")]
    [InlineData("""{"clinical":{"ecog":6}}""")]
    [InlineData("""{"clinical":{"asaClass":0}}""")]
    [InlineData("""{"clinical":{"ecog":1.5}}""")]
    [InlineData("""{"treatment":{"systemicTherapyResponse":"response"}}""")]
    [InlineData("""{"treatment":{"liverResections":[{"margin":"rx"}]}}""")]
    [InlineData("""{"treatment":{"liverResections":[null]}}""")]
    [InlineData("""{"treatment":{"previousAbdominalSurgeries":-1}}""")]
    [InlineData("""{"liverSurgery":{"futureLiverRemnantPercent":100.5}}""")]
    [InlineData("""{"focalTherapyContraindications":{"coagulopathy":true}}""")]
    [InlineData("""{"originUncertainty":{"hcc":true}}""")]
    public void Both_reject(string json)
    {
        Assert.NotEmpty(Schemas.Errors(Schemas.Patient, json));
        Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));
    }

    [Fact]
    public void Both_reject_every_invisible_format_character_in_a_label_and_accept_its_neighbours()
    {
        foreach (var codePoint in PatientJsonTextTests.FormatCodePoints())
        {
            var json = "{\"label\":\"a" + char.ConvertFromUtf32(codePoint) + "b\"}";
            var shown = codePoint.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

            Assert.True(Schemas.Errors(Schemas.Patient, json).Count > 0, "The schema accepts U+" + shown);
            Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));
        }

        // Printable neighbours of the ranges the pattern lists stay accepted by both.
        foreach (var text in new[] { "a\u00ACb", "a\u200Ab", "a\u2070b", "a\uFFFCb", "a\U000E0100b", "a\U0001D172b" })
        {
            var json = System.Text.Json.JsonSerializer.Serialize(new { label = text });
            Schemas.AssertValid(Schemas.Patient, json, json);
            PatientJson.Parse(json);
        }
    }
}
