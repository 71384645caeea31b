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
    /// <remarks>
    /// Without the record (<see cref="QuestionnaireAnswerOptions.ForRecord"/>) a <c>QuestionnaireResponse.subject</c>
    /// can only be checked to be a relative <c>Patient/&lt;id&gt;</c> reference, and dates only against the plausible
    /// range; prefer <see cref="Apply(Patient, QuestionnaireResponse, QuestionnaireAnswerOptions)"/>.
    /// </remarks>
    public static AnswerOutcome Apply(Patient patient, QuestionnaireResponse response, HistologyMap? histologyMap = null) =>
        Apply(patient, response, new QuestionnaireAnswerOptions { HistologyMap = histologyMap ?? HistologyMap.Default });

    /// <summary>Applies the answers, checking the response against the record and the evaluation date.</summary>
    /// <param name="patient">The patient the Questionnaire was generated for.</param>
    /// <param name="response">The response.</param>
    /// <param name="options">The record's Patient, the evaluation date and the histology map (docs/fhir.md, "The Questionnaire").</param>
    /// <returns>
    /// The outcome. A response that cannot be this patient's current answers — <c>status</c> entered-in-error (or not a
    /// code of its value set), a <c>subject</c> that is not the record's Patient, an <c>authored</c> date that is not a
    /// plausible date or is after <see cref="QuestionnaireAnswerOptions.AsOf"/> — applies no answer and lists the error
    /// by element (<c>QuestionnaireResponse.subject</c>). An item whose <c>linkId</c> writes a list index other than as
    /// the Questionnaire does (<c>metastases.lesions[01]</c>) is an error at its path (<c>QuestionnaireResponse.item[0].item[2].linkId</c>),
    /// not applied. A date answer outside the plausible range (1950-01-01 to 2099-12-31), after the evaluation date or
    /// after <c>authored</c> is an error by linkId.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AnswerOutcome Apply(Patient patient, QuestionnaireResponse response, QuestionnaireAnswerOptions options)
    {
        if (patient is null)
        {
            throw new ArgumentNullException(nameof(patient));
        }

        return Apply(patient, Array.Empty<Lesion>(), response, options);
    }

    /// <summary>
    /// Applies the answers to a mapped FHIR record, with the lesions read from it (<see cref="McodeMapping.PendingLesions"/>):
    /// a yes to <see cref="MissingFactsQuestionnaire.LesionListCompleteLinkId"/> (staging found no other current
    /// metastatic lesion) makes them the patient's lesions, listed in <see cref="AnswerOutcome.Applied"/> as
    /// <c>metastases.lesions</c>, and the answers about each lesion then apply as to a listed lesion; a no leaves the
    /// lesions unknown, with a <see cref="AnswerOutcome.Conflicts"/> entry saying to record the other lesions (in the EHR
    /// or a patient document); no answer leaves them unknown. Until the list is confirmed, answers about a listed lesion
    /// are not applied (one conflict entry says so). Otherwise as <see cref="Apply(Patient, QuestionnaireResponse, QuestionnaireAnswerOptions)"/>.
    /// </summary>
    /// <param name="mapping">The mapped record the Questionnaire was generated for (<see cref="MissingFactsQuestionnaire.Create(McodeMapping, LocalDate, IConsensusEvaluator?, QuestionnaireOptions?)"/>).</param>
    /// <param name="response">The response.</param>
    /// <param name="options">The record's Patient, the evaluation date and the histology map; the defaults when <see langword="null"/>.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mapping"/> or <paramref name="response"/> is <see langword="null"/>.</exception>
    public static AnswerOutcome Apply(McodeMapping mapping, QuestionnaireResponse response, QuestionnaireAnswerOptions? options = null)
    {
        if (mapping is null)
        {
            throw new ArgumentNullException(nameof(mapping));
        }

        return Apply(mapping.Patient, mapping.PendingLesions, response, options ?? new QuestionnaireAnswerOptions());
    }

    private static AnswerOutcome Apply(Patient patient, IReadOnlyList<Lesion> pendingLesions, QuestionnaireResponse response, QuestionnaireAnswerOptions options)
    {

        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var reader = new Reader(patient, options, pendingLesions);
        if (!reader.CheckResponse(response))
        {
            return new AnswerOutcome(patient, Array.Empty<string>(), Array.Empty<string>(), Array.Empty<AnswerConflict>(), reader.Errors);
        }

        reader.FindDuplicates(response.Item, "QuestionnaireResponse");
        reader.ConfirmLesions(response.Item);
        reader.Items(response.Item);
        reader.Finish();
        return new AnswerOutcome(reader.Patient, reader.Applied, reader.Confirmed, reader.Conflicts, reader.Errors);
    }

    private sealed class Reader
    {
        // A list index as the Questionnaire writes it: 0, or a decimal number without a leading zero that fits an int.
        private static readonly System.Text.RegularExpressions.Regex CanonicalIndex = new(@"^(?:0|[1-9][0-9]{0,8})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        private static readonly System.Text.RegularExpressions.Regex AnyIndex = new(@"\[([^\]]*)\]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private readonly HistologyMap map;
        private readonly QuestionnaireAnswerOptions options;
        private readonly List<Lesion> newLesions = new();
        private readonly List<LiverResection> newResections = new();
        private readonly HashSet<QuestionnaireResponse.ItemComponent> malformed = new(SameItem.Instance);
        private LocalDate? authored;

        private readonly IReadOnlyList<Lesion> pendingLesions;

        // Whether answers about a listed lesion wait for a confirmation that was not given (lesions read from the record, not confirmed).
        private bool lesionsUnconfirmed;
        private bool unconfirmedReported;

        public Reader(Patient patient, QuestionnaireAnswerOptions options, IReadOnlyList<Lesion> pendingLesions)
        {
            Patient = patient;
            this.options = options;
            this.pendingLesions = pendingLesions;
            map = options.HistologyMap;
        }

        /// <summary>
        /// Reads the confirmation that staging found no lesion other than the record's (<see cref="MissingFactsQuestionnaire.LesionListCompleteLinkId"/>)
        /// before any other answer, so that the answers about each listed lesion apply to it after a yes.
        /// </summary>
        public void ConfirmLesions(IEnumerable<QuestionnaireResponse.ItemComponent> items)
        {
            var linkId = MissingFactsQuestionnaire.LesionListCompleteLinkId;
            var found = Flatten(items).Where(i => i.LinkId == linkId && i.Answer.Count > 0 && !malformed.Contains(i)).ToArray();
            bool? confirmed = null;
            if (found.Length > 0 && !conflicting.Contains(linkId) &&
                TryRead(FactQuestions.LesionListComplete, found[0].Answer, linkId, itemPaths.TryGetValue(found[0], out var path) ? path : "QuestionnaireResponse.item", out var value))
            {
                confirmed = (bool?)value;
            }

            lesionsUnconfirmed = pendingLesions.Count > 0 && confirmed != true;
            if (confirmed == false)
            {
                Conflicts.Add(new AnswerConflict(
                    FactNames.Lesions,
                    "Staging found metastatic lesions other than those the record lists: the lesions stay unknown, and no recommendation is decided on the listed ones. Record the other lesions (in the EHR as Tumor BodyStructures with their SecondaryCancerConditions, or in a patient document) and evaluate again."));
            }
            else if (confirmed == true && pendingLesions.Count == 0)
            {
                Conflicts.Add(new AnswerConflict(
                    FactNames.Lesions,
                    "The list of the record's lesions was confirmed, but no lesion read from the record was given with the answers (apply them to the McodeMapping the Questionnaire was generated for): the lesions stay unknown."));
            }
            else if (confirmed == true)
            {
                Patient = MissingFactsQuestionnaire.WithLesions(Patient, pendingLesions);
                Applied.Add(FactNames.Lesions);
            }
        }

        private static IEnumerable<QuestionnaireResponse.ItemComponent> Flatten(IEnumerable<QuestionnaireResponse.ItemComponent> items) =>
            items.SelectMany(i => new[] { i }.Concat(Flatten(i.Item)));

        /// <summary>Checks what the response says about itself (status, subject, authored); false when no answer may be applied.</summary>
        public bool CheckResponse(QuestionnaireResponse response)
        {
            var status = FhirValues.Literal(response.StatusElement);
            if (FhirValues.IsOutsideValueSet(response.StatusElement))
            {
                Errors.Add(new ValidationError("QuestionnaireResponse.status", "is not a code of its required FHIR R4 value set (in-progress, completed, amended, entered-in-error, stopped): the response's standing cannot be read, so none of its answers was applied (the code is not repeated here)."));
            }
            else if (status == "entered-in-error")
            {
                Errors.Add(new ValidationError("QuestionnaireResponse.status", "is entered-in-error: the response was withdrawn as made in error, so none of its answers was applied."));
            }

            if (response.Subject is { } subject && FhirValues.NotThePatient(subject, options.PatientId, options.PatientFullUrl, null) is { } problem)
            {
                Errors.Add(new ValidationError("QuestionnaireResponse.subject", problem + " None of the answers was applied."));
            }

            if (response.AuthoredElement is { } authoredElement)
            {
                var date = FhirValues.CalendarDate(authoredElement, out var why);
                if (why == FhirValues.NotADate || authoredElement.Value is { Length: 0 })
                {
                    Errors.Add(new ValidationError("QuestionnaireResponse.authored", "is not a valid FHIR dateTime (YYYY, YYYY-MM or YYYY-MM-DD, optionally with a time): the date cannot be read, and is not repeated here; none of the answers was applied."));
                }
                else if (date is { } read && FhirValues.ImplausibleDate(read, options.AsOf, null) is { } implausible)
                {
                    Errors.Add(new ValidationError("QuestionnaireResponse.authored", implausible + " None of the answers was applied."));
                }
                else if (date is null && options.AsOf is { } asOf && FhirValues.FirstDay(authoredElement) is { } firstDay && firstDay > asOf)
                {
                    Errors.Add(new ValidationError("QuestionnaireResponse.authored", "is a partial date (year or month only) that starts after the evaluation date (the date is not repeated here). None of the answers was applied."));
                }
                else
                {
                    authored = date;
                }
            }

            return Errors.Count == 0;
        }

        /// <summary>Whether a linkId writes every list index as the Questionnaire does; otherwise records an error at the item's path.</summary>
        private bool CheckLinkId(QuestionnaireResponse.ItemComponent item, string itemPath)
        {
            var linkId = item.LinkId ?? string.Empty;
            if (AnyIndex.Matches(linkId).Cast<System.Text.RegularExpressions.Match>().All(m => m.Groups[1].Value.Length == 0 || CanonicalIndex.IsMatch(m.Groups[1].Value)))
            {
                return true;
            }

            // The shape is named only when it is one of the Questionnaire's own (then it is not input text).
            var shape = AnyIndex.Replace(linkId, "[]");
            var known = FactQuestions.For(shape) is not null || shape == FactNames.Lesions + "[]" || shape == FactNames.LiverResections + "[]"
                ? " (a linkId of the shape " + shape + ")"
                : string.Empty;
            malformed.Add(item);
            Errors.Add(new ValidationError(
                itemPath + ".linkId",
                "writes a list index other than as the Questionnaire does" + known + ": an index is 0 or a number without leading zeros, sign or spaces, at most 9 digits (lesions[1], not lesions[01]); two spellings of one index would answer one question twice, so the item was not read (the linkId is not repeated here)."));
            return false;
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

        // Each item's FHIR path (QuestionnaireResponse.item[0].item[2]), by reference: a linkId that is not one of the
        // Questionnaire's own is named by this path, never repeated (it is input, and may hold anything).
        private readonly Dictionary<QuestionnaireResponse.ItemComponent, string> itemPaths = new(ByReference.Instance);

        private sealed class ByReference : IEqualityComparer<QuestionnaireResponse.ItemComponent>
        {
            public static readonly ByReference Instance = new();

            public bool Equals(QuestionnaireResponse.ItemComponent? x, QuestionnaireResponse.ItemComponent? y) => ReferenceEquals(x, y);

            public int GetHashCode(QuestionnaireResponse.ItemComponent obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }

        /// <summary>The linkId when it is one of the Questionnaire's questions, else the item's FHIR path.</summary>
        private string Name(string linkId, string itemPath) =>
            (FactQuestions.For(linkId) is not null && !linkId.Contains("[]")) || linkId == MissingFactsQuestionnaire.LesionListCompleteLinkId ? linkId : itemPath + ".linkId";

        public void FindDuplicates(List<QuestionnaireResponse.ItemComponent> items, string path)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var linkId = item.LinkId ?? string.Empty;
                var itemPath = path + ".item[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
                itemPaths[item] = itemPath;
                if (!CheckLinkId(item, itemPath))
                {
                    FindDuplicates(item.Item, itemPath);
                    continue;
                }

                if (linkId == MissingFactsQuestionnaire.NewLesionsLinkId || linkId == MissingFactsQuestionnaire.NewLiverResectionsLinkId)
                {
                    for (var j = 0; j < item.Item.Count; j++)
                    {
                        CheckLinkId(item.Item[j], itemPath + ".item[" + j.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
                    }

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
                        Conflicts.Add(new AnswerConflict(Name(linkId, differing.Path), $"Conflicting: {differing.Path} and {itemPath} answer the same question (linkId) differently; neither answer was applied."));
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
                if (malformed.Contains(item))
                {
                    // Its answers are not read; the items inside it are judged by their own linkIds.
                }
                else if (linkId == MissingFactsQuestionnaire.NewLesionsLinkId)
                {
                    NewLesion(item);
                }
                else if (linkId == MissingFactsQuestionnaire.NewLiverResectionsLinkId)
                {
                    NewResection(item);
                }
                else if (linkId == MissingFactsQuestionnaire.LesionListCompleteLinkId)
                {
                    // Read first, by ConfirmLesions.
                }
                else if (item.Answer.Count > 0 && !conflicting.Contains(linkId))
                {
                    Answer(linkId, item.Answer, itemPaths.TryGetValue(item, out var itemPath) ? itemPath : "QuestionnaireResponse.item");
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

        private void Answer(string linkId, List<QuestionnaireResponse.AnswerComponent> answers, string itemPath)
        {
            if (FactQuestions.For(linkId) is not { } question || linkId.Contains("[]"))
            {
                Errors.Add(new ValidationError(itemPath + ".linkId", "is not a question of this Questionnaire; the answer was not read (the linkId is not repeated here)."));
                return;
            }

            if (!TryRead(question, answers, linkId, itemPath, out var value))
            {
                return;
            }

            if (lesionsUnconfirmed && PatientFacts.TrySplit(linkId, out var list, out var lesionIndex, out _) && list == FactNames.Lesions && lesionIndex < pendingLesions.Count)
            {
                if (!unconfirmedReported)
                {
                    unconfirmedReported = true;
                    Conflicts.Add(new AnswerConflict(FactNames.Lesions, "Answers about the lesions listed from the record were not applied: staging was not confirmed to have found no other lesion, so the lesions are unknown."));
                }

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

        /// <summary>Reads an item's answers as the question's type; <paramref name="itemPath"/> names the item (<c>QuestionnaireResponse.item[3]</c>) in an error about one answer's literal.</summary>
        private bool TryRead(FactQuestion question, List<QuestionnaireResponse.AnswerComponent> answers, string linkId, string itemPath, out object? value)
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
                    var date = FhirValues.CalendarDate(first, out var notDate);
                    if (first is Date && notDate == FhirValues.NotADate)
                    {
                        // "2026-01-02T10:00:00Z" is a dateTime: as a valueDate it is not FHIR, and which day it means depends on a zone.
                        var index = answers.FindIndex(a => ReferenceEquals(a.Value, first));
                        Errors.Add(new ValidationError(
                            FormattableString.Invariant($"{itemPath}.answer[{index}].valueDate"),
                            "is not a FHIR date (" + FhirValues.DateForm(first) + "): a date answer holds no time of day (answer valueDate YYYY-MM-DD); it was not applied, and the value is not repeated here."));
                        return false;
                    }

                    if (date is { } answeredDate)
                    {
                        if (FhirValues.ImplausibleDate(answeredDate, options.AsOf, null) is { } implausible)
                        {
                            Errors.Add(new ValidationError(linkId, "has a date answer that " + implausible + " It was not applied."));
                            return false;
                        }

                        if (authored is { } written && answeredDate > written)
                        {
                            Errors.Add(new ValidationError(linkId, "has a date answer after the response's authored date: an answer cannot date an event after it was written (neither date is repeated here). It was not applied."));
                            return false;
                        }

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

        /// <summary>The answers of one entry of a repeating group by linkId; a question answered twice in one entry is an error and neither answer is read.</summary>
        private Dictionary<string, (List<QuestionnaireResponse.AnswerComponent> Answers, string Path)> GroupAnswers(QuestionnaireResponse.ItemComponent group)
        {
            var groupPath = itemPaths.TryGetValue(group, out var found) ? found : "QuestionnaireResponse.item";
            var answers = new Dictionary<string, (List<QuestionnaireResponse.AnswerComponent> Answers, string Path)>(StringComparer.Ordinal);
            foreach (var twice in group.Item.Where(i => i.Answer.Count > 0 && !malformed.Contains(i)).GroupBy(i => i.LinkId ?? string.Empty, StringComparer.Ordinal))
            {
                if (twice.Count() > 1)
                {
                    var known = FactQuestions.For(twice.Key) is not null ? twice.Key : (group.LinkId == FactNames.Lesions ? FactNames.Lesions : FactNames.LiverResections);
                    Errors.Add(new ValidationError(known, "is answered more than once within one entry of the list; neither answer was read."));
                    continue;
                }

                var item = twice.First();
                answers[twice.Key] = (item.Answer, groupPath + ".item[" + group.Item.IndexOf(item).ToString(CultureInfo.InvariantCulture) + "]");
            }

            return answers;
        }

        private void NewLesion(QuestionnaireResponse.ItemComponent group)
        {
            var answers = GroupAnswers(group);
            object? Read(string fact) =>
                answers.TryGetValue(fact, out var a) && TryRead(FactQuestions.For(fact)!, a.Answers, fact, a.Path, out var v) ? v : null;

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
            var answers = GroupAnswers(group);
            object? Read(string fact) =>
                answers.TryGetValue(fact, out var a) && TryRead(FactQuestions.For(fact)!, a.Answers, fact, a.Path, out var v) ? v : null;
            newResections.Add(new LiverResection
            {
                PerformedOn = (LocalDate?)Read(FactNames.LiverResectionPerformedOn),
                Margin = (ResectionMargin?)Read(FactNames.LiverResectionMargin),
            });
        }
    }
}

/// <summary>
/// How <see cref="QuestionnaireAnswers.Apply(Patient, QuestionnaireResponse, QuestionnaireAnswerOptions)"/> checks a
/// response: the record's Patient its <c>subject</c> must reference, the evaluation date its dates must not pass, and
/// how histology answers are resolved.
/// </summary>
/// <remarks>Immutable once constructed; thread-safe.</remarks>
public sealed class QuestionnaireAnswerOptions
{
    /// <summary>Gets how a histology answer is resolved. Default: <see cref="HistologyMap.Default"/>.</summary>
    public HistologyMap HistologyMap { get; init; } = HistologyMap.Default;

    /// <summary>
    /// Gets the evaluation date, when known: <c>QuestionnaireResponse.authored</c> and date answers after it are errors.
    /// Default <see langword="null"/>: dates are checked only against the plausible range (1950-01-01 to 2099-12-31).
    /// </summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>
    /// Gets the <c>id</c> of the record's Patient: a <c>subject</c> <c>Patient/&lt;id&gt;</c> with another id is an
    /// error. When neither this nor <see cref="PatientFullUrl"/> is set, a subject is only checked to be a relative
    /// <c>Patient/&lt;id&gt;</c> reference.
    /// </summary>
    public string? PatientId { get; init; }

    /// <summary>Gets the <c>fullUrl</c> of the record's Patient entry, which a subject may give instead of <c>Patient/&lt;id&gt;</c>.</summary>
    public string? PatientFullUrl { get; init; }

    /// <summary>
    /// Creates the options for a response to the Questionnaire of a record: the record's Patient (its id and entry
    /// <c>fullUrl</c>; without a Patient resource, the first subject or patient reference that is a relative
    /// <c>Patient/&lt;id&gt;</c> or a <c>urn:uuid:</c> reference typed Patient), the evaluation date and the histology map.
    /// </summary>
    /// <param name="record">The Bundle the patient was mapped from.</param>
    /// <param name="asOf">The evaluation date, when known.</param>
    /// <param name="histologyMap">The histology map; <see cref="HistologyMap.Default"/> when <see langword="null"/>.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static QuestionnaireAnswerOptions ForRecord(Bundle record, LocalDate? asOf = null, HistologyMap? histologyMap = null)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        string? id = null;
        string? fullUrl = null;
        var patientEntry = record.Entry.FirstOrDefault(e => e?.Resource is Hl7.Fhir.Model.Patient);
        if (patientEntry is not null)
        {
            id = string.IsNullOrEmpty(patientEntry.Resource!.Id) ? null : patientEntry.Resource.Id;
            fullUrl = string.IsNullOrEmpty(patientEntry.FullUrl) ? null : FhirValues.WithoutVersion(patientEntry.FullUrl);
        }
        else
        {
            var first = record.Entry
                .Where(e => e?.Resource is not null)
                .SelectMany(e => e.Resource!.EnumerateElements())
                .Where(e => e.Key is "subject" or "patient" && e.Value is ResourceReference)
                .Select(e => FhirValues.PatientKey((ResourceReference)e.Value))
                .FirstOrDefault(r => r is not null);
            if (first is not null && first.StartsWith("Patient/", StringComparison.Ordinal))
            {
                id = first.Substring("Patient/".Length);
            }
            else
            {
                fullUrl = first;
            }
        }

        return new QuestionnaireAnswerOptions
        {
            HistologyMap = histologyMap ?? HistologyMap.Default,
            AsOf = asOf,
            PatientId = id,
            PatientFullUrl = fullUrl,
        };
    }
}

/// <summary>Items compared by reference (two items with the same content are still two answers).</summary>
internal sealed class SameItem : IEqualityComparer<QuestionnaireResponse.ItemComponent>
{
    public static readonly SameItem Instance = new();

    public bool Equals(QuestionnaireResponse.ItemComponent? x, QuestionnaireResponse.ItemComponent? y) => ReferenceEquals(x, y);

    public int GetHashCode(QuestionnaireResponse.ItemComponent obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
