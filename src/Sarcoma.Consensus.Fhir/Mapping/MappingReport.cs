using System;
using System.Collections.Generic;
using System.Linq;

namespace Sarcoma.Consensus.Fhir.Mapping;

/// <summary>Why a fact was left unknown by the mapper.</summary>
public enum UnknownReason
{
    /// <summary>No resource (or no element of a resource) in the record holds the fact. Absence is never read as "no".</summary>
    NoResource,

    /// <summary>mCODE has no structure for the fact (a clinical judgement such as resectability, or a plan): ask for it (see the Questionnaire).</summary>
    NotExpressibleInMcode,

    /// <summary>The record holds the fact in a form that cannot be read unambiguously (conflicting resources, a partial date, an unmapped code, conversions that disagree).</summary>
    Ambiguous,

    /// <summary>
    /// Resources of the record disagree and nothing in the record settles which is right (two ECOG Observations of the same
    /// date with different grades, a refuted and a confirmed SecondaryCancerCondition at the same site, two TumorSize
    /// Observations of the same date and tumour with different sizes): the fact is left unknown, never settled by entry
    /// order, and the explanation names both elements (never their values).
    /// </summary>
    Conflicting,
}

/// <summary>One fact the mapper set, and where it came from.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record MappedFact
{
    /// <summary>Creates a mapped fact.</summary>
    /// <param name="fact">The fact's path in the patient document (<see cref="Model.FactNames"/>, with an index for list items: <c>metastases.lesions[0].sizeMm</c>).</param>
    /// <param name="resource">The resource it came from, as a reference (<c>Condition/lms-primary</c>), or <c>Bundle.entry[3].resource</c> when it has no id.</param>
    /// <param name="element">The element, as a FHIR path with slice names (<c>Condition.extension:histologyMorphologyBehavior.valueCodeableConcept</c>).</param>
    /// <param name="note">How it was read, in a few words (a code and its meaning, a unit conversion), or <see langword="null"/>.</param>
    public MappedFact(string fact, string resource, string element, string? note = null)
    {
        Fact = fact ?? throw new ArgumentNullException(nameof(fact));
        Resource = resource ?? throw new ArgumentNullException(nameof(resource));
        Element = element ?? throw new ArgumentNullException(nameof(element));
        Note = note;
    }

    /// <summary>Gets the fact's path.</summary>
    public string Fact { get; }

    /// <summary>Gets the resource reference.</summary>
    public string Resource { get; }

    /// <summary>Gets the element path.</summary>
    public string Element { get; }

    /// <summary>Gets how the value was read; it may quote a code of the record: treat it as patient data.</summary>
    public string? Note { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Fact} ← {Resource} {Element}";
}

/// <summary>One fact left unknown, and why.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record UnknownFact
{
    /// <summary>Creates an unknown fact.</summary>
    /// <param name="fact">The fact's path (<see cref="Model.FactNames"/>, indexed for list items).</param>
    /// <param name="reason">Why it is unknown.</param>
    /// <param name="explanation">One sentence for a reader, naming resources and elements, never a value.</param>
    public UnknownFact(string fact, UnknownReason reason, string explanation)
    {
        Fact = fact ?? throw new ArgumentNullException(nameof(fact));
        Reason = reason;
        Explanation = explanation ?? throw new ArgumentNullException(nameof(explanation));
    }

    /// <summary>Gets the fact's path.</summary>
    public string Fact { get; }

    /// <summary>Gets why it is unknown.</summary>
    public UnknownReason Reason { get; }

    /// <summary>Gets the explanation.</summary>
    public string Explanation { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Fact}: {Reason} ({Explanation})";
}

/// <summary>
/// What the mapper read from the record: for every fact it set, the resource and element it came from; for every
/// fact it left unknown, why; and notes on resources it recognised but did not use.
/// </summary>
/// <remarks>Immutable and thread-safe. Its notes and sources may quote codes of the record: treat the report as patient data.</remarks>
public sealed class MappingReport
{
    internal MappingReport(IEnumerable<MappedFact> mapped, IEnumerable<UnknownFact> unknown, IEnumerable<string> notes, IEnumerable<string> recognised)
    {
        Mapped = mapped.ToArray();
        Unknown = unknown.ToArray();
        Notes = notes.ToArray();
        Recognised = recognised.ToArray();
    }

    /// <summary>Gets the facts set from the record, in the order of the patient document.</summary>
    public IReadOnlyList<MappedFact> Mapped { get; }

    /// <summary>Gets the facts left unknown, with their reasons, in the order of the patient document.</summary>
    public IReadOnlyList<UnknownFact> Unknown { get; }

    /// <summary>Gets notes: resources recognised but not used, conflicts resolved, and the like.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Gets each resource recognised, with the mCODE profile name it was recognised as (<c>Condition/x: PrimaryCancerCondition (by code)</c>).</summary>
    public IReadOnlyList<string> Recognised { get; }

    /// <summary>Finds where a fact came from.</summary>
    /// <param name="fact">The fact's path, as in <see cref="MappedFact.Fact"/>.</param>
    /// <returns>The sources (empty when the fact was not mapped).</returns>
    public IReadOnlyList<MappedFact> SourcesOf(string fact) =>
        Mapped.Where(m => string.Equals(m.Fact, fact, StringComparison.Ordinal)).ToArray();

    /// <summary>Finds why a fact is unknown.</summary>
    /// <param name="fact">The fact's path.</param>
    /// <returns>The entry, or <see langword="null"/> when the fact is not listed as unknown.</returns>
    public UnknownFact? UnknownEntry(string fact) =>
        Unknown.FirstOrDefault(u => string.Equals(u.Fact, fact, StringComparison.Ordinal));
}

/// <summary>The result of mapping one patient's FHIR data: the patient and the mapping report.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class McodeMapping
{
    internal McodeMapping(Model.Patient patient, bool lesionsPending, MappingReport report)
    {
        // The reader left metastases.lesions unknown for want of a confirmation, with the lesions it read still in the
        // patient so the core validator checks them: they move out of the patient into PendingLesions (safety rule 1: a
        // record cannot show that it lists every lesion).
        if (lesionsPending && patient.Metastases is { Lesions.Count: > 0 } metastases)
        {
            PendingLesions = metastases.Lesions;
            patient = patient with { Metastases = metastases with { Lesions = Array.Empty<Model.Lesion>() } };
        }

        Patient = patient;
        Report = report;
    }

    /// <summary>
    /// Gets the patient: every fact the record holds, everything else unknown (never "no" for want of a resource). Its
    /// <c>metastases.lesions</c> is empty (unknown) unless the record says no disease is detected: the lesions read from
    /// the record are in <see cref="PendingLesions"/> until a clinician confirms the list.
    /// </summary>
    public Model.Patient Patient { get; }

    /// <summary>
    /// Gets the current metastatic lesions read from the record (one per Tumor BodyStructure, with the sizes, segments
    /// and lobes of <c>docs/fhir.md</c>), in the order of <c>metastases.lesions[i]</c> of <see cref="MappingReport.Mapped"/>,
    /// which names their sources. They are <em>not</em> in <see cref="Patient"/>: a FHIR record can never show that it
    /// holds every lesion staging found (mCODE has no structure for a complete list), and treating the list as complete
    /// would read an uncoded metastasis as "no metastasis there" (liver-only, oligometastatic; safety rule 1), so
    /// <c>metastases.lesions</c> stays unknown, with a <see cref="MappingReport.Unknown"/> entry. The Questionnaire of
    /// <see cref="Questionnaires.MissingFactsQuestionnaire.Create(McodeMapping, NodaTime.LocalDate, IConsensusEvaluator?, Questionnaires.QuestionnaireOptions?)"/>
    /// asks a clinician to confirm that staging found no other lesion, and
    /// <see cref="Questionnaires.QuestionnaireAnswers.Apply(McodeMapping, Hl7.Fhir.Model.QuestionnaireResponse, Questionnaires.QuestionnaireAnswerOptions?)"/>
    /// makes them the patient's lesions on a yes. Empty when the record lists no lesion, when the lesions are unknown for
    /// another reason (a site without a Tumor, a Tumor at an unreadable site, conflicting conditions: nothing to confirm),
    /// or when the record says no disease is detected.
    /// </summary>
    public IReadOnlyList<Model.Lesion> PendingLesions { get; } = Array.Empty<Model.Lesion>();

    /// <summary>Gets the report: each fact's source and each unknown's reason.</summary>
    public MappingReport Report { get; }
}
