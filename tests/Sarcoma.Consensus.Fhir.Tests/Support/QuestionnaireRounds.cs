using System;
using System.Collections.Generic;
using System.Linq;
using Hl7.Fhir.Model;
using NodaTime;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Questionnaires;
using Sarcoma.Consensus.Model;
using Patient = Sarcoma.Consensus.Model.Patient;

namespace Sarcoma.Consensus.Fhir.Tests.Support;

/// <summary>
/// Plays a clinician filling in the generated Questionnaire: answers every enabled question with the fact the
/// reference patient holds (leaving it blank when the reference does not know it either), as an SDC form would show it.
/// </summary>
internal static class QuestionnaireRounds
{
    /// <summary>Answers the Questionnaire of a mapped record (the first round confirms the record's lesions, <see cref="McodeMapping.PendingLesions"/>), then of the answered patient.</summary>
    public static AnswerOutcome Answer(McodeMapping mapped, Patient reference, LocalDate asOf, out int rounds, QuestionnaireOptions? options = null, int maximumRounds = 3) =>
        Answer(mapped.Patient, mapped, reference, asOf, out rounds, options, maximumRounds);

    public static AnswerOutcome Answer(Patient mapped, Patient reference, LocalDate asOf, out int rounds, QuestionnaireOptions? options = null, int maximumRounds = 3) =>
        Answer(mapped, null, reference, asOf, out rounds, options, maximumRounds);

    private static AnswerOutcome Answer(Patient mapped, McodeMapping? mapping, Patient reference, LocalDate asOf, out int rounds, QuestionnaireOptions? options, int maximumRounds)
    {
        var current = mapped;
        AnswerOutcome? outcome = null;
        var conflicts = new List<AnswerConflict>();
        var errors = new List<ValidationError>();
        rounds = 0;
        while (rounds < maximumRounds)
        {
            var first = rounds == 0 && mapping is not null;
            var questionnaire = first ? MissingFactsQuestionnaire.Create(mapping!, asOf, options: options) : MissingFactsQuestionnaire.Create(current, asOf, options: options);
            var response = Respond(questionnaire, reference);
            if (response.Item.Count == 0)
            {
                break;
            }

            rounds++;
            outcome = first ? QuestionnaireAnswers.Apply(mapping!, response) : QuestionnaireAnswers.Apply(current, response);
            conflicts.AddRange(outcome.Conflicts);
            errors.AddRange(outcome.Errors);
            if (outcome.Applied.Count == 0)
            {
                break;
            }

            current = outcome.Patient;
        }

        return outcome is null
            ? QuestionnaireAnswers.Apply(current, new QuestionnaireResponse())
            : new AnswerOutcome(current, Array.Empty<string>(), Array.Empty<string>(), conflicts, errors);
    }

    public static QuestionnaireResponse Respond(Questionnaire questionnaire, Patient reference)
    {
        var response = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed, Questionnaire = questionnaire.Url };
        var given = new Dictionary<string, DataType>(StringComparer.Ordinal);
        foreach (var item in questionnaire.Item)
        {
            if (Respond(item, reference, given) is { } answered)
            {
                response.Item.Add(answered);
            }
        }

        return response;
    }

    private static QuestionnaireResponse.ItemComponent? Respond(Questionnaire.ItemComponent item, Patient reference, Dictionary<string, DataType> given)
    {
        if (!Enabled(item, given))
        {
            return null;
        }

        var result = new QuestionnaireResponse.ItemComponent { LinkId = item.LinkId, Text = item.Text };
        if (item.Type == Questionnaire.QuestionnaireItemType.Group)
        {
            if (item.LinkId == MissingFactsQuestionnaire.NewLesionsLinkId || item.LinkId == MissingFactsQuestionnaire.NewLiverResectionsLinkId)
            {
                return null; // The sample bundles list every lesion and resection; nothing to add here.
            }

            foreach (var child in item.Item)
            {
                if (Respond(child, reference, given) is { } answered)
                {
                    result.Item.Add(answered);
                }
            }

            return result.Item.Count > 0 ? result : null;
        }

        if (item.LinkId == MissingFactsQuestionnaire.LesionListCompleteLinkId)
        {
            // A complete patient document: the record's lesions are all its lesions when it lists as many.
            var listed = item.Text!.Contains("other than the one listed", StringComparison.Ordinal) ? 1 : int.Parse(item.Text!.Split("other than the ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            var complete = new FhirBoolean(reference.Metastases?.Lesions.Count == listed);
            result.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = complete });
            given[item.LinkId] = complete;
            return result;
        }

        var value = PatientFacts.Get(reference, item.LinkId!);
        if (value is null)
        {
            return null;
        }

        var question = FactQuestions.For(item.LinkId!)!;
        IEnumerable<DataType> answers = value switch
        {
            bool b => new[] { new FhirBoolean(b) },
            int i => new[] { new Integer(i) },
            decimal d => new[] { new FhirDecimal(d) },
            LocalDate date => new[] { new Date(date.Year, date.Month, date.Day) },
            Histology h => new[] { new FhirString(h.Key) },
            int[] segments => segments.Select(s => (DataType)new Integer(s)),
            _ => new[] { new FhirString(question.LabelOf(value)) },
        };
        foreach (var answer in answers)
        {
            result.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = answer });
        }

        given[item.LinkId!] = result.Answer[0].Value!;
        return result;
    }

    private static bool Enabled(Questionnaire.ItemComponent item, Dictionary<string, DataType> given)
    {
        if (item.EnableWhen.Count == 0)
        {
            return true;
        }

        var met = item.EnableWhen.Select(w => given.TryGetValue(w.Question!, out var answer) && answer.IsExactly(w.Answer)).ToArray();
        return item.EnableBehavior == Questionnaire.EnableWhenBehavior.Any ? met.Any(m => m) : met.All(m => m);
    }
}
