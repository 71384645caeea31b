using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hl7.Fhir.Model;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Model;
using Patient = Sarcoma.Consensus.Model.Patient;

namespace Sarcoma.Consensus.Fhir.Questionnaires;

/// <summary>An answer that contradicts a fact the record already holds: reported, never applied.</summary>
/// <remarks>Immutable and thread-safe. It names the fact, not the values.</remarks>
public sealed record AnswerConflict(string Fact, string Explanation);

/// <summary>The patient after a QuestionnaireResponse was read, and what happened to each answer.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AnswerOutcome
{
    internal AnswerOutcome(Patient patient, IReadOnlyList<string> applied, IReadOnlyList<string> confirmed, IReadOnlyList<AnswerConflict> conflicts, IReadOnlyList<ValidationError> errors)
    {
        Patient = patient;
        Applied = applied;
        Confirmed = confirmed;
        Conflicts = conflicts;
        Errors = errors;
    }

    /// <summary>Gets the patient with every applied answer.</summary>
    public Patient Patient { get; }

    /// <summary>Gets the facts (paths) the answers filled in.</summary>
    public IReadOnlyList<string> Applied { get; }

    /// <summary>Gets the facts answered with the value the record already holds.</summary>
    public IReadOnlyList<string> Confirmed { get; }

    /// <summary>Gets the answers that contradict the record; none of them was applied.</summary>
    public IReadOnlyList<AnswerConflict> Conflicts { get; }

    /// <summary>Gets answers that could not be read (unknown linkId, wrong answer type, out of range), by linkId; none was applied.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}

/// <summary>
/// Reads a FHIR R4 <see cref="QuestionnaireResponse"/> to a <see cref="MissingFactsQuestionnaire"/> back into the
/// patient: answers fill unknown facts; an answer that contradicts a recorded fact is reported as a conflict and never
/// applied; an answer that cannot be read is reported as an error.
/// </summary>
/// <remarks>Thread-safe. Messages name linkIds and facts, never values.</remarks>
public static class QuestionnaireAnswers
{
    /// <summary>Applies the answers.</summary>
    /// <param name="patient">The patient the Questionnaire was generated for.</param>
    /// <param name="response">The response.</param>
    /// <param name="histologyMap">How a histology answer is resolved; <see cref="HistologyMap.Default"/> when <see langword="null"/>.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AnswerOutcome Apply(Patient patient, QuestionnaireResponse response, HistologyMap? histologyMap = null)
    {
        if (patient is null)
        {
            throw new ArgumentNullException(nameof(patient));
        }

        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        var reader = new Reader(patient, histologyMap ?? HistologyMap.Default);
        reader.FindDuplicates(response.Item, "QuestionnaireResponse");
        reader.Items(response.Item);
        reader.Finish();
        return new AnswerOutcome(reader.Patient, reader.Applied, reader.Confirmed, reader.Conflicts, reader.Errors);
    }

    private sealed class Reader
    {
        private readonly HistologyMap map;
        private readonly List<Lesion> newLesions = new();
        private readonly List<LiverResection> newResections = new();

        public Reader(Patient patient, HistologyMap map)
        {
            Patient = patient;
            this.map = map;
        }

        public Patient Patient { get; private set; }

        public List<string> Applied { get; } = new();

        public List<string> Confirmed { get; } = new();

        public List<AnswerConflict> Conflicts { get; } = new();

        public List<ValidationError> Errors { get; } = new();

        // Questions answered more than once (a duplicate linkId) with answers that differ: neither answer is applied
        // (never settled by item order); the conflict names both items' paths, never the answers.
        private readonly Dictionary<string, List<(string Path, List<QuestionnaireResponse.AnswerComponent> Answers)>> answered = new(StringComparer.Ordinal);
        private readonly HashSet<string> conflicting = new(StringComparer.Ordinal);

        public void FindDuplicates(List<QuestionnaireResponse.ItemComponent> items, string path)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var linkId = item.LinkId ?? string.Empty;
                var itemPath = path + ".item[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
                if (linkId == MissingFactsQuestionnaire.NewLesionsLinkId || linkId == MissingFactsQuestionnaire.NewLiverResectionsLinkId)
                {
                    continue;
                }

                if (item.Answer.Count > 0)
                {
                    if (!answered.TryGetValue(linkId, out var earlier))
                    {
                        answered[linkId] = earlier = new();
                    }

                    var differing = earlier.FirstOrDefault(e => !SameAnswers(e.Answers, item.Answer));
                    if (differing.Path is not null && conflicting.Add(linkId))
                    {
                        Conflicts.Add(new AnswerConflict(linkId, $"Conflicting: {differing.Path} and {itemPath} answer the same question (linkId) differently; neither answer was applied."));
                    }

                    earlier.Add((itemPath, item.Answer));
                }

                FindDuplicates(item.Item, itemPath);
            }
        }

        private static bool SameAnswers(List<QuestionnaireResponse.AnswerComponent> a, List<QuestionnaireResponse.AnswerComponent> b) =>
            a.Count == b.Count && a.Zip(b, (x, y) => x.Value is null ? y.Value is null : y.Value is not null && x.Value.IsExactly(y.Value)).All(same => same);

        public void Items(IEnumerable<QuestionnaireResponse.ItemComponent> items)
        {
            foreach (var item in items)
            {
                var linkId = item.LinkId ?? string.Empty;
                if (linkId == MissingFactsQuestionnaire.NewLesionsLinkId)
                {
                    NewLesion(item);
                }
                else if (linkId == MissingFactsQuestionnaire.NewLiverResectionsLinkId)
                {
                    NewResection(item);
                }
                else if (item.Answer.Count > 0 && !conflicting.Contains(linkId))
                {
                    Answer(linkId, item.Answer);
                }

                Items(item.Item.Where(_ => linkId != MissingFactsQuestionnaire.NewLesionsLinkId && linkId != MissingFactsQuestionnaire.NewLiverResectionsLinkId));
            }
        }

        public void Finish()
        {
            if (newLesions.Count > 0)
            {
                if ((Patient.Metastases?.Lesions.Count ?? 0) > 0)
                {
                    Conflicts.Add(new AnswerConflict(FactNames.Lesions, "The record already lists lesions; the lesions answered were not added."));
                }
                else
                {
                    var metastases = Patient.Metastases ?? new MetastaticDisease();
                    Patient = Patient with { Metastases = metastases with { Lesions = newLesions.ToArray() } };
                    Applied.Add(FactNames.Lesions);
                }
            }

            if (newResections.Count > 0)
            {
                if (Patient.Treatment.LiverResections.Count > 0)
                {
                    Conflicts.Add(new AnswerConflict(FactNames.LiverResections, "The record already lists liver resections; the resections answered were not added."));
                }
                else if (Patient.Treatment.HasPreviousLiverResection == false)
                {
                    Conflicts.Add(new AnswerConflict(FactNames.LiverResections, "The record says there was no liver resection; the resections answered were not added."));
                }
                else
                {
                    Patient = Patient with { Treatment = Patient.Treatment with { LiverResections = newResections.ToArray(), PreviousLiverResection = true } };
                    Applied.Add(FactNames.LiverResections);
                }
            }
        }

        private void Answer(string linkId, List<QuestionnaireResponse.AnswerComponent> answers)
        {
            if (FactQuestions.For(linkId) is not { } question || linkId.Contains("[]"))
            {
                Errors.Add(new ValidationError(linkId, "is not a question of this Questionnaire; the answer was not read."));
                return;
            }

            if (!TryRead(question, answers, linkId, out var value))
            {
                return;
            }

            object? recorded;
            try
            {
                recorded = PatientFacts.Get(Patient, linkId);
            }
            catch (ArgumentException)
            {
                Errors.Add(new ValidationError(linkId, "names no fact of this patient; the answer was not read."));
                return;
            }

            if (recorded is not null)
            {
                if (PatientFacts.Same(recorded, value))
                {
                    Confirmed.Add(linkId);
                }
                else
                {
                    Conflicts.Add(new AnswerConflict(linkId, "The answer contradicts what the record holds; the recorded fact is kept and the answer was not applied."));
                }

                return;
            }

            try
            {
                Patient = PatientFacts.Set(Patient, linkId, value);
                Applied.Add(linkId);
            }
            catch (ArgumentOutOfRangeException)
            {
                Errors.Add(new ValidationError(linkId, "names a lesion or liver resection the record does not hold; the answer was not read."));
            }
        }

        private bool TryRead(FactQuestion question, List<QuestionnaireResponse.AnswerComponent> answers, string linkId, out object? value)
        {
            value = null;
            var values = answers.Select(a => a.Value).Where(v => v is not null).ToArray();
            if (values.Length == 0)
            {
                return false;
            }

            if (question.Kind != AnswerKind.Segments && values.Length > 1)
            {
                Errors.Add(new ValidationError(linkId, "has more than one answer; it takes one."));
                return false;
            }

            var first = values[0];
            switch (question.Kind)
            {
                case AnswerKind.Boolean when first is FhirBoolean { Value: { } b }:
                    value = b;
                    return true;
                case AnswerKind.Integer when first is Integer { Value: { } i } && InRange(question, i):
                    value = i;
                    return true;
                case AnswerKind.Decimal when (first is FhirDecimal { Value: { } d } ? d : first is Quantity { Value: { } q } ? q : (decimal?)null) is { } number && InRange(question, number):
                    value = number;
                    return true;
                case AnswerKind.Date when first is Date or FhirDateTime:
                    var date = FhirValues.CalendarDate(first, out _);
                    if (date is not null)
                    {
                        value = date;
                        return true;
                    }

                    break;
                case AnswerKind.Choice:
                    var label = first switch
                    {
                        FhirString s => s.Value,
                        Coding c => c.Display ?? c.Code,
                        _ => null,
                    };
                    var choice = question.Choices!.FirstOrDefault(c => string.Equals(c.Label, label, StringComparison.Ordinal));
                    if (choice.Label is not null)
                    {
                        value = choice.Value;
                        return true;
                    }

                    break;
                case AnswerKind.Histology when first is FhirString { Value: { } text } && map.TryResolve(text.Trim(), out var histology):
                    value = histology;
                    return true;
                case AnswerKind.Segments when values.All(v => v is Integer { Value: >= 1 and <= 8 }):
                    value = values.OfType<Integer>().Select(v => v.Value ?? 0).Distinct().OrderBy(s => s).ToArray();
                    return true;
            }

            Errors.Add(new ValidationError(linkId, "has an answer of the wrong type or out of range; it was not applied."));
            return false;
        }

        private static bool InRange(FactQuestion question, decimal value) =>
            (question.Min is not { } min || value >= min) && (question.Max is not { } max || value <= max);

        private void NewLesion(QuestionnaireResponse.ItemComponent group)
        {
            var answers = group.Item.Where(i => i.Answer.Count > 0).ToDictionary(i => i.LinkId ?? string.Empty, i => i.Answer, StringComparer.Ordinal);
            object? Read(string fact) =>
                answers.TryGetValue(fact, out var a) && TryRead(FactQuestions.For(fact)!, a, fact, out var v) ? v : null;

            if (Read(FactNames.LesionSite) is not MetastaticSite site)
            {
                Errors.Add(new ValidationError(FactNames.Lesions, "an entry has no organ or site; it was not added."));
                return;
            }

            newLesions.Add(new Lesion
            {
                Site = site,
                SizeMm = (decimal?)Read(FactNames.LesionSizeMm),
                Segments = (int[]?)Read(FactNames.LesionSegments) ?? Array.Empty<int>(),
                VascularInvolvement = (bool?)Read(FactNames.LesionVascularInvolvement),
                CentralLocation = (bool?)Read(FactNames.LesionCentralLocation),
                Symptomatic = (bool?)Read(FactNames.LesionSymptomatic),
                Resectable = (bool?)Read(FactNames.LesionResectable),
                Ablatable = (bool?)Read(FactNames.LesionAblatable),
            });
        }

        private void NewResection(QuestionnaireResponse.ItemComponent group)
        {
            var answers = group.Item.Where(i => i.Answer.Count > 0).ToDictionary(i => i.LinkId ?? string.Empty, i => i.Answer, StringComparer.Ordinal);
            object? Read(string fact) =>
                answers.TryGetValue(fact, out var a) && TryRead(FactQuestions.For(fact)!, a, fact, out var v) ? v : null;
            newResections.Add(new LiverResection
            {
                PerformedOn = (LocalDate?)Read(FactNames.LiverResectionPerformedOn),
                Margin = (ResectionMargin?)Read(FactNames.LiverResectionMargin),
            });
        }
    }
}
