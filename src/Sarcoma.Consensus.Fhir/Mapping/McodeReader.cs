using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.Fhir.Input;
using NodaTime;
using Period = Hl7.Fhir.Model.Period;
using Sarcoma.Consensus.Model;
using Patient = Sarcoma.Consensus.Model.Patient;
using static Sarcoma.Consensus.Fhir.Mapping.FhirValues;
using SiteKind = Sarcoma.Consensus.Fhir.Mapping.McodeCodes.SiteKind;

namespace Sarcoma.Consensus.Fhir.Mapping;

/// <summary>One mapping run: reads the resources once, then each fact in the order of the patient document.</summary>
internal sealed partial class McodeReader
{
    private const string HistologyElement = "Condition.extension:histologyMorphologyBehavior.valueCodeableConcept";
    private static readonly Regex GradeText = new(@"^\s*(?:FNCLCC\s+)?(?:grade\s*|G)?([1-3])\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // The clinicalStatus codes of a current condition (one array, not one per call: IsCurrent runs for every condition, often).
    private static readonly string[] CurrentClinicalStatuses = { "active", "recurrence", "relapse" };

    private readonly IReadOnlyList<SourceResource> entries;
    private readonly McodeMapperOptions options;
    private readonly Dictionary<string, SourceResource> byReference = new(StringComparer.Ordinal);
    private readonly List<MappedFact> mapped = new();
    private readonly Dictionary<string, UnknownFact> unknown = new(StringComparer.Ordinal);
    private readonly List<string> notes = new();
    private readonly List<string> recognised = new();
    private readonly HashSet<string> recognisedSet = new(StringComparer.Ordinal);
    private readonly HashSet<string> mappedFacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> pathByReference = new(StringComparer.Ordinal);
    private readonly HashSet<ValidationError> errorSet = new();
    private readonly Dictionary<Resource, string?> profiles = new(ReferenceComparer.Instance);
    private LocalDate? birthDate;

    private readonly List<ConditionEntry> primaries = new();
    private readonly List<SecondaryEntry> secondaries = new();

    private readonly string root;
    private readonly List<ValidationError> errors = new();

    public McodeReader(IEnumerable<SourceResource> entries, McodeMapperOptions options, string root)
    {
        this.entries = entries.ToArray();
        this.options = options;
        this.root = root;
        foreach (var entry in this.entries)
        {
            if (!pathByReference.ContainsKey(entry.Reference))
            {
                pathByReference[entry.Reference] = entry.Path;
            }

            byReference[entry.Resource.TypeName + "/" + entry.Resource.Id] = entry;
            if (!string.IsNullOrEmpty(entry.FullUrl))
            {
                byReference[entry.FullUrl!] = entry;
            }
        }
    }

    public McodeMapping Read()
    {
        RefuseWithoutPatientData();
        CheckOnePatient();
        ClassifyConditions();
        var primaryEntry = ChoosePrimary();
        var primary = ReadPrimary(primaryEntry);
        var metastases = ReadMetastases(primaryEntry);
        var clinical = ReadPerformanceStatus();
        var treatment = ReadTreatment(primaryEntry, ref primary, metastases);
        ReadTnm();
        _ = DiseaseStatuses().Count();

        var patient = new Patient
        {
            Primary = primary,
            Metastases = metastases,
            Clinical = clinical,
            Treatment = treatment,
            OriginUncertainty = ReadOriginUncertainty(primaryEntry),
        };

        ListUnknowns(patient);
        if (errors.Count == 0)
        {
            CheckPlausibility(patient);
        }

        if (errors.Count > 0)
        {
            throw new FhirInputException(errors, "FHIR R4 input the mapper cannot read", noPatientData: false);
        }

        // The lesions read are pending when the entry that made them unknown for want of a confirmation is still the
        // fact's entry (an earlier reason for unknown lesions wins, and a lesion list mapped later removes it).
        var lesionsPending = pendingLesionsEntry is not null &&
            unknown.TryGetValue(FactNames.Lesions, out var lesionsEntry) && ReferenceEquals(lesionsEntry, pendingLesionsEntry);
        return new McodeMapping(patient, lesionsPending, new MappingReport(
            mapped.OrderBy(m => FactOrder(m.Fact)).ThenBy(m => m.Fact, StringComparer.Ordinal),
            unknown.Values.OrderBy(u => FactOrder(u.Fact)).ThenBy(u => u.Fact, StringComparer.Ordinal),
            notes,
            recognised));
    }

    // ---------------------------------------------------------------- input errors

    /// <summary>
    /// Refuses input with no patient data (docs/fhir.md): no resource at all, or none that is a Patient, has a
    /// <c>subject</c> or <c>patient</c> reference, or is a resource the mapper reads. Absence of a particular resource
    /// is unknown, not this: a Bundle with only a Patient is mapped (every fact unknown).
    /// </summary>
    private void RefuseWithoutPatientData()
    {
        if (entries.Count == 0)
        {
            throw new FhirInputException(
                new[] { new ValidationError(root, "is empty or absent: the input holds no resources, so there is no patient data to evaluate.") },
                "No patient data in the FHIR input",
                noPatientData: true);
        }

        if (!entries.Any(e => IsAboutAPatient(e.Resource)))
        {
            var types = string.Join(", ", entries.Select(e => e.Resource.TypeName).Distinct().OrderBy(t => t, StringComparer.Ordinal));
            throw new FhirInputException(
                new[] { new ValidationError(root, FormattableString.Invariant($"holds no patient data: none of its {entries.Count} resource(s) ({types}) is a Patient or a resource about a patient (one with a subject or patient reference, or a Condition, Observation, BodyStructure, Procedure or medication resource).")) },
                "No patient data in the FHIR input",
                noPatientData: true);
        }
    }

    private static bool IsAboutAPatient(Resource resource) =>
        resource is Hl7.Fhir.Model.Patient or Condition or Observation or BodyStructure or Procedure or MedicationAdministration or MedicationRequest or MedicationStatement ||
        resource.EnumerateElements().Any(e => e.Key is "subject" or "patient" && e.Value is ResourceReference);

    private void Error(SourceResource entry, string element, string message)
    {
        ErrorAt(entry.Path + "." + element, message);
    }

    private void ErrorAt(string path, string message)
    {
        var error = new ValidationError(path, message);
        if (errorSet.Add(error))
        {
            errors.Add(error);
        }
    }

    /// <summary>
    /// One patient per evaluation (docs/fhir.md, "One patient per evaluation"): a second Patient resource is an input
    /// error; so is a <c>subject</c> or <c>patient</c> reference of a resource the mapper reads (Condition, Observation,
    /// Procedure, BodyStructure, medication resources) that is not a literal reference to the input's Patient — the
    /// relative <c>Patient/&lt;id&gt;</c> or the Patient entry's <c>fullUrl</c>; without a Patient resource, the same
    /// relative <c>Patient/&lt;id&gt;</c> (or <c>urn:uuid:</c> reference typed Patient) throughout. Other resources are checked only where they reference a Patient.
    /// Also reads and checks <c>Patient.birthDate</c>.
    /// </summary>
    private void CheckOnePatient()
    {
        var patients = entries.Where(e => e.Resource is Hl7.Fhir.Model.Patient).ToArray();
        foreach (var extra in patients.Skip(1))
        {
            ErrorAt(extra.Path, "is a second Patient resource (the first is " + patients[0].Path + "): one evaluation reads one patient's data; split the input by patient.");
        }

        var patient = patients.FirstOrDefault();
        if (patient is not null)
        {
            birthDate = Date(patient, ((Hl7.Fhir.Model.Patient)patient.Resource).BirthDateElement, "birthDate", choice: false, birth: true);
        }

        var patientId = patient is null || string.IsNullOrEmpty(patient.Resource.Id) ? null : patient.Resource.Id;
        var patientFullUrl = patient is null || string.IsNullOrEmpty(patient.FullUrl) ? null : WithoutVersion(patient.FullUrl!);
        if (patient is not null && patientId is null && patientFullUrl is null)
        {
            // A Patient that cannot be referenced: every reference to a patient is to another one.
            patientFullUrl = "\u0000";
        }

        string? expected = null;
        var verdicts = new Dictionary<(string? Text, string? Type, string? Expected), string?>();
        foreach (var entry in entries)
        {
            var read = IsReadByTheMapper(entry.Resource);
            foreach (var element in entry.Resource.EnumerateElements())
            {
                if (element.Key is not ("subject" or "patient") || element.Value is not ResourceReference reference)
                {
                    continue;
                }

                // Resources the mapper does not read are checked only where they reference a Patient (a Group, a Device or
                // an identifier-only reference on an Encounter does not matter here).
                if (!read && !NamesAPatient(reference))
                {
                    continue;
                }

                // The same reference recurs on every resource (Patient/<id>): judged once per text, type and expected key.
                var key = (reference.Reference, reference.Type, expected);
                if (!verdicts.TryGetValue(key, out var problem))
                {
                    problem = NotThePatient(reference, patientId, patientFullUrl, expected);
                    verdicts[key] = problem;
                }

                if (problem is not null)
                {
                    ErrorAt(entry.Path + "." + element.Key, problem);
                }
                else if (patient is null)
                {
                    expected ??= PatientKey(reference);
                }
            }
        }
    }

    private static bool IsReadByTheMapper(Resource resource) =>
        resource is Condition or Observation or BodyStructure or Procedure or MedicationAdministration or MedicationRequest or MedicationStatement;

    /// <summary>Whether a reference names a Patient: <c>Patient/&lt;id&gt;</c>, a URL ending in one, or an entry of the input that is a Patient.</summary>
    private bool NamesAPatient(ResourceReference reference)
    {
        if (reference.Reference is not { Length: > 0 } text)
        {
            return false;
        }

        if (byReference.TryGetValue(WithoutVersion(text), out var found))
        {
            return found.Resource is Hl7.Fhir.Model.Patient;
        }

        var parts = WithoutVersion(text).Split('/');
        return parts.Length >= 2 && parts[parts.Length - 2] == "Patient";
    }

    /// <summary>
    /// Checks the mapped patient with the core validator and names each problem by the FHIR element the fact came from
    /// (<c>Bundle.entry[10].resource(Observation).valueQuantity</c>), not by the model field, when the mapping report knows it.
    /// </summary>
    private void CheckPlausibility(Patient patient)
    {
        foreach (var problem in PatientValidator.Validate(patient, options.AsOf))
        {
            var source = mapped.FirstOrDefault(m => string.Equals(m.Fact, problem.Field, StringComparison.Ordinal));
            if (problem.Field == FactNames.Lesions)
            {
                // The list of lesions comes from the Tumor BodyStructures of the input as a whole.
                ErrorAt(root, "holds more Tumor BodyStructures of current lesions than a record may list (metastases.lesions " + problem.Message.TrimEnd('.') + ").");
            }
            else if (source is not null && pathByReference.TryGetValue(source.Resource, out var path))
            {
                var element = source.Element;
                var dot = element.IndexOf('.');
                ErrorAt(path + "." + (dot > 0 && !element.Contains(' ') ? element.Substring(dot + 1) : element), problem.Message);
            }
            else
            {
                ErrorAt(problem.Field, problem.Message);
            }
        }
    }

    /// <summary>Reads a date element of a resource the mapper uses; a literal that is not a date at all is an input error naming the element (never the value).</summary>
    /// <param name="entry">The resource.</param>
    /// <param name="value">The element's value.</param>
    /// <param name="element">The element's name: a choice type's stem (<c>onset</c>, <c>effective</c>, <c>performed</c>) or, with <paramref name="choice"/> false, the full name (<c>recordedDate</c>).</param>
    /// <param name="problem">Why a present value gives no date (partial, another data type, malformed).</param>
    /// <param name="periodEnd">Whether a Period's end is read rather than its start.</param>
    /// <param name="choice">Whether <paramref name="element"/> is a choice type ([x]).</param>
    /// <param name="birth">Whether the date is <c>Patient.birthDate</c> (its own plausible range); every other date gets the one shared check, <see cref="FhirValues.ImplausibleDate"/>.</param>
    /// <returns>The date as written, or <see langword="null"/>; also when it is implausible (the error is recorded), so that an implausible date never decides anything.</returns>
    private LocalDate? Date(SourceResource entry, DataType? value, string element, out string? problem, bool periodEnd = false, bool choice = true, bool birth = false)
    {
        var date = CalendarDate(value, out problem, periodEnd);
        var empty = value switch
        {
            FhirDateTime d => d.Value is { Length: 0 },
            Hl7.Fhir.Model.Date d => d.Value is { Length: 0 },
            Period p => (periodEnd ? p.End : p.Start) is { Length: 0 },
            _ => false,
        };
        if (empty)
        {
            Error(entry, ElementName(value, element, periodEnd, choice), "is an empty string, which is not a FHIR date: leave the element out when the date is not known.");
            problem = FhirValues.NotADate;
            return null;
        }

        if (date is { } read)
        {
            var name = ElementName(value, element, periodEnd, choice);
            var implausible = birth ? ImplausibleBirthDate(read, options.AsOf) : ImplausibleDate(read, options.AsOf, birthDate);
            if (implausible is not null)
            {
                Error(entry, name, implausible);
                date = null;
            }

            if (periodEnd && value is Period period && CalendarDate(period.Start, out _) is { } start && read < start)
            {
                Error(entry, choice ? element + "Period" : element, "ends before it starts (Period.end is before Period.start; the dates are not repeated here).");
            }
        }

        if (date is null && problem is not null && problem != FhirValues.NotADate && options.AsOf is { } asOf
            && FhirValues.FirstDay(value, periodEnd) is { } firstDay && firstDay > asOf)
        {
            Error(entry, ElementName(value, element, periodEnd, choice), "is a partial date (year or month only) that starts after the evaluation date: a record cannot hold what has not happened yet (the date is not repeated here).");
        }

        if (problem == FhirValues.NotADate)
        {
            var name = ElementName(value, element, periodEnd, choice);
            var type = value is Period ? "dateTime" : value?.TypeName ?? "date";
            Error(entry, name, "is not a valid FHIR " + type + " (" + FhirValues.DateForm(value) + "): the date cannot be read, and is not repeated here.");
        }

        return date;
    }

    private static string ElementName(DataType? value, string element, bool periodEnd, bool choice) => value switch
    {
        Period => (choice ? element + "Period" : element) + (periodEnd ? ".end" : ".start"),
        _ when !choice => element,
        FhirDateTime => element + "DateTime",
        Hl7.Fhir.Model.Date => element + "Date",
        Hl7.Fhir.Model.Instant => element + "Instant",
        _ => element,
    };

    private LocalDate? Date(SourceResource entry, DataType? value, string element, bool periodEnd = false, bool choice = true, bool birth = false) =>
        Date(entry, value, element, out _, periodEnd, choice, birth);

    /// <summary>
    /// The date of an Observation the mapper reads (<c>effective[x]</c>), after the same date check of its
    /// <c>issued</c> instant (docs/fhir.md, "One date check"): a result released after the evaluation date, before the
    /// birth date, or with an issued that is not an instant, is an input error even though issued decides nothing.
    /// </summary>
    private LocalDate? ObservationDate(SourceResource entry, Observation observation)
    {
        _ = Date(entry, observation.IssuedElement, "issued", choice: false);
        return Date(entry, observation.Effective, "effective");
    }

    /// <summary>Reads a status code of a resource the mapper uses; a literal outside its required value set is an input error (the resource would otherwise be dropped silently).</summary>
    private string? Status(SourceResource entry, PrimitiveType? element, string name)
    {
        if (IsOutsideValueSet(element))
        {
            Error(entry, name, "is not a code of its required FHIR R4 value set: the resource's " + name + " cannot be read (the code is not repeated here).");
            return null;
        }

        return Literal(element);
    }

    private static readonly string[] ClinicalStatusCodes = { "active", "recurrence", "relapse", "inactive", "remission", "resolved" };
    private static readonly string[] VerificationStatusCodes = { "unconfirmed", "provisional", "differential", "confirmed", "refuted", "entered-in-error" };

    /// <summary>Checks the elements of a cancer condition the mapper reads: its statuses (codes of the HL7 code systems) and dates.</summary>
    private void CheckCondition(SourceResource entry, Condition condition)
    {
        if (Codings(condition.ClinicalStatus).Any(c => c.System == McodeCodes.ConditionClinicalStatus && !ClinicalStatusCodes.Contains(c.Code ?? string.Empty, StringComparer.Ordinal)))
        {
            Error(entry, "clinicalStatus", "has a code of the condition-clinical code system that is not one of its codes (active, recurrence, relapse, inactive, remission, resolved); the code is not repeated here.");
        }

        if (Codings(condition.VerificationStatus).Any(c => c.System == McodeCodes.ConditionVerificationStatus && !VerificationStatusCodes.Contains(c.Code ?? string.Empty, StringComparer.Ordinal)))
        {
            Error(entry, "verificationStatus", "has a code of the condition-ver-status code system that is not one of its codes (unconfirmed, provisional, differential, confirmed, refuted, entered-in-error); the code is not repeated here.");
        }

        _ = Date(entry, condition.Onset, "onset");
        _ = Date(entry, condition.Onset, "onset", periodEnd: true);
        _ = Date(entry, condition.RecordedDateElement, "recordedDate", choice: false);
    }

    // ---------------------------------------------------------------- recognition

    /// <summary>
    /// Whether a resource recognised by its mCODE profile carries the profile's LOINC code, system and code together (an
    /// ECOG code under the SNOMED CT system is not the ECOG code). A code with no coding at all (text only) is let pass:
    /// the profile then says what it is.
    /// </summary>
    private static bool CodeFits(CodeableConcept? code, IEnumerable<string> loinc) =>
        !HasCoding(code) || HasAny(code, McodeCodes.Loinc, loinc);

    /// <summary>The mCODE profile a resource declares (<see cref="McodeCodes.ProfileName"/> of its first recognised <c>meta.profile</c>), read once per resource and run.</summary>
    private string? Profile(Resource resource)
    {
        if (profiles.TryGetValue(resource, out var known))
        {
            return known;
        }

        string? profile = null;
        if (resource.Meta?.Profile is { } canonicals)
        {
            foreach (var canonical in canonicals)
            {
                if (McodeCodes.ProfileName(canonical) is { } name)
                {
                    profile = name;
                    break;
                }
            }
        }

        profiles[resource] = profile;
        return profile;
    }

    private void Recognise(SourceResource entry, string profile, bool byProfile)
    {
        var line = $"{entry.Reference}: {profile} ({(byProfile ? "by meta.profile" : "by code")})";
        if (recognisedSet.Add(line))
        {
            recognised.Add(line);
        }
    }

    private SourceResource? Resolve(ResourceReference? reference)
    {
        if (reference?.Reference is not { } text)
        {
            return null;
        }

        if (byReference.TryGetValue(text, out var found))
        {
            return found;
        }

        // An absolute reference to a server: match on its last two segments (Type/id).
        var parts = text.Split('/');
        return parts.Length >= 2 && byReference.TryGetValue(parts[parts.Length - 2] + "/" + parts[parts.Length - 1], out found) ? found : null;
    }

    private static bool IsEnteredInError(Condition condition) =>
        Has(condition.VerificationStatus, McodeCodes.ConditionVerificationStatus, "entered-in-error");

    private static bool IsRefuted(Condition condition) =>
        Has(condition.VerificationStatus, McodeCodes.ConditionVerificationStatus, "refuted");

    /// <summary>What a Condition asserts (docs/fhir.md, "Condition status").</summary>
    private enum Assertion
    {
        /// <summary>verificationStatus confirmed, or no verificationStatus but a clinicalStatus.</summary>
        Present,

        /// <summary>verificationStatus refuted.</summary>
        Refuted,

        /// <summary>verificationStatus unconfirmed, provisional or differential, or neither status recorded: neither present nor absent.</summary>
        Uncertain,
    }

    /// <summary>
    /// Reads what a Condition asserts. A Condition without a verificationStatus is read as present only when it has a
    /// clinicalStatus (a clinician's statement that it is active, or resolved); with neither status it may as well be a
    /// refuted condition whose status was lost, so it is <see cref="Assertion.Uncertain"/> and decides nothing.
    /// </summary>
    private static Assertion AssertionOf(Condition condition)
    {
        if (IsRefuted(condition))
        {
            return Assertion.Refuted;
        }

        if (condition.ClinicalStatus is not null && !HasReadableClinicalStatus(condition))
        {
            // A clinicalStatus with no code of the condition-clinical system (another system, or text only) cannot say
            // whether the condition is current or past: it decides nothing, as a lost status does.
            return Assertion.Uncertain;
        }

        var verification = Codings(condition.VerificationStatus).Where(c => c.System == McodeCodes.ConditionVerificationStatus).Select(c => c.Code).ToArray();
        if (verification.Contains("confirmed"))
        {
            return Assertion.Present;
        }

        if (verification.Any(v => v is "unconfirmed" or "provisional" or "differential"))
        {
            return Assertion.Uncertain;
        }

        return condition.ClinicalStatus is not null ? Assertion.Present : Assertion.Uncertain;
    }

    /// <summary>Whether a Condition's clinicalStatus carries a code of the condition-clinical code system.</summary>
    private static bool HasReadableClinicalStatus(Condition condition) =>
        Codings(condition.ClinicalStatus).Any(c => c.System == McodeCodes.ConditionClinicalStatus);

    /// <summary>The date a condition was stated: <c>onset[x]</c>, else <c>recordedDate</c>.</summary>
    private LocalDate? ConditionDate(SourceResource entry, Condition condition) =>
        Date(entry, condition.Onset, "onset") ?? Date(entry, condition.RecordedDateElement, "recordedDate", choice: false);

    /// <summary>
    /// Whether a refuted condition contradicts a present one at the same site: unless the refutation is dated strictly
    /// before the present condition (a later diagnosis supersedes an earlier exclusion), the record disagrees with itself.
    /// </summary>
    private bool Contradicts(SecondaryEntry refuted, SecondaryEntry present) =>
        !(ConditionDate(refuted.Source, refuted.Condition) is { } excluded && ConditionDate(present.Source, present.Condition) is { } found && excluded < found);

    /// <summary>Current: clinicalStatus active, recurrence or relapse, or not stated. Past: inactive, remission, resolved.</summary>
    private static bool IsCurrent(Condition condition) =>
        condition.ClinicalStatus is null ||
        !HasReadableClinicalStatus(condition) ||
        HasAny(condition.ClinicalStatus, McodeCodes.ConditionClinicalStatus, CurrentClinicalStatuses);

    private void ClassifyConditions()
    {
        foreach (var entry in entries)
        {
            if (entry.Resource is not Condition condition || IsEnteredInError(condition))
            {
                continue;
            }

            var profile = Profile(condition);
            var sites = SecondarySites(condition, out var siteElement);
            bool secondaryByCode = sites.Count > 0 || Has(condition.Code, McodeCodes.Snomed, McodeCodes.MetastaticNeoplasm) ||
                condition.Extension.Any(e => e.Url == McodeCodes.RelatedPrimaryCancerConditionExtension) ||
                Codings(condition.Code).Any(c => (c.System == McodeCodes.Icd10Cm || c.System == McodeCodes.Icd10) && IsIcd10Range(c.Code, "C77", "C79"));
            if (profile == "SecondaryCancerCondition" || (profile is null && secondaryByCode))
            {
                Recognise(entry, "SecondaryCancerCondition", profile is not null);
                CheckCondition(entry, condition);
                secondaries.Add(new SecondaryEntry(entry, condition, sites, siteElement));
                continue;
            }

            bool primaryByCode = condition.Extension.Any(e => e.Url == McodeCodes.HistologyMorphologyBehaviorExtension) ||
                Codings(condition.Code).Any(c => (c.System == McodeCodes.Icd10Cm || c.System == McodeCodes.Icd10) &&
                    (IsIcd10Range(c.Code, "C00", "C76") || IsIcd10Range(c.Code, "C80", "C96")));
            if (profile == "PrimaryCancerCondition" || (profile is null && primaryByCode))
            {
                Recognise(entry, "PrimaryCancerCondition", profile is not null);
                CheckCondition(entry, condition);
                primaries.Add(new ConditionEntry(entry, condition));
            }
        }
    }

    private static bool IsIcd10Range(string? code, string from, string to)
    {
        if (code is null || code.Length < 3)
        {
            return false;
        }

        var category = code.Substring(0, 3).ToUpperInvariant();
        return string.CompareOrdinal(category, from) >= 0 && string.CompareOrdinal(category, to) <= 0;
    }

    /// <summary>The sites of a SecondaryCancerCondition: from a site-specific <c>Condition.code</c>, else from <c>Condition.bodySite</c>.</summary>
    private static IReadOnlyList<(SiteKind Kind, MetastaticSite Site)> SecondarySites(Condition condition, out string element)
    {
        var byCode = Codings(condition.Code)
            .Where(c => c.System is not null && c.Code is not null && McodeCodes.MetastaticSiteByConditionCode.ContainsKey((c.System!, c.Code!)))
            .Select(c => McodeCodes.MetastaticSiteByConditionCode[(c.System!, c.Code!)])
            .Distinct()
            .ToArray();
        if (byCode.Length > 0)
        {
            element = "Condition.code";
            return byCode;
        }

        element = "Condition.bodySite";
        return Codings(condition.BodySite)
            .Where(c => c.System == McodeCodes.Snomed && c.Code is not null && McodeCodes.MetastaticSiteBySnomedBodySite.ContainsKey(c.Code))
            .Select(c => McodeCodes.MetastaticSiteBySnomedBodySite[c.Code!])
            .Distinct()
            .ToArray();
    }

    // ---------------------------------------------------------------- primary

    private ConditionEntry? ChoosePrimary()
    {
        var candidates = primaries.Where(p => !IsRefuted(p.Condition)).ToArray();
        if (candidates.Length == 0)
        {
            return null;
        }

        if (candidates.Length == 1)
        {
            return candidates[0];
        }

        var sarcomas = candidates.Where(p => ReadHistology(p, out _, out _) is { IsInScope: true }).ToArray();
        if (sarcomas.Length == 1)
        {
            notes.Add($"{candidates.Length} PrimaryCancerConditions: {sarcomas[0].Source.Reference} (a soft-tissue sarcoma) is taken as the primary; the others are other cancers.");
            return sarcomas[0];
        }

        notes.Add($"{candidates.Length} PrimaryCancerConditions and {(sarcomas.Length == 0 ? "none is" : "more than one is")} a soft-tissue sarcoma: the first in the record, {candidates[0].Source.Reference}, is taken as the primary; check the record.");
        return sarcomas.Length > 1 ? sarcomas[0] : candidates[0];
    }

    private Histology? ReadHistology(ConditionEntry primary, out string? note, out UnknownReason? reason)
    {
        note = null;
        reason = null;

        // A Condition.code that names the morphology (a carcinoma, a soft-tissue sarcoma, a GIST): the histology without
        // the extension; beside it, a check that the two agree on the scope (docs/fhir.md).
        (Histology Histology, string How)? fromCode = null;
        var disorder = Codings(primary.Condition.Code).Select(McodeCodes.MorphologyOfConditionCode).FirstOrDefault(m => m is not null);
        if (disorder is { } coded && options.HistologyMap.TryResolve(McodeCodes.IcdO3, coded.Morphology, out var fromDisorder))
        {
            fromCode = (fromDisorder, "Condition.code " + coded.Code + " names the morphology (ICD-O-3 " + coded.Morphology + ")");
        }

        var extensionIndex = primary.Condition.Extension.FindIndex(e => e.Url == McodeCodes.HistologyMorphologyBehaviorExtension);
        if (extensionIndex < 0 || primary.Condition.Extension[extensionIndex].Value is not CodeableConcept concept)
        {
            if (fromCode is { } code)
            {
                note = code.How;
                return code.Histology;
            }

            reason = UnknownReason.NoResource;
            note = $"{primary.Source.Reference} has no HistologyMorphologyBehavior extension.";
            return null;
        }

        // A code in the ICD-O-3 system that is not a morphology code (NNNN/B) is an input error, not rescued by the text.
        var found = new List<(Histology Histology, string How)>();
        var malformed = false;
        for (var i = 0; i < concept.Coding.Count; i++)
        {
            var coding = concept.Coding[i];
            if (HistologyMap.IsIcdO3System(coding.System) && coding.Code is not null && !HistologyMap.IsIcdO3Morphology(coding.Code))
            {
                Error(primary.Source, FormattableString.Invariant($"extension[{extensionIndex}].valueCodeableConcept.coding[{i}].code"), "is in the ICD-O-3 code system but is not an ICD-O-3 morphology code (four digits 8000–9999, a slash and a behaviour digit, such as 8890/3): the histology cannot be read, and the text beside it is not used instead (the code is not repeated here).");
                malformed = true;
            }
            else if (McodeCodes.CannotHoldHistology(coding.System) && coding.Code is not null)
            {
                Error(primary.Source, FormattableString.Invariant($"extension[{extensionIndex}].valueCodeableConcept.coding[{i}].system"), "is a code system that holds no histology (LOINC, UCUM, CPT, ICD-10-PCS, RxNorm, an HL7 code system …): the histology cannot be read, and the text beside it is not used instead (the code is not repeated here).");
                malformed = true;
            }
            else if (options.HistologyMap.TryResolve(coding.System, coding.Code, out var histology))
            {
                found.Add((histology, (HistologyMap.IsIcdO3System(coding.System) ? "ICD-O-3 " : "SNOMED CT ") + coding.Code));
            }
        }

        if (malformed)
        {
            reason = UnknownReason.Ambiguous;
            note = $"{primary.Source.Reference}: a HistologyMorphologyBehavior code is not an ICD-O-3 morphology code, or is in a code system that holds no histology.";
            return null;
        }

        found = found.OrderBy(f => f.How.StartsWith("ICD-O-3", StringComparison.Ordinal) ? 0 : 1).ToList();
        if (found.Count == 0 && options.HistologyMap.TryResolve(concept.Text, out var named))
        {
            found.Add((named, "text"));
        }

        if (found.Count == 0)
        {
            reason = UnknownReason.Ambiguous;
            note = $"{primary.Source.Reference}: the HistologyMorphologyBehavior codes are neither ICD-O-3 nor SNOMED CT morphologies the histology table classifies (docs/histology.md).";
            return null;
        }

        // Codings of one concept should agree; when an ICD-O-3 and a SNOMED CT coding put the tumour in different classes, say so.
        var classified = found.Where(f => f.Histology.Scope != HistologyScope.Unclassified).ToArray();
        if (classified.Select(f => f.Histology.Scope).Distinct().Count() > 1)
        {
            reason = UnknownReason.Ambiguous;
            note = $"{primary.Source.Reference}: the HistologyMorphologyBehavior codings disagree on whether the tumour is a soft-tissue sarcoma.";
            return null;
        }

        var chosen = classified.Length > 0 ? classified[0] : found[0];

        // The extension and a morphology named by Condition.code disagree on whether the tumour is in scope (a GIST code
        // beside a sarcoma morphology): the scope is not guessed either way.
        if (fromCode is { } fromCondition && fromCondition.Histology.Scope != HistologyScope.Unclassified &&
            chosen.Histology.Scope != HistologyScope.Unclassified && fromCondition.Histology.IsInScope != chosen.Histology.IsInScope)
        {
            reason = UnknownReason.Ambiguous;
            note = $"{primary.Source.Reference}: {HistologyElement} ({chosen.How}) and Condition.code ({fromCondition.How.Substring("Condition.code ".Length)}) disagree on whether the tumour is a soft-tissue sarcoma in the guideline's scope; the scope is not guessed: correct the record.";
            return null;
        }

        note = chosen.How;
        return chosen.Histology;
    }

    private PrimaryTumor? ReadPrimary(ConditionEntry? primary)
    {
        if (primary is null)
        {
            var why = primaries.Count > 0
                ? "every PrimaryCancerCondition in the record is refuted."
                : "no PrimaryCancerCondition (or Condition with a HistologyMorphologyBehavior extension) in the record.";
            foreach (var fact in new[] { FactNames.PrimaryHistology, FactNames.PrimarySite, FactNames.PrimaryGrade, FactNames.PrimaryDiagnosedOn, FactNames.PrimaryResected })
            {
                Unknown(fact, UnknownReason.NoResource, "Not recorded: " + why);
            }

            return null;
        }

        var source = primary.Source.Reference;
        var result = new PrimaryTumor();
        var histology = ReadHistology(primary, out var how, out var reason);
        if (histology is not null)
        {
            result = result with { Histology = histology };
            Mapped(FactNames.PrimaryHistology, source, how is not null && how.StartsWith("Condition.code", StringComparison.Ordinal) ? "Condition.code" : HistologyElement, how);
        }
        else
        {
            Unknown(FactNames.PrimaryHistology, reason!.Value, how!);
        }

        // Primary site: Condition.bodySite → category, by the documented SNOMED CT value set.
        var siteCodings = Codings(primary.Condition.BodySite).ToArray();
        var sites = siteCodings
            .Where(c => c.System == McodeCodes.Snomed && c.Code is not null && McodeCodes.PrimarySiteBySnomed.ContainsKey(c.Code))
            .Select(c => McodeCodes.PrimarySiteBySnomed[c.Code!])
            .Distinct()
            .ToArray();
        if (sites.Length == 1)
        {
            result = result with { Site = sites[0] };
            Mapped(FactNames.PrimarySite, source, "Condition.bodySite", "SNOMED CT body structure → " + sites[0]);
        }
        else if (sites.Length > 1)
        {
            Unknown(FactNames.PrimarySite, UnknownReason.Ambiguous, $"{source}: Condition.bodySite codes fall in different primary-site categories.");
        }
        else
        {
            Unknown(
                FactNames.PrimarySite,
                siteCodings.Length > 0 ? UnknownReason.Ambiguous : UnknownReason.NoResource,
                siteCodings.Length > 0
                    ? $"{source}: Condition.bodySite is not in the primary-site value set (docs/fhir.md)."
                    : $"{source} has no Condition.bodySite.");
        }

        var diagnosed = Date(primary.Source, primary.Condition.Onset, "onset", out var problem);
        if (diagnosed is { } date)
        {
            result = result with { DiagnosedOn = date };
            Mapped(FactNames.PrimaryDiagnosedOn, source, primary.Condition.Onset is Period ? "Condition.onsetPeriod.start" : "Condition.onsetDateTime");
        }
        else
        {
            Unknown(
                FactNames.PrimaryDiagnosedOn,
                problem is null ? UnknownReason.NoResource : UnknownReason.Ambiguous,
                problem is null ? $"{source} has no Condition.onset[x] date." : $"{source}: Condition.onset[x] {problem}.");
        }

        result = ReadGrade(primary, result);
        return result;
    }

    private PrimaryTumor ReadGrade(ConditionEntry primary, PrimaryTumor result)
    {
        var grades = new List<(SourceResource Entry, Observation Observation, HistologicGrade? Grade, LocalDate? Date)>();
        foreach (var entry in entries)
        {
            if (entry.Resource is not Observation observation)
            {
                continue;
            }

            var profile = Profile(observation);
            if (!((profile == "HistologicGrade" && CodeFits(observation.Code, McodeCodes.GradeLoinc)) || HasAny(observation.Code, McodeCodes.Loinc, McodeCodes.GradeLoinc)) || !IsUsable(entry, observation))
            {
                continue;
            }

            if (observation.Focus.Count > 0 && !observation.Focus.Any(f => Resolve(f) == primary.Source))
            {
                continue;
            }

            Recognise(entry, "histologic grade Observation", profile is not null);
            grades.Add((entry, observation, Grade(observation.Value), ObservationDate(entry, observation)));
        }

        var latest = grades.OrderByDescending(g => g.Date ?? LocalDate.MinIsoValue).FirstOrDefault();
        if (latest.Observation is null)
        {
            Unknown(FactNames.PrimaryGrade, UnknownReason.NoResource, "No histologic grade Observation (LOINC 21858-6 or 33732-9) in the record.");
            return result;
        }

        // Two grades of the same date (or both undated) that disagree: neither is taken (never settled by entry order),
        // as for ECOG (docs/fhir.md, "Conflicting resources").
        var clash = grades.FirstOrDefault(g => g.Entry != latest.Entry && g.Date == latest.Date && g.Grade != latest.Grade);
        if (clash.Observation is not null)
        {
            Unknown(
                FactNames.PrimaryGrade,
                UnknownReason.Conflicting,
                $"Conflicting: {latest.Entry.Path}.{ValueElement(latest.Observation.Value)} and {clash.Entry.Path}.{ValueElement(clash.Observation.Value)}: two histologic grade Observations of the same date disagree; the grade is left unknown.");
            return result;
        }

        if (latest.Grade is not { } grade)
        {
            Unknown(FactNames.PrimaryGrade, UnknownReason.Ambiguous, $"{latest.Entry.Reference}: Observation.value[x] is not an FNCLCC grade 1–3 (an integer, SNOMED CT G1–G3 or text \"G1\"–\"G3\").");
            return result;
        }

        Mapped(FactNames.PrimaryGrade, latest.Entry.Reference, "Observation.value[x]");
        return result with { Grade = grade };
    }

    /// <summary>The name of an Observation's <c>value[x]</c> element as written (<c>valueInteger</c>, <c>valueCodeableConcept</c>), or <c>value[x]</c> when absent.</summary>
    private static string ValueElement(DataType? value) =>
        value is null ? "value[x]" : "value" + char.ToUpperInvariant(value.TypeName[0]) + value.TypeName.Substring(1);

    private static HistologicGrade? Grade(DataType? value) => value switch
    {
        Integer { Value: >= 1 and <= 3 } integer => (HistologicGrade)integer.Value!.Value,
        CodeableConcept concept => Codings(concept).Where(c => c.System == McodeCodes.Snomed && c.Code is not null && McodeCodes.GradeAnswers.ContainsKey(c.Code))
                                       .Select(c => (HistologicGrade?)McodeCodes.GradeAnswers[c.Code!]).FirstOrDefault()
                                   ?? Texts(concept).Select(GradeFromText).FirstOrDefault(g => g is not null),
        FhirString text => GradeFromText(text.Value),
        _ => null,
    };

    private static HistologicGrade? GradeFromText(string? text) =>
        text is not null && GradeText.Match(text) is { Success: true } match ? (HistologicGrade)(match.Groups[1].Value[0] - '0') : null;

    /// <summary>Whether a recognised Observation counts: status final, amended, corrected or preliminary (or none). A status outside its value set is an input error.</summary>
    private bool IsUsable(SourceResource entry, Observation observation)
    {
        var invalid = IsOutsideValueSet(observation.StatusElement);
        var status = Status(entry, observation.StatusElement, "status");
        return !invalid && status is null or "final" or "amended" or "corrected" or "preliminary";
    }

    private void ReadTnm()
    {
        foreach (var entry in entries)
        {
            if (entry.Resource is Observation observation && Profile(observation) is { } profile && profile.StartsWith("TNM", StringComparison.Ordinal))
            {
                Recognise(entry, profile, true);
                notes.Add($"{entry.Reference} ({profile}) read but not used: the consensus works from the sites and dates of the metastases (SecondaryCancerCondition), not from the TNM category.");
            }
        }
    }

    // ---------------------------------------------------------------- reporting

    private void Mapped(string fact, string resource, string element, string? note = null)
    {
        mapped.Add(new MappedFact(fact, resource, element, note));
        mappedFacts.Add(fact);
        unknown.Remove(fact);
    }

    /// <returns>The entry recorded, or <see langword="null"/> when the fact was already mapped or already unknown.</returns>
    private UnknownFact? Unknown(string fact, UnknownReason reason, string explanation)
    {
        if (mappedFacts.Contains(fact) || unknown.ContainsKey(fact))
        {
            return null;
        }

        var entry = new UnknownFact(fact, reason, explanation);
        unknown[fact] = entry;
        return entry;
    }

    /// <summary>The position of a fact in <see cref="FactNames"/> (declaration order), its list indices (<c>[0]</c>) read as <c>[]</c>; <see cref="int.MaxValue"/> for a fact not listed.</summary>
    private static int FactOrder(string fact) =>
        FactOrderByName.TryGetValue(WithoutIndices(fact), out var index) ? index : int.MaxValue;

    /// <summary>A fact name with each <c>[digits]</c> written <c>[]</c> (<c>metastases.lesions[2].sizeMm</c> → <c>metastases.lesions[].sizeMm</c>).</summary>
    private static string WithoutIndices(string fact)
    {
        if (fact.IndexOf('[') < 0)
        {
            return fact;
        }

        var result = new System.Text.StringBuilder(fact.Length);
        var i = 0;
        while (i < fact.Length)
        {
            var c = fact[i];
            if (c == '[')
            {
                var end = i + 1;
                while (end < fact.Length && fact[end] >= '0' && fact[end] <= '9')
                {
                    end++;
                }

                if (end > i + 1 && end < fact.Length && fact[end] == ']')
                {
                    result.Append("[]");
                    i = end + 1;
                    continue;
                }
            }

            result.Append(c);
            i++;
        }

        return result.ToString();
    }

    // The first position of each name, as List.IndexOf gave it.
    private static readonly Dictionary<string, int> FactOrderByName = typeof(FactNames).GetFields()
        .Where(f => f.IsLiteral)
        .Select((f, index) => (Name: (string)f.GetRawConstantValue()!, Index: index))
        .GroupBy(f => f.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Index, StringComparer.Ordinal);

    /// <summary>Reference equality for resources (a resource is one entry of the input, whatever Firely's value equality says).</summary>
    private sealed class ReferenceComparer : IEqualityComparer<Resource>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(Resource? x, Resource? y) => ReferenceEquals(x, y);

        public int GetHashCode(Resource obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private sealed record ConditionEntry(SourceResource Source, Condition Condition);

    private sealed record SecondaryEntry(SourceResource Source, Condition Condition, IReadOnlyList<(SiteKind Kind, MetastaticSite Site)> Sites, string SiteElement);
}
