using System;
using System.Linq;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using NodaTime;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Questionnaires;
using Sarcoma.Consensus.Fhir.Tests.Samples;
using Sarcoma.Consensus.Fhir.Tests.Support;
using Sarcoma.Consensus.Model;
using Patient = Sarcoma.Consensus.Model.Patient;

namespace Sarcoma.Consensus.Fhir.Tests.Questionnaires;

/// <summary>The Questionnaire of the facts a record cannot hold, and reading its response back.</summary>
public sealed class QuestionnaireTests
{
    private static readonly LocalDate AsOf = SampleBundleTests.AsOf;

    private static Patient Flagship => ConfirmedLesions.Patient(McodeMapper.Default.Map(SampleBundleTests.SampleBundle("metachronous-liver-omd")));

    [Theory]
    [MemberData(nameof(Repo.SampleData), MemberType = typeof(Repo))]
    public void Questionnaire_of_every_sample_bundle_is_valid_FHIR_R4(string name)
    {
        var mapping = McodeMapper.Default.Map(SampleBundleTests.SampleBundle(name));

        var questionnaire = MissingFactsQuestionnaire.Create(mapping, AsOf, options: new QuestionnaireOptions { IncludeReportDetails = true });

        Assert.True(FhirValidation.Errors(questionnaire).Length == 0, string.Join("\n", FhirValidation.Errors(questionnaire)));
    }

    [Fact]
    public void The_validator_used_here_does_report_an_invalid_resource()
    {
        var questionnaire = new Questionnaire { Item = { new Questionnaire.ItemComponent { LinkId = "q", Type = Questionnaire.QuestionnaireItemType.Display, Required = true } } };

        Assert.NotEmpty(FhirValidation.Errors(questionnaire));
    }

    [Fact]
    public void Every_fact_a_recommendation_is_missing_is_asked_in_clinician_wording()
    {
        var patient = Flagship;
        var report = ConsensusEngine.Default.Evaluate(patient, AsOf);
        var questionnaire = MissingFactsQuestionnaire.Create(patient, AsOf);
        var questions = Flatten(questionnaire.Item).Where(i => i.Type != Questionnaire.QuestionnaireItemType.Group).ToArray();
        var asked = questions.Select(q => q.LinkId).ToHashSet();

        foreach (var missing in MissingFactsQuestionnaire.Expand(patient, report.Results.SelectMany(r => r.Missing)))
        {
            Assert.Contains(missing, asked);
        }

        Assert.All(Flatten(questionnaire.Item), item =>
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Text));
            Assert.DoesNotMatch(new Regex(@"[a-z]+\.[a-z]+|\[\]|\[[0-9]+\]"), item.Text);
        });
    }

    [Fact]
    public void Nothing_is_asked_for_an_out_of_scope_patient()
    {
        var mapping = McodeMapper.Default.Map(SampleBundleTests.SampleBundle("gist-out-of-scope"));

        Assert.Empty(MissingFactsQuestionnaire.Create(mapping, AsOf).Item);
    }

    [Fact]
    public void A_question_that_only_matters_after_another_answer_is_enabled_by_it()
    {
        var patient = Flagship with { Primary = Flagship.Primary! with { Resected = null, ResectedOn = null } };

        var resectable = Flatten(MissingFactsQuestionnaire.Create(patient, AsOf).Item).Single(i => i.LinkId == FactNames.PrimaryResectable);

        var condition = Assert.Single(resectable.EnableWhen);
        Assert.Equal(FactNames.PrimaryResected, condition.Question);
        Assert.Equal(Questionnaire.QuestionnaireItemOperator.Equal, condition.Operator);
        Assert.Equal(false, ((FhirBoolean)condition.Answer).Value);
    }

    [Fact]
    public void Answers_fill_unknown_facts_and_a_contradicting_answer_is_reported_not_applied()
    {
        var patient = Flagship;
        var response = new QuestionnaireResponse
        {
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Item =
            {
                Answer(FactNames.FitForSurgery, new FhirBoolean(true)),
                Answer(FactNames.Ecog, new Integer(3)),
                Answer("metastases.lesions[1].resectable", new FhirBoolean(true)),
                Answer(FactNames.LastTreatmentEndedOn, new Date(2022, 4, 20)),
                Answer(FactNames.SystemicTherapyResponse, new FhirString("Stable disease")),
                Answer(FactNames.AsaClass, new Integer(9)),
                Answer("no.such.fact", new FhirBoolean(true)),
            },
        };

        var outcome = QuestionnaireAnswers.Apply(patient, response);

        Assert.True(outcome.Patient.Clinical.FitForSurgery);
        Assert.True(outcome.Patient.Metastases!.Lesions[1].Resectable);
        Assert.Equal(new LocalDate(2022, 4, 20), outcome.Patient.Treatment.LastTreatmentEndedOn);
        Assert.Equal(TreatmentResponse.StableDisease, outcome.Patient.Treatment.SystemicTherapyResponse);
        Assert.Equal(0, outcome.Patient.Clinical.Ecog);
        Assert.Equal(FactNames.Ecog, Assert.Single(outcome.Conflicts).Fact);
        Assert.Equal(new[] { FactNames.AsaClass, "QuestionnaireResponse.item[6].linkId" }, outcome.Errors.Select(e => e.Field));
        Assert.Null(outcome.Patient.Clinical.AsaClass);
        Assert.Contains(FactNames.FitForSurgery, outcome.Applied);
    }

    [Fact]
    public void Lesions_the_record_does_not_list_are_asked_as_a_repeating_group_and_added()
    {
        var patient = Flagship with { Metastases = Flagship.Metastases! with { Lesions = Array.Empty<Lesion>() } };
        var group = Flatten(MissingFactsQuestionnaire.Create(patient, AsOf).Item).Single(i => i.LinkId == MissingFactsQuestionnaire.NewLesionsLinkId);
        Assert.True(group.Repeats);

        var response = new QuestionnaireResponse();
        foreach (var size in new[] { 32m, 18m })
        {
            var lesion = new QuestionnaireResponse.ItemComponent { LinkId = MissingFactsQuestionnaire.NewLesionsLinkId };
            lesion.Item.Add(Answer(FactNames.LesionSite, new FhirString("Liver")));
            lesion.Item.Add(Answer(FactNames.LesionSizeMm, new FhirDecimal(size)));
            lesion.Item.Add(Answer(FactNames.LesionSegments, new Integer(6), new Integer(7)));
            response.Item.Add(lesion);
        }

        var outcome = QuestionnaireAnswers.Apply(patient, response);

        Assert.Equal(new decimal?[] { 32m, 18m }, outcome.Patient.Metastases!.Lesions.Select(l => l.SizeMm));
        Assert.Equal(new[] { 6, 7 }, outcome.Patient.Metastases.Lesions[0].Segments);
        Assert.Empty(outcome.Errors);
    }

    private static QuestionnaireResponse.ItemComponent Answer(string linkId, params DataType[] values)
    {
        var item = new QuestionnaireResponse.ItemComponent { LinkId = linkId };
        foreach (var value in values)
        {
            item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = value });
        }

        return item;
    }

    private static System.Collections.Generic.IEnumerable<Questionnaire.ItemComponent> Flatten(System.Collections.Generic.IEnumerable<Questionnaire.ItemComponent> items) =>
        items.SelectMany(i => new[] { i }.Concat(Flatten(i.Item)));
}
