using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hl7.Fhir.Model;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Patient = Sarcoma.Consensus.Model.Patient;

namespace Sarcoma.Consensus.Fhir.Questionnaires;

/// <summary>Options of <see cref="MissingFactsQuestionnaire"/>.</summary>
/// <remarks>Immutable once constructed; thread-safe.</remarks>
public sealed class QuestionnaireOptions
{
    /// <summary>
    /// Gets a value indicating whether to also ask for the unknown facts that only the report's wording depends on
    /// (a finding shown as "not recorded" in a decided recommendation), so that the answered record gives the same
    /// report as a complete patient document. Default <see langword="false"/>: only the facts that can change a
    /// recommendation's status or a derived concept.
    /// </summary>
    public bool IncludeReportDetails { get; init; }
}

/// <summary>
/// Generates a FHIR R4 <see cref="Questionnaire"/> asking for exactly the facts that would change an
/// <c>insufficient-data</c> result of a patient's report — what <see cref="RecommendationResult.Missing"/> names —
/// with follow-up questions shown by <c>enableWhen</c> only when an earlier answer makes them matter.
/// </summary>
/// <remarks>
/// <para>
/// SDC-friendly: one item per fact, clinician wording (never a JSON path), answer types with units
/// (<c>questionnaire-unit</c>) and ranges (<c>minValue</c>/<c>maxValue</c>), sections as groups, one group per known
/// lesion and a repeating group to list lesions when the record lists none. Each question's <c>linkId</c> is the fact's
/// path (<see cref="FactNames"/>, indexed for list items), which <see cref="QuestionnaireAnswers"/> reads back.
/// </para>
/// <para>
/// Follow-ups are found by evaluating the patient with each possible answer of each yes/no, choice or small-scale
/// question (two levels deep): a fact that becomes missing only under an answer is asked with <c>enableWhen</c> on that
/// answer. Dates and measurements cannot be probed this way; a fact that only becomes missing after one is given is
/// asked by the next Questionnaire (generate again after reading the response).
/// </para>
/// <para>Deterministic for a given patient, date and evaluator; thread-safe.</para>
/// </remarks>
public static class MissingFactsQuestionnaire
{
    /// <summary>The Questionnaire's <c>id</c> and <c>name</c> stem.</summary>
    public const string QuestionnaireId = "sarcoma-consensus-missing-facts";

    /// <summary>The canonical URL of the core <c>questionnaire-unit</c> extension.</summary>
    public const string UnitExtension = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";

    /// <summary>The canonical URL of the core <c>minValue</c> extension.</summary>
    public const string MinValueExtension = "http://hl7.org/fhir/StructureDefinition/minValue";

    /// <summary>The canonical URL of the core <c>maxValue</c> extension.</summary>
    public const string MaxValueExtension = "http://hl7.org/fhir/StructureDefinition/maxValue";

    /// <summary>The linkId of the repeating group that lists lesions when the record lists none.</summary>
    public const string NewLesionsLinkId = FactNames.Lesions;

    /// <summary>
    /// The linkId of the yes/no question, asked when a FHIR record lists lesions (<see cref="Mapping.McodeMapping.PendingLesions"/>),
    /// confirming that staging found no current metastatic lesion other than those listed; the questions about each
    /// listed lesion are shown only after a yes (<c>enableWhen</c>). Not a fact of the patient document.
    /// </summary>
    public const string LesionListCompleteLinkId = "metastases.lesionListConfirmed";

    /// <summary>The linkId of the repeating group that lists liver resections when the record lists none.</summary>
    public const string NewLiverResectionsLinkId = FactNames.LiverResections;

    /// <summary>Generates the Questionnaire.</summary>
    /// <param name="patient">The patient (for example from <see cref="Mapping.McodeMapper"/>).</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="evaluator">The engine; <see cref="ConsensusEngine.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <returns>The Questionnaire; without items when nothing is missing or the patient is out of scope.</returns>
    /// <exception cref="PatientValidationException">The patient record is inconsistent.</exception>
    public static Questionnaire Create(Patient patient, LocalDate asOf, IConsensusEvaluator? evaluator = null, QuestionnaireOptions? options = null) =>
        Create(patient, asOf, evaluator, options, confirmLesions: false);

    private static Questionnaire Create(Patient patient, LocalDate asOf, IConsensusEvaluator? evaluator, QuestionnaireOptions? options, bool confirmLesions)
    {
        var plan = Plan(patient, asOf, evaluator ?? ConsensusEngine.Default, options ?? new QuestionnaireOptions());
        var questionnaire = new Questionnaire
        {
            Id = QuestionnaireId,
            Name = "SarcomaConsensusMissingFacts",
            Title = "Facts needed to apply the consensus on liver metastases of soft-tissue sarcoma",
            Status = PublicationStatus.Draft,
            SubjectType = new ResourceType?[] { ResourceType.Patient },
            Date = LocalDatePattern.Iso.Format(asOf),
            Description = "Answers to these questions complete what the patient's record holds, for the recommendations of the Ibero-American consensus (Cancers 2025;17:1295) that could not be decided. Each question matters to at least one recommendation.",
        };

        // A canonical URL for the QuestionnaireResponse to point to: a name-based UUID of the date and the questions asked,
        // so the same patient and date give the same URL on every run.
        // A record's lesions are confirmed first (when the patient is in scope: an out-of-scope patient gets no question).
        confirmLesions = confirmLesions && (plan.Count > 0 || (evaluator ?? ConsensusEngine.Default).Evaluate(patient, asOf).Scope.InScope != false);
        var paths = plan.Select(p => p.Path);
        questionnaire.Url = "urn:uuid:" + NameBasedUuid(LocalDatePattern.Iso.Format(asOf) + "|" + string.Join("|", confirmLesions ? new[] { LesionListCompleteLinkId }.Concat(paths) : paths));

        foreach (var (prefix, heading) in FactQuestions.Sections)
        {
            var inSection = plan.Where(p => p.Path.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            var confirmHere = confirmLesions && LesionListCompleteLinkId.StartsWith(prefix, StringComparison.Ordinal);
            if (inSection.Length == 0 && !confirmHere)
            {
                continue;
            }

            var section = new Questionnaire.ItemComponent
            {
                LinkId = "section-" + prefix.TrimEnd('.'),
                Text = heading,
                Type = Questionnaire.QuestionnaireItemType.Group,
            };
            AddItems(section.Item, inSection, patient);
            if (confirmHere)
            {
                AddLesionConfirmation(section.Item, patient);
            }

            questionnaire.Item.Add(section);
        }

        return questionnaire;
    }

    /// <summary>
    /// Generates the Questionnaire for a mapped FHIR record. When the record lists lesions
    /// (<see cref="Mapping.McodeMapping.PendingLesions"/>), its first question on the metastatic disease asks the clinician to
    /// confirm that staging found no other current metastatic lesion (<see cref="LesionListCompleteLinkId"/>, listing
    /// each lesion by site, size and segments), and the questions about each listed lesion are shown after a yes; the
    /// other questions are those the patient would need with the listed lesions (so a yes, with the answers, decides
    /// what a complete patient document decides). Otherwise the same as <see cref="Create(Patient, LocalDate, IConsensusEvaluator?, QuestionnaireOptions?)"/>
    /// with <see cref="Mapping.McodeMapping.Patient"/>.
    /// </summary>
    /// <param name="mapping">The mapped record (<see cref="Mapping.McodeMapper"/>).</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="evaluator">The engine; <see cref="ConsensusEngine.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <returns>The Questionnaire; without items when nothing is missing or the patient is out of scope.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mapping"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientValidationException">The patient record is inconsistent.</exception>
    public static Questionnaire Create(Mapping.McodeMapping mapping, LocalDate asOf, IConsensusEvaluator? evaluator = null, QuestionnaireOptions? options = null)
    {
        if (mapping is null)
        {
            throw new ArgumentNullException(nameof(mapping));
        }

        if (mapping.PendingLesions.Count == 0)
        {
            return Create(mapping.Patient, asOf, evaluator, options);
        }

        var restored = WithLesions(mapping.Patient, mapping.PendingLesions);
        var questionnaire = Create(restored, asOf, evaluator, options, confirmLesions: true);
        return questionnaire;
    }

    /// <summary>The patient with the lesions of a record made its lesions (after the clinician's confirmation).</summary>
    internal static Patient WithLesions(Patient patient, IReadOnlyList<Lesion> lesions) =>
        patient with { Metastases = (patient.Metastases ?? new MetastaticDisease()) with { Lesions = lesions } };

    /// <summary>The fact paths the Questionnaire asks for (its question linkIds), in order.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="evaluator">The engine; <see cref="ConsensusEngine.Default"/> when <see langword="null"/>.</param>
    /// <returns>The paths; a group of new lesions or liver resections appears as <see cref="NewLesionsLinkId"/> or <see cref="NewLiverResectionsLinkId"/>.</returns>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    public static IReadOnlyList<string> FactsToAsk(Patient patient, LocalDate asOf, IConsensusEvaluator? evaluator = null, QuestionnaireOptions? options = null) =>
        Plan(patient, asOf, evaluator ?? ConsensusEngine.Default, options ?? new QuestionnaireOptions()).Select(p => p.Path).ToArray();

    internal sealed class PlannedQuestion
    {
        public PlannedQuestion(string path) => Path = path;

        public string Path { get; }

        public List<(string On, object Value)> Conditions { get; } = new();
    }

    /// <summary>Questions asked only after a yes to their parent question, as (child, parent).</summary>
    private static readonly (string Child, string Parent)[] Parents =
    {
        (FactNames.SystemicTherapyResponse, FactNames.SystemicTherapyReceived),
    };

    internal static IReadOnlyList<PlannedQuestion> Plan(Patient patient, LocalDate asOf, IConsensusEvaluator evaluator, QuestionnaireOptions options)
    {
        var report = evaluator.Evaluate(patient, asOf);
        if (report.Scope.InScope == false)
        {
            return Array.Empty<PlannedQuestion>();
        }

        var asked = new Dictionary<string, PlannedQuestion>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(string path, (string, object)? condition)
        {
            if (!asked.TryGetValue(path, out var planned))
            {
                planned = new PlannedQuestion(path);
                asked[path] = planned;
                order.Add(path);
            }

            if (condition is { } c && !planned.Conditions.Contains(c))
            {
                planned.Conditions.Add(c);
            }
        }

        var initial = Expand(patient, MissingNames(report)).ToList();
        if (report.Scope.InScope is null && patient.Primary?.Histology is null && !initial.Contains(FactNames.PrimaryHistology))
        {
            initial.Insert(0, FactNames.PrimaryHistology);
        }

        // Unknown yes/no, choice and small-scale facts that would change a recommendation's status or a derived concept
        // (or, with IncludeReportDetails, the report's wording) under some answer, though no result names them missing.
        var decisive = Signature(report, details: false);
        var detailed = Signature(report, details: true);
        foreach (var path in UnknownFacts(patient))
        {
            foreach (var value in FactQuestions.For(path)!.ProbeValues())
            {
                if (TryEvaluate(patient, path, value, asOf, evaluator, out _, out var probed) &&
                    (Signature(probed, details: false) != decisive || (options.IncludeReportDetails && Signature(probed, details: true) != detailed)))
                {
                    initial.Add(path);
                    break;
                }
            }
        }

        if (options.IncludeReportDetails)
        {
            // Dates and measurements a recommendation reads (its data requirements) that the record does not hold: they
            // cannot be probed, and a decided recommendation's wording may still depend on them.
            var read = evaluator.Evaluators.SelectMany(e => e.DataRequirements)
                .Concat(report.Results.SelectMany(r => r.Findings).Select(f => f.Fact));
            initial.AddRange(Expand(patient, read).Where(p => FactQuestions.For(p) is not { } q || !q.ProbeValues().Any()));
        }

        foreach (var path in initial.Distinct(StringComparer.Ordinal))
        {
            Add(path, null);
        }

        // A question that means something only after a yes to its parent (the response to systemic therapy, once therapy
        // was received) brings the parent along when the record does not hold it, and is shown only after that yes.
        // Probing one fact at a time cannot find the parent while other unknowns still decide the report: it would be
        // asked only by a second Questionnaire, after the first is answered.
        foreach (var (child, parent) in Parents)
        {
            if (asked.TryGetValue(child, out var planned) && PatientFacts.Get(patient, parent) is null)
            {
                Add(parent, null);
                if (planned.Conditions.Count == 0)
                {
                    planned.Conditions.Add((parent, true));
                }
            }
        }

        // Follow-ups: probe each enumerable question's answers, two levels deep.
        var frontier = initial.Select(path => (Path: path, Patient: patient)).ToList();
        for (var depth = 0; depth < 2; depth++)
        {
            var next = new List<(string Path, Patient Patient)>();
            foreach (var (path, basis) in frontier)
            {
                if (FactQuestions.For(path) is not { } question || path == NewLesionsLinkId || path == NewLiverResectionsLinkId)
                {
                    continue;
                }

                foreach (var value in question.ProbeValues())
                {
                    if (!TryEvaluate(basis, path, value, asOf, evaluator, out var probed, out var probedReport) || probedReport.Scope.InScope == false)
                    {
                        continue;
                    }

                    foreach (var follow in Expand(probed, MissingNames(probedReport)))
                    {
                        if (follow == path)
                        {
                            continue;
                        }

                        var isNew = !asked.ContainsKey(follow);
                        if (isNew || asked[follow].Conditions.Count > 0)
                        {
                            Add(follow, (path, value));
                            if (isNew)
                            {
                                next.Add((follow, probed));
                            }
                        }
                    }
                }
            }

            frontier = next;
        }

        var rank = order.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        return order
            .Select(p => asked[p])
            .OrderBy(p => FactRank(p.Path))
            .ThenBy(p => IndexOf(p.Path))
            .ThenBy(p => rank[p.Path])
            .ToArray();
    }

    /// <summary>The concrete fact paths behind the report's missing facts, unknown in the patient.</summary>
    internal static IEnumerable<string> Expand(Patient patient, IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lesions = patient.Metastases?.Lesions ?? Array.Empty<Lesion>();
        var resections = patient.Treatment.LiverResections;
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            IEnumerable<string> paths;
            if (name.StartsWith(FactNames.Lesions + "[]", StringComparison.Ordinal))
            {
                var member = name.Substring(FactNames.Lesions.Length + 3);
                paths = lesions.Count == 0 || patient.Metastases?.NoEvidenceOfDisease == true
                    ? (patient.Metastases?.NoEvidenceOfDisease == true ? Array.Empty<string>() : new[] { NewLesionsLinkId })
                    : Enumerable.Range(0, lesions.Count).Select(i => $"{FactNames.Lesions}[{Index(i)}].{member}");
            }
            else if (name.StartsWith(FactNames.LiverResections + "[]", StringComparison.Ordinal))
            {
                var member = name.Substring(FactNames.LiverResections.Length + 3);
                paths = resections.Count == 0
                    ? (patient.Treatment.HasPreviousLiverResection == true ? new[] { NewLiverResectionsLinkId } : Array.Empty<string>())
                    : Enumerable.Range(0, resections.Count).Select(i => $"{FactNames.LiverResections}[{Index(i)}].{member}");
            }
            else if (name == FactNames.Lesions)
            {
                paths = lesions.Count == 0 && patient.Metastases?.NoEvidenceOfDisease != true ? new[] { NewLesionsLinkId } : Array.Empty<string>();
            }
            else if (name == FactNames.LiverResections)
            {
                paths = resections.Count == 0 && patient.Treatment.HasPreviousLiverResection == true
                    ? new[] { NewLiverResectionsLinkId }
                    : resections.Count == 0 && patient.Treatment.HasPreviousLiverResection is null ? new[] { FactNames.PreviousLiverResection } : Array.Empty<string>();
            }
            else if (name == FactNames.Metastases)
            {
                paths = new[] { FactNames.MetastasesDetectedOn, NewLesionsLinkId };
            }
            else
            {
                paths = new[] { name };
            }

            foreach (var path in paths)
            {
                var known = path != NewLesionsLinkId && path != NewLiverResectionsLinkId && FactQuestions.For(path) is not null && PatientFacts.Get(patient, path) is not null;
                if (!known && (path == NewLesionsLinkId || path == NewLiverResectionsLinkId || FactQuestions.For(path) is not null) && seen.Add(path))
                {
                    yield return path;
                }
            }
        }
    }

    private static bool TryEvaluate(Patient basis, string path, object value, LocalDate asOf, IConsensusEvaluator evaluator, out Patient probed, out ConsensusReport report)
    {
        probed = basis;
        report = null!;
        try
        {
            probed = PatientFacts.Set(basis, path, value);
            report = evaluator.Evaluate(probed, asOf);
            return true;
        }
        catch (Exception e) when (e is PatientValidationException or ArgumentException or InvalidCastException)
        {
            return false;
        }
    }

    /// <summary>The unknown facts of the patient that can be probed (yes/no, choices, small scales), per lesion and resection too.</summary>
    private static IEnumerable<string> UnknownFacts(Patient patient)
    {
        var paths = new List<string>(FactQuestions.Plain);
        var lesions = patient.Metastases?.Lesions ?? Array.Empty<Lesion>();
        for (var i = 0; i < lesions.Count; i++)
        {
            paths.AddRange(FactQuestions.LesionMembers.Select(m => $"{FactNames.Lesions}[{Index(i)}].{m}"));
        }

        for (var i = 0; i < patient.Treatment.LiverResections.Count; i++)
        {
            paths.Add($"{FactNames.LiverResections}[{Index(i)}].margin");
        }

        return paths.Where(p => FactQuestions.For(p) is { } q && q.ProbeValues().Any() && PatientFacts.Get(patient, p) is null);
    }

    /// <summary>What a fact can change: every status (and with <paramref name="details"/>, every sentence) of the report.</summary>
    private static string Signature(ConsensusReport report, bool details)
    {
        var parts = new List<string?>
        {
            report.Scope.InScope?.ToString(),
            report.Timing?.Timing?.ToString(),
            report.Oligometastatic?.Status.ToString(),
            report.LiverResection?.Status.ToString(),
            report.FocalTherapy?.Status.ToString(),
        };
        parts.AddRange(report.ImagingPlan?.Items.Select(i => i.Indicated.ToString()) ?? Array.Empty<string>());
        parts.AddRange(report.Results.Select(r => r.Status.ToString()));
        if (details)
        {
            parts.AddRange(report.Results.SelectMany(r => new[] { r.Summary }.Concat(r.Findings.Select(f => f.Sentence)).Concat(r.Cautions)));
            parts.AddRange(report.LiverResection?.Findings.Select(f => f.Sentence) ?? Array.Empty<string>());
            parts.AddRange(report.ImagingPlan?.Items.Select(i => i.AlreadyDone?.ToString()) ?? Array.Empty<string>());
        }

        return string.Join("|", parts);
    }

    /// <summary>
    /// The fact names whose absence the report shows: every recommendation's <see cref="RecommendationResult.Missing"/>,
    /// the derived concepts' missing facts (timing, intervals, oligometastatic status, resection candidacy, imaging plan,
    /// focal therapy), and whether each examination the imaging plan may recommend was already done (it decides whether
    /// the examination is outstanding).
    /// </summary>
    internal static IEnumerable<string> MissingNames(ConsensusReport report)
    {
        var names = report.Results.SelectMany(r => r.Missing)
            .Concat(report.Timing?.Missing ?? Array.Empty<string>())
            .Concat(report.TreatmentFreeInterval?.Missing ?? Array.Empty<string>())
            .Concat(report.Oligometastatic?.Missing ?? Array.Empty<string>())
            .Concat(report.LiverResection?.Missing ?? Array.Empty<string>())
            .Concat(report.FocalTherapy?.Missing ?? Array.Empty<string>())
            .Concat(report.ImagingPlan?.Items.SelectMany(i => i.Missing) ?? Array.Empty<string>());
        if (report.ImagingPlan is { } plan)
        {
            names = names.Concat(plan.Items
                .Where(i => i.Indicated != Oligometastasis.TriState.No && i.AlreadyDone is null)
                .Select(i => StagingFact(i.Modality)));
        }

        return names.Distinct(StringComparer.Ordinal);
    }

    private static string StagingFact(Imaging.ImagingModality modality) => modality switch
    {
        Imaging.ImagingModality.ContrastCt => FactNames.StagingContrastCt,
        Imaging.ImagingModality.LiverMri => FactNames.StagingLiverMri,
        Imaging.ImagingModality.FdgPetCt => FactNames.StagingFdgPetCt,
        Imaging.ImagingModality.BrainMri => FactNames.StagingBrainMri,
        _ => FactNames.StagingSpineMri,
    };

    private static void AddItems(List<Questionnaire.ItemComponent> items, IReadOnlyList<PlannedQuestion> planned, Patient patient)
    {
        var groups = new Dictionary<string, Questionnaire.ItemComponent>(StringComparer.Ordinal);
        foreach (var question in planned)
        {
            if (question.Path == NewLesionsLinkId)
            {
                items.Add(WithConditions(NewLesionsGroup(), question));
                continue;
            }

            if (question.Path == NewLiverResectionsLinkId)
            {
                items.Add(WithConditions(NewResectionsGroup(), question));
                continue;
            }

            var item = WithConditions(Question(question.Path, FactQuestions.For(question.Path)!), question);
            if (PatientFacts.TrySplit(question.Path, out var list, out var index, out _))
            {
                var groupId = $"{list}[{Index(index)}]";
                if (!groups.TryGetValue(groupId, out var group))
                {
                    group = new Questionnaire.ItemComponent { LinkId = groupId, Text = DescribeItem(patient, list, index), Type = Questionnaire.QuestionnaireItemType.Group };
                    groups[groupId] = group;
                    items.Add(group);
                }

                group.Item.Add(item);
            }
            else
            {
                items.Add(item);
            }
        }
    }

    /// <summary>
    /// Puts the confirmation of the record's lesions first in the section, and shows each listed lesion's questions only
    /// after a yes: until the list is confirmed complete, the record's lesions are not the patient's (safety rule 1).
    /// </summary>
    private static void AddLesionConfirmation(List<Questionnaire.ItemComponent> items, Patient patient)
    {
        var lesions = patient.Metastases!.Lesions;
        var confirm = Question(LesionListCompleteLinkId, FactQuestions.LesionListComplete);
        confirm.Text = FactQuestions.LesionListCompleteText(lesions.Count, Enumerable.Range(0, lesions.Count).Select(i => DescribeItem(patient, FactNames.Lesions, i)));
        confirm.Required = true;
        foreach (var group in items.Where(i => PatientFacts.TrySplit(i.LinkId + ".site", out var list, out _, out _) && list == FactNames.Lesions))
        {
            group.EnableWhen.Add(new Questionnaire.EnableWhenComponent { Question = LesionListCompleteLinkId, Operator = Questionnaire.QuestionnaireItemOperator.Equal, Answer = new FhirBoolean(true) });
            if (group.EnableWhen.Count > 1)
            {
                group.EnableBehavior = Questionnaire.EnableWhenBehavior.All;
            }
        }

        items.Insert(0, confirm);
    }

    private static Questionnaire.ItemComponent WithConditions(Questionnaire.ItemComponent item, PlannedQuestion question)
    {
        foreach (var (on, value) in question.Conditions.OrderBy(c => c.On, StringComparer.Ordinal).ThenBy(c => Convert.ToString(c.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal))
        {
            var enableWhen = new Questionnaire.EnableWhenComponent { Question = on, Operator = Questionnaire.QuestionnaireItemOperator.Equal };
            enableWhen.Answer = value switch
            {
                bool b => new FhirBoolean(b),
                int i => new Integer(i),
                _ => new FhirString(FactQuestions.For(on)!.LabelOf(value)),
            };
            item.EnableWhen.Add(enableWhen);
        }

        if (item.EnableWhen.Count > 1)
        {
            item.EnableBehavior = Questionnaire.EnableWhenBehavior.Any;
        }

        return item;
    }

    internal static Questionnaire.ItemComponent Question(string linkId, FactQuestion question)
    {
        var item = new Questionnaire.ItemComponent { LinkId = linkId, Text = question.Text };
        switch (question.Kind)
        {
            case AnswerKind.Boolean:
                item.Type = Questionnaire.QuestionnaireItemType.Boolean;
                break;
            case AnswerKind.Integer:
                item.Type = Questionnaire.QuestionnaireItemType.Integer;
                Range(item, question, v => new Integer((int)v));
                break;
            case AnswerKind.Segments:
                item.Type = Questionnaire.QuestionnaireItemType.Integer;
                item.Repeats = true;
                Range(item, question, v => new Integer((int)v));
                break;
            case AnswerKind.Decimal:
                item.Type = Questionnaire.QuestionnaireItemType.Decimal;
                Range(item, question, v => new FhirDecimal(v));
                if (question.Unit is { } unit)
                {
                    item.Extension.Add(new Extension(UnitExtension, new Coding("http://unitsofmeasure.org", unit, unit)));
                }

                break;
            case AnswerKind.Date:
                item.Type = Questionnaire.QuestionnaireItemType.Date;
                break;
            case AnswerKind.Choice:
                item.Type = Questionnaire.QuestionnaireItemType.Choice;
                foreach (var (label, _) in question.Choices!)
                {
                    item.AnswerOption.Add(new Questionnaire.AnswerOptionComponent { Value = new FhirString(label) });
                }

                break;
            default:
                item.Type = Questionnaire.QuestionnaireItemType.String;
                break;
        }

        return item;
    }

    private static void Range(Questionnaire.ItemComponent item, FactQuestion question, Func<decimal, DataType> value)
    {
        if (question.Min is { } min)
        {
            item.Extension.Add(new Extension(MinValueExtension, value(min)));
        }

        if (question.Max is { } max)
        {
            item.Extension.Add(new Extension(MaxValueExtension, value(max)));
        }
    }

    private static Questionnaire.ItemComponent NewLesionsGroup()
    {
        var group = new Questionnaire.ItemComponent
        {
            LinkId = NewLesionsLinkId,
            Text = "Metastatic lesions found on staging (the record does not list them one by one): one entry per lesion",
            Type = Questionnaire.QuestionnaireItemType.Group,
            Repeats = true,
        };
        foreach (var fact in new[] { FactNames.LesionSite, FactNames.LesionSizeMm, FactNames.LesionSegments, FactNames.LesionVascularInvolvement, FactNames.LesionCentralLocation, FactNames.LesionSymptomatic, FactNames.LesionResectable, FactNames.LesionAblatable })
        {
            var item = Question(fact, FactQuestions.For(fact)!);
            item.Required = fact == FactNames.LesionSite;
            group.Item.Add(item);
        }

        return group;
    }

    private static Questionnaire.ItemComponent NewResectionsGroup()
    {
        var group = new Questionnaire.ItemComponent
        {
            LinkId = NewLiverResectionsLinkId,
            Text = "Previous liver resections (the record does not list them): one entry per resection",
            Type = Questionnaire.QuestionnaireItemType.Group,
            Repeats = true,
        };
        group.Item.Add(Question(FactNames.LiverResectionPerformedOn, FactQuestions.For(FactNames.LiverResectionPerformedOn)!));
        group.Item.Add(Question(FactNames.LiverResectionMargin, FactQuestions.For(FactNames.LiverResectionMargin)!));
        return group;
    }

    private static string DescribeItem(Patient patient, string list, int index)
    {
        if (list == FactNames.LiverResections)
        {
            var performed = patient.Treatment.LiverResections[index].PerformedOn;
            return $"Liver resection {FactQuestions.Ordinal(index)}" + (performed is { } d ? " (" + LocalDatePattern.Iso.Format(d) + ")" : string.Empty);
        }

        var lesion = patient.Metastases!.Lesions[index];
        var parts = new List<string> { FactQuestions.Describe(lesion.Site).ToLowerInvariant() };
        if (lesion.SizeMm is { } size)
        {
            parts.Add(size.ToString("0.#", CultureInfo.InvariantCulture) + " mm");
        }

        if (lesion.Segments.Count > 0)
        {
            parts.Add((lesion.Segments.Count == 1 ? "segment " : "segments ") + string.Join(", ", lesion.Segments.Select(s => s.ToString(CultureInfo.InvariantCulture))));
        }

        return $"Lesion {FactQuestions.Ordinal(index)}: {string.Join(", ", parts)}";
    }

    private static string NameBasedUuid(string name)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = string.Concat(hash.Take(16).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        return $"{hex.Substring(0, 8)}-{hex.Substring(8, 4)}-{hex.Substring(12, 4)}-{hex.Substring(16, 4)}-{hex.Substring(20, 12)}";
    }

    private static int FactRank(string path)
    {
        var generic = PatientFacts.Generic(path);
        var index = Ranks.IndexOf(generic);
        return index < 0 ? int.MaxValue : index;
    }

    private static int IndexOf(string path) => PatientFacts.TrySplit(path, out _, out var index, out _) ? index : -1;

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static readonly List<string> Ranks = typeof(FactNames).GetFields()
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();
}
