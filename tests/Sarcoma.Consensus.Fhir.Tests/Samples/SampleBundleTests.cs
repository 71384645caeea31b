using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hl7.Fhir.Model;
using NodaTime;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Questionnaires;
using Sarcoma.Consensus.Fhir.Tests.Support;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;
using Patient = Sarcoma.Consensus.Model.Patient;

namespace Sarcoma.Consensus.Fhir.Tests.Samples;

/// <summary>
/// Each sample patient as an mCODE bundle (<c>samples/fhir/</c>): the bundle is valid R4, maps back to the same facts,
/// and — after the generated Questionnaire is answered with the sample's remaining facts — gives the same report.
/// </summary>
public sealed class SampleBundleTests
{
    internal static readonly LocalDate AsOf = new(2026, 11, 26);

    internal static Patient SamplePatient(string name) =>
        PatientJson.Parse(File.ReadAllText(Path.Combine(Repo.SamplePatients, name + ".json")));

    internal static Bundle SampleBundle(string name) =>
        FhirJson.ParseBundle(File.ReadAllText(Path.Combine(Repo.SampleBundles, name + ".json")));

    [Theory]
    [MemberData(nameof(Repo.SampleData), MemberType = typeof(Repo))]
    public void Committed_bundle_is_what_the_sample_writes(string name)
    {
        var expected = FhirJson.Serialize(SampleBundleWriter.Write(name, SamplePatient(name)));
        var path = Path.Combine(Repo.SampleBundles, name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_SAMPLE_BUNDLES") == "1")
        {
            Directory.CreateDirectory(Repo.SampleBundles);
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), path + " is missing: run the tests with UPDATE_SAMPLE_BUNDLES=1.");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void Committed_response_answers_the_flagship_questionnaire_with_the_samples_facts()
    {
        const string name = "metachronous-liver-omd";
        var questionnaire = MissingFactsQuestionnaire.Create(McodeMapper.Default.Map(SampleBundle(name)), AsOf);
        var response = QuestionnaireRounds.Respond(questionnaire, SamplePatient(name));
        response.Id = name + "-answers";
        var expected = FhirJson.Serialize(response);
        var path = Path.Combine(Repo.SampleBundles, "responses", name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_SAMPLE_BUNDLES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected, path + " is not the response to today's questionnaire: run the tests with UPDATE_SAMPLE_BUNDLES=1.");
        Assert.Empty(FhirValidation.Errors(response));
    }

    [Theory]
    [MemberData(nameof(Repo.SampleData), MemberType = typeof(Repo))]
    public void Bundle_is_valid_FHIR_R4(string name) =>
        Assert.True(FhirValidation.Errors(SampleBundle(name)).Length == 0, string.Join("\n", FhirValidation.Errors(SampleBundle(name)).Take(3)));

    [Theory]
    [MemberData(nameof(Repo.SampleData), MemberType = typeof(Repo))]
    public void Bundle_maps_back_to_the_facts_FHIR_can_hold(string name)
    {
        var sample = SamplePatient(name);
        var read = McodeMapper.Default.Map(SampleBundle(name));
        var mapping = new { read.Report, Patient = ConfirmedLesions.Patient(read) };

        // The lesions read are pending, not the patient's, until confirmed (a record cannot show that it lists every lesion).
        Assert.Empty(read.Patient.Metastases?.Lesions ?? Array.Empty<Lesion>());
        Assert.Equal(read.PendingLesions.Count > 0, read.Report.UnknownEntry(FactNames.Lesions)?.Reason == UnknownReason.NotExpressibleInMcode);

        // Every fact the mapper set equals the sample's; every fact mCODE can hold that the sample records is set.
        foreach (var fact in mapping.Report.Mapped.Select(m => m.Fact).Where(f => FactQuestions.For(f) is not null).Distinct())
        {
            var expected = PatientFacts.Get(sample, fact);
            if (expected is not null)
            {
                Assert.True(PatientFacts.Same(expected, PatientFacts.Get(mapping.Patient, fact)), $"{name}: {fact} differs");
            }
        }

        foreach (var fact in HoldableFacts(sample))
        {
            Assert.True(PatientFacts.Same(PatientFacts.Get(sample, fact), PatientFacts.Get(mapping.Patient, fact)), $"{name}: {fact} was not mapped back");
        }

        Assert.Equal(sample.Metastases?.Lesions.Count ?? 0, mapping.Patient.Metastases?.Lesions.Count ?? 0);
        Assert.Equal(sample.Treatment.LiverResections.Count, mapping.Patient.Treatment.LiverResections.Count);
    }

    [Theory]
    [MemberData(nameof(Repo.SampleData), MemberType = typeof(Repo))]
    public void Answering_the_questionnaire_decides_every_recommendation_as_the_sample_does(string name)
    {
        var sample = SamplePatient(name);
        var expected = ConsensusEngine.Default.Evaluate(sample, AsOf);

        // One Questionnaire, answered from the sample, decides every recommendation as the sample does. A later
        // Questionnaire may still ask a fact that only matters under answers the patient did not give (adaptive follow-up).
        var outcome = QuestionnaireRounds.Answer(McodeMapper.Default.Map(SampleBundle(name)), sample, AsOf, out _, maximumRounds: 1);
        var actual = ConsensusEngine.Default.Evaluate(outcome.Patient, AsOf);

        Assert.Empty(outcome.Conflicts);
        Assert.Empty(outcome.Errors);
        Assert.Equal(expected.Scope.InScope, actual.Scope.InScope);
        Assert.Equal(expected.Results.Select(r => r.Id + " " + r.Status), actual.Results.Select(r => r.Id + " " + r.Status));
    }

    [Theory]
    [MemberData(nameof(Repo.SampleData), MemberType = typeof(Repo))]
    public void Answering_the_detailed_questionnaire_gives_the_samples_report(string name)
    {
        var sample = SamplePatient(name);
        var expected = ReportJson.Serialize(ConsensusEngine.Default.Evaluate(sample, AsOf));

        var outcome = QuestionnaireRounds.Answer(McodeMapper.Default.Map(SampleBundle(name)), sample, AsOf, out var rounds, new QuestionnaireOptions { IncludeReportDetails = true });

        Assert.Empty(outcome.Conflicts);
        Assert.Empty(outcome.Errors);
        Assert.True(rounds <= 2, name + ": " + rounds + " rounds of questions");
        var actual = ReportJson.Serialize(ConsensusEngine.Default.Evaluate(outcome.Patient, AsOf));
        Assert.True(expected == actual, name + ": the reports differ:\n" + string.Join("\n", Differences(expected, actual)));
    }

    internal static IEnumerable<string> Differences(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        return Enumerable.Range(0, Math.Max(a.Length, b.Length))
            .Where(i => i >= a.Length || i >= b.Length || a[i] != b[i])
            .Take(12)
            .Select(i => $"line {i + 1}: expected {(i < a.Length ? a[i].Trim() : "(end)")} | actual {(i < b.Length ? b[i].Trim() : "(end)")}");
    }

    /// <summary>The facts of the sample that FHIR R4 / mCODE can hold, by the rules of docs/fhir.md (positives only where absence is unknown).</summary>
    private static IEnumerable<string> HoldableFacts(Patient sample)
    {
        var facts = new List<string>
        {
            FactNames.PrimaryHistology, FactNames.PrimarySite, FactNames.PrimaryGrade, FactNames.PrimaryDiagnosedOn, FactNames.PrimaryResectedOn,
            FactNames.MetastasesDetectedOn, FactNames.DiffusePleural, FactNames.DiffusePericardial, FactNames.DiffusePeritoneal, FactNames.DiffuseLeptomeningeal,
            FactNames.Ecog, FactNames.SystemicTherapyResponse,
        };
        facts.AddRange(new[]
        {
            (FactNames.PrimaryResected, sample.Primary?.Resected == true),
            (FactNames.NoEvidenceOfDisease, sample.Metastases?.NoEvidenceOfDisease == true),
            (FactNames.SystemicTherapyReceived, sample.Treatment.SystemicTherapyReceived == true),
            (FactNames.OnSystemicTherapy, sample.Treatment.OnSystemicTherapy == true),
            (FactNames.PreviousLiverResection, sample.Treatment.HasPreviousLiverResection == true),
            (FactNames.OtherCancerHistory, sample.OriginUncertainty.OtherCancerHistory == true),
        }.Where(f => f.Item2).Select(f => f.Item1));
        var lesions = sample.Metastases?.Lesions ?? Array.Empty<Lesion>();
        for (var i = 0; i < lesions.Count; i++)
        {
            facts.Add($"metastases.lesions[{i}].sizeMm");
            facts.Add($"metastases.lesions[{i}].segments");
            facts.Add($"metastases.lesions[{i}].lobe");
        }

        for (var i = 0; i < sample.Treatment.LiverResections.Count; i++)
        {
            facts.Add($"treatment.liverResections[{i}].performedOn");
        }

        return facts.Where(f => PatientFacts.Get(sample, f) is not null);
    }
}
