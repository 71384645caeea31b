using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Questionnaires;
using Sarcoma.Consensus.Fhir.Tests.Samples;
using Sarcoma.Consensus.Fhir.Tests.Support;
using Sarcoma.Consensus.Model;
using Patient = Sarcoma.Consensus.Model.Patient;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// Safety rule 1 for the lesion list: a FHIR record can never show that it holds every metastatic lesion staging found.
/// Found by an integrator: removing the lung SecondaryCancerCondition, its Tumors and TumorSizes from liver-and-lung-omd
/// turned 5.4 from insufficient-data into does-not-apply ("No extrahepatic disease: the metastases are confined to the
/// liver"). The lesions read are pending (<see cref="McodeMapping.PendingLesions"/>) until a clinician confirms the list.
/// </summary>
public sealed class LesionListConfirmationTests
{
    private static readonly NodaTime.LocalDate AsOf = SampleBundleTests.AsOf;

    private static Bundle WithoutLungDisease()
    {
        var bundle = (Bundle)SampleBundleTests.SampleBundle("liver-and-lung-omd").DeepCopy();
        var removed = bundle.Entry.RemoveAll(e => e.Resource is { Id: "metastasis-lung" or "tumor-2" or "tumor-3" or "tumor-size-2" or "tumor-size-3" });
        Assert.Equal(5, removed);
        return bundle;
    }

    [Fact]
    public void Removing_the_lung_metastases_from_the_record_does_not_make_the_disease_liver_only()
    {
        var mapping = McodeMapper.Default.Map(WithoutLungDisease());
        var report = ConsensusEngine.Default.Evaluate(mapping.Patient, AsOf);

        foreach (var id in new[] { "5.4", "1.1" })
        {
            Assert.Equal(EvaluationStatus.InsufficientData, report[id]!.Status);
            Assert.Contains(FactNames.Lesions, report[id]!.Missing);
        }

        Assert.DoesNotContain(report.Results.SelectMany(r => r.Findings), f => f.Sentence.Contains("confined to the liver", StringComparison.Ordinal));
        Assert.Equal(MetastaticSite.Liver, Assert.Single(mapping.PendingLesions).Site);
        Assert.Empty(mapping.Patient.Metastases!.Lesions);
        var unknown = mapping.Report.UnknownEntry(FactNames.Lesions)!;
        Assert.Equal(UnknownReason.NotExpressibleInMcode, unknown.Reason);
        Assert.Contains("no other metastatic lesion", unknown.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_questionnaire_of_the_integrators_record_asks_to_confirm_the_listed_lesions()
    {
        var questionnaire = MissingFactsQuestionnaire.Create(McodeMapper.Default.Map(WithoutLungDisease()), AsOf);
        var section = questionnaire.Item.Single(i => i.LinkId == "section-metastases");
        var confirm = section.Item[0];

        Assert.Equal(MissingFactsQuestionnaire.LesionListCompleteLinkId, confirm.LinkId);
        Assert.Equal(Questionnaire.QuestionnaireItemType.Boolean, confirm.Type);
        Assert.True(confirm.Required);
        Assert.True(confirm.Text!.Contains("other than the one listed from the record (Lesion 1: liver, 25 mm, segment 4)", StringComparison.Ordinal), confirm.Text);
        Assert.DoesNotContain("Patient/", confirm.Text, StringComparison.Ordinal);
        Assert.All(
            section.Item.Where(i => i.Type == Questionnaire.QuestionnaireItemType.Group),
            group => Assert.Contains(group.EnableWhen, w => w.Question == MissingFactsQuestionnaire.LesionListCompleteLinkId && w.Answer is FhirBoolean { Value: true }));
        Assert.Empty(FhirValidation.Errors(questionnaire));
    }

    [Theory]
    [MemberData(nameof(Repo.SampleData), MemberType = typeof(Repo))]
    public void A_sample_bundle_alone_decides_no_recommendation_on_its_lesions(string name)
    {
        var mapping = McodeMapper.Default.Map(SampleBundleTests.SampleBundle(name));
        var alone = ConsensusEngine.Default.Evaluate(mapping.Patient, AsOf);
        if (alone.Scope.InScope == false)
        {
            return;
        }

        // No decided result rests on a lesion of the record: none cites one, and none changes when the list is confirmed.
        var confirmed = ConsensusEngine.Default.Evaluate(ConfirmedLesions.Patient(mapping), AsOf);
        foreach (var result in alone.Results.Where(r => r.Status != EvaluationStatus.InsufficientData))
        {
            Assert.DoesNotContain(result.Findings, f => f.Fact.StartsWith(FactNames.Lesions + "[", StringComparison.Ordinal));
            Assert.True(confirmed[result.Id]!.Status == result.Status, $"{name}: {result.Id} {result.Status} alone, {confirmed[result.Id]!.Status} confirmed; {string.Join(" / ", result.Findings.Select(f => f.Fact + ": " + f.Sentence))}");
        }

        // "Metastases in 1 organ site", "confined to the liver": the organ count of a list nobody confirmed is never stated.
        Assert.DoesNotContain(alone.Results.SelectMany(r => r.Findings), f => f.Sentence.Contains("confined to the liver", StringComparison.Ordinal) || f.Sentence.Contains("organ site", StringComparison.Ordinal));
    }

    [Fact]
    public void Answered_yes_the_lesions_become_the_patients_and_their_answers_apply()
    {
        var mapping = McodeMapper.Default.Map(SampleBundleTests.SampleBundle("metachronous-liver-omd"));
        var outcome = QuestionnaireAnswers.Apply(mapping, Response(true, ("metastases.lesions[0].resectable", true)));

        Assert.Empty(outcome.Errors);
        Assert.Empty(outcome.Conflicts);
        Assert.Contains(FactNames.Lesions, outcome.Applied);
        Assert.Equal(mapping.PendingLesions.Select(l => l.Site), outcome.Patient.Metastases!.Lesions.Select(l => l.Site));
        Assert.True(outcome.Patient.Metastases.Lesions[0].Resectable);
    }

    [Fact]
    public void Answered_no_the_lesions_stay_unknown_and_the_conflict_says_to_record_the_other_lesions()
    {
        var mapping = McodeMapper.Default.Map(SampleBundleTests.SampleBundle("metachronous-liver-omd"));
        var outcome = QuestionnaireAnswers.Apply(mapping, Response(false, ("metastases.lesions[0].resectable", true)));

        Assert.Empty(outcome.Errors);
        Assert.Empty(outcome.Patient.Metastases!.Lesions);
        Assert.DoesNotContain(FactNames.Lesions, outcome.Applied);
        Assert.Contains(outcome.Conflicts, c => c.Fact == FactNames.Lesions && c.Explanation.Contains("Record the other lesions", StringComparison.Ordinal));
        Assert.Contains(outcome.Conflicts, c => c.Fact == FactNames.Lesions && c.Explanation.Contains("were not applied", StringComparison.Ordinal));
        Assert.Equal(EvaluationStatus.InsufficientData, ConsensusEngine.Default.Evaluate(outcome.Patient, AsOf)["5.4"]!.Status);
    }

    [Fact]
    public void Unanswered_the_lesions_stay_unknown()
    {
        var mapping = McodeMapper.Default.Map(SampleBundleTests.SampleBundle("metachronous-liver-omd"));
        var outcome = QuestionnaireAnswers.Apply(mapping, Response(null, (FactNames.FitForSurgery, true)));

        Assert.Empty(outcome.Errors);
        Assert.Empty(outcome.Patient.Metastases!.Lesions);
        Assert.True(outcome.Patient.Clinical.FitForSurgery);
        Assert.Equal(EvaluationStatus.InsufficientData, ConsensusEngine.Default.Evaluate(outcome.Patient, AsOf)["5.4"]!.Status);
    }

    [Fact]
    public void A_confirmation_applied_without_the_records_lesions_leaves_them_unknown_with_a_conflict()
    {
        var mapping = McodeMapper.Default.Map(SampleBundleTests.SampleBundle("metachronous-liver-omd"));
        var outcome = QuestionnaireAnswers.Apply(mapping.Patient, Response(true));

        Assert.Empty(outcome.Errors);
        Assert.Empty(outcome.Patient.Metastases!.Lesions);
        Assert.Equal(FactNames.Lesions, Assert.Single(outcome.Conflicts).Fact);
    }

    [Fact]
    public void A_record_of_no_evidence_of_disease_needs_no_confirmation()
    {
        var mapping = McodeMapper.Default.Map(SampleBundleTests.SampleBundle("post-resection-follow-up"));

        Assert.True(mapping.Patient.Metastases!.NoEvidenceOfDisease);
        Assert.Empty(mapping.PendingLesions);
        Assert.DoesNotContain(Flatten(MissingFactsQuestionnaire.Create(mapping, AsOf).Item), i => i.LinkId == MissingFactsQuestionnaire.LesionListCompleteLinkId);
    }

    /// <summary>
    /// Property: whatever else is answered, leaving the lesion list unconfirmed (unknown) never turns a recommendation
    /// that applies with the list confirmed into does-not-apply, nor decides it otherwise.
    /// </summary>
    [Fact]
    public void Leaving_the_confirmation_unknown_never_turns_applies_into_does_not_apply()
    {
        var names = Repo.SampleData().Cast<object[]>().Select(d => (string)d[0]).Where(n => McodeMapper.Default.Map(SampleBundleTests.SampleBundle(n)).PendingLesions.Count > 0).ToArray();
        var mappings = names.ToDictionary(n => n, n => McodeMapper.Default.Map(SampleBundleTests.SampleBundle(n)));
        var facts = FactQuestions.Plain.Where(f => FactQuestions.For(f)!.ProbeValues().Any()).ToArray();
        var lesionFacts = new[] { "vascularInvolvement", "centralLocation", "symptomatic", "resectable", "ablatable" };

        var answer = from fact in Gen.Int[0, facts.Length - 1] from choice in Gen.Int[0, 9] select (Fact: fact, Choice: choice);
        var lesionAnswer = from lesion in Gen.Int[0, 9] from member in Gen.Int[0, lesionFacts.Length - 1] from value in Gen.Bool select (Lesion: lesion, Member: member, Value: value);
        var gen =
            from index in Gen.Int[0, names.Length - 1]
            from answers in answer.Array[0, 12]
            from lesionAnswers in lesionAnswer.Array[0, 6]
            select (name: names[index], answers, lesionAnswers);

        gen.Sample(
            t =>
            {
                var mapping = mappings[t.name];
                var unconfirmed = mapping.Patient;
                var confirmed = ConfirmedLesions.Patient(mapping);
                foreach (var (factIndex, choice) in t.answers)
                {
                    var fact = facts[factIndex];
                    var values = FactQuestions.For(fact)!.ProbeValues().ToArray();
                    var value = values[choice % values.Length];
                    if (!TrySet(ref unconfirmed, fact, value) || !TrySet(ref confirmed, fact, value))
                    {
                        return;
                    }
                }

                foreach (var (lesion, member, value) in t.lesionAnswers)
                {
                    if (lesion < mapping.PendingLesions.Count && !TrySet(ref confirmed, $"metastases.lesions[{lesion}].{lesionFacts[member]}", value))
                    {
                        return;
                    }
                }

                ConsensusReport with_, without;
                try
                {
                    with_ = ConsensusEngine.Default.Evaluate(confirmed, AsOf);
                    without = ConsensusEngine.Default.Evaluate(unconfirmed, AsOf);
                }
                catch (PatientValidationException)
                {
                    return; // an inconsistent combination of answers is refused, not evaluated
                }

                foreach (var result in with_.Results)
                {
                    var other = without[result.Id]!.Status;
                    Assert.False(result.Status == EvaluationStatus.Applies && other == EvaluationStatus.DoesNotApply, $"{t.name}: {result.Id} applies confirmed, does not apply unconfirmed");
                    Assert.True(other == EvaluationStatus.InsufficientData || other == result.Status, $"{t.name}: {result.Id} {result.Status} confirmed, {other} unconfirmed");
                }
            },
            iter: 150,
            seed: "0N0XIzNsQ0O2",
            print: t => t.name + " " + string.Join(",", t.answers.Select(a => facts[a.Fact] + "=" + a.Choice)) + " | " + string.Join(",", t.lesionAnswers));
    }

    private static bool TrySet(ref Patient patient, string fact, object value)
    {
        try
        {
            patient = PatientFacts.Set(patient, fact, value);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or PatientValidationException)
        {
            return false;
        }
    }

    private static QuestionnaireResponse Response(bool? confirmed, params (string LinkId, bool Value)[] answers)
    {
        var response = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed };
        var section = new QuestionnaireResponse.ItemComponent { LinkId = "section-metastases" };
        if (confirmed is { } c)
        {
            section.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = MissingFactsQuestionnaire.LesionListCompleteLinkId, Answer = { new QuestionnaireResponse.AnswerComponent { Value = new FhirBoolean(c) } } });
        }

        foreach (var (linkId, value) in answers)
        {
            section.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = linkId, Answer = { new QuestionnaireResponse.AnswerComponent { Value = new FhirBoolean(value) } } });
        }

        response.Item.Add(section);
        return response;
    }

    private static IEnumerable<Questionnaire.ItemComponent> Flatten(IEnumerable<Questionnaire.ItemComponent> items) =>
        items.SelectMany(i => new[] { i }.Concat(Flatten(i.Item)));
}
