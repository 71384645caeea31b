using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hl7.Fhir.Model;
using NodaTime;
using Period = Hl7.Fhir.Model.Period;
using Sarcoma.Consensus.Model;
using Patient = Sarcoma.Consensus.Model.Patient;
using static Sarcoma.Consensus.Fhir.Mapping.FhirValues;
using SiteKind = Sarcoma.Consensus.Fhir.Mapping.McodeCodes.SiteKind;

namespace Sarcoma.Consensus.Fhir.Mapping;

/// <summary>SecondaryCancerCondition, Tumor BodyStructure, TumorSize and CancerDiseaseStatus.</summary>
internal sealed partial class McodeReader
{
    private MetastaticDisease? ReadMetastases(ConditionEntry? primary)
    {
        var tumors = ReadTumors(primary);
        if (secondaries.Count == 0 && tumors.Count == 0)
        {
            Unknown(FactNames.Metastases, UnknownReason.NoResource, "No SecondaryCancerCondition (or Condition with a secondary-neoplasm code) in the record.");
            return null;
        }

        var current = secondaries.Where(s => AssertionOf(s.Condition) == Assertion.Present && IsCurrent(s.Condition)).ToArray();
        var past = secondaries.Where(s => AssertionOf(s.Condition) == Assertion.Present && !IsCurrent(s.Condition)).ToArray();
        var uncertain = secondaries.Where(s => AssertionOf(s.Condition) == Assertion.Uncertain && IsCurrent(s.Condition)).ToArray();
        foreach (var s in secondaries.Where(s => s.Sites.Count == 0))
        {
            notes.Add($"{s.Source.Reference}: the metastatic site is not in the site value sets (Condition.code or Condition.bodySite, docs/fhir.md); the condition is not used for sites.");
        }

        var diffuse = ReadDiffuse();
        var status = ReadDiseaseStatus();
        bool? noEvidence = null;
        if (status is { Code: McodeCodes.NotDetected } ned)
        {
            if (current.Any(s => s.Sites.Count > 0))
            {
                notes.Add($"{ned.Source.Reference} says no disease is detected, but SecondaryCancerConditions are active: metastases.noEvidenceOfDisease is left unknown.");
                Unknown(FactNames.NoEvidenceOfDisease, UnknownReason.Ambiguous, $"{ned.Source.Reference} (CancerDiseaseStatus: not detected) conflicts with active SecondaryCancerConditions.");
            }
            else
            {
                noEvidence = true;
                Mapped(FactNames.NoEvidenceOfDisease, ned.Source.Reference, "Observation.valueCodeableConcept", "CancerDiseaseStatus 260415000 |Not detected|");
            }
        }
        else
        {
            Unknown(FactNames.NoEvidenceOfDisease, UnknownReason.NoResource, "No CancerDiseaseStatus saying that no disease is detected (absence of a resource is not 'no evidence of disease').");
        }

        var detectedFrom = current.Length > 0 ? current : noEvidence == true ? past : Array.Empty<SecondaryEntry>();
        var dated = detectedFrom
            .Select(s => (Entry: s, Date: Date(s.Source, s.Condition.Onset, "onset") ?? Date(s.Source, s.Condition.RecordedDateElement, "recordedDate", choice: false), Element: Date(s.Source, s.Condition.Onset, "onset") is not null ? "Condition.onset[x]" : "Condition.recordedDate"))
            .Where(d => d.Date is not null)
            .ToArray();
        LocalDate? detectedOn = null;
        var earliest = current.Length > 0 && dated.Length > 0 ? dated.Min(d => d.Date!.Value) : (LocalDate?)null;
        var earlierUncertain = uncertain.FirstOrDefault(u => earliest is null || !(ConditionDate(u.Source, u.Condition) is { } d && d >= earliest));
        if (dated.Length > 0 && current.Length > 0 && earlierUncertain is not null)
        {
            Unknown(
                FactNames.MetastasesDetectedOn,
                UnknownReason.Ambiguous,
                $"{earlierUncertain.Source.Reference}: a SecondaryCancerCondition that is neither confirmed nor refuted (Condition.verificationStatus unconfirmed, provisional or differential, or no verificationStatus and no clinicalStatus), undated or dated before the confirmed ones: when the metastases were first detected is not settled.");
        }
        else if (dated.Length > 0)
        {
            // Current metastases: the earliest detection among the active conditions; after a complete treatment, the latest treated ones.
            var chosen = current.Length > 0 ? dated.OrderBy(d => d.Date).First() : dated.OrderByDescending(d => d.Date).First();
            detectedOn = chosen.Date;
            Mapped(FactNames.MetastasesDetectedOn, chosen.Entry.Source.Reference, chosen.Element, current.Length > 0 ? "earliest active SecondaryCancerCondition" : "latest treated SecondaryCancerCondition");
        }
        else
        {
            Unknown(
                FactNames.MetastasesDetectedOn,
                UnknownReason.NoResource,
                detectedFrom.Length > 0 ? "The SecondaryCancerConditions have no Condition.onset[x] or Condition.recordedDate date." : "No active SecondaryCancerCondition in the record.");
        }

        var lesions = noEvidence == true ? Array.Empty<Lesion>() : BuildLesions(current, uncertain, tumors);
        if (lesions.Length > 0)
        {
            // Safety rule 1: absence of a resource is unknown, not "no". A record can never show that it holds every
            // metastatic lesion staging found (mCODE has no structure for a complete list), so the lesions read are
            // pending: McodeMapping moves them out of the patient into McodeMapping.PendingLesions, and the
            // Questionnaire asks the clinician to confirm the list (docs/fhir.md, metastases.lesions).
            pendingLesionsEntry = Unknown(
                FactNames.Lesions,
                UnknownReason.NotExpressibleInMcode,
                PendingLesionsExplanation);
        }

        return new MetastaticDisease
        {
            DetectedOn = detectedOn,
            NoEvidenceOfDisease = noEvidence,
            Lesions = lesions,
            Diffuse = diffuse,
        };
    }

    /// <summary>The entry that left <c>metastases.lesions</c> unknown for want of a confirmation, if this reader recorded one.</summary>
    private UnknownFact? pendingLesionsEntry;

    /// <summary>The explanation of <c>metastases.lesions</c> left unknown while the lesions read are pending confirmation (<see cref="McodeMapping.PendingLesions"/>).</summary>
    internal const string PendingLesionsExplanation =
        "The record cannot show that staging found no other metastatic lesion (mCODE has no structure saying a list of Tumor BodyStructures is complete): the lesions read are pending (McodeMapping.PendingLesions) until a clinician confirms the list in the Questionnaire.";

    private DiffuseInvolvement ReadDiffuse()
    {
        var result = new DiffuseInvolvement();
        foreach (var (kind, fact) in new[]
        {
            (SiteKind.DiffusePleural, FactNames.DiffusePleural),
            (SiteKind.DiffusePericardial, FactNames.DiffusePericardial),
            (SiteKind.DiffusePeritoneal, FactNames.DiffusePeritoneal),
            (SiteKind.DiffuseLeptomeningeal, FactNames.DiffuseLeptomeningeal),
        })
        {
            var at = secondaries.Where(s => s.Sites.Any(x => x.Kind == kind)).ToArray();
            var presents = at.Where(s => AssertionOf(s.Condition) == Assertion.Present && IsCurrent(s.Condition)).ToArray();
            var present = presents.FirstOrDefault();
            var refuted = at.FirstOrDefault(s => AssertionOf(s.Condition) == Assertion.Refuted);
            var uncertain = at.FirstOrDefault(s => AssertionOf(s.Condition) == Assertion.Uncertain);
            var contradiction = at.Where(s => AssertionOf(s.Condition) == Assertion.Refuted)
                .SelectMany(r => presents.Where(p => Contradicts(r, p)).Select(p => (Refuted: r, Present: p)))
                .FirstOrDefault();
            bool? value = null;
            if (contradiction.Refuted is not null)
            {
                Unknown(
                    fact,
                    UnknownReason.Conflicting,
                    $"Conflicting: {contradiction.Refuted.Source.Path}.verificationStatus (refuted) and {contradiction.Present.Source.Path} (an active SecondaryCancerCondition) at the same site; the record does not say which is right.");
            }
            else if (present is not null)
            {
                value = true;
                Mapped(fact, present.Source.Reference, present.SiteElement, "active SecondaryCancerCondition at a serosal or meningeal site: diffuse involvement");
                if (refuted is not null)
                {
                    notes.Add($"{refuted.Source.Reference} (refuted) is dated before {present.Source.Reference} (active): the later diagnosis is used.");
                }
            }
            else if (uncertain is not null)
            {
                Unknown(
                    fact,
                    UnknownReason.Ambiguous,
                    $"{uncertain.Source.Reference}: a SecondaryCancerCondition at this site that is neither confirmed nor refuted (Condition.verificationStatus unconfirmed, provisional or differential, or no verificationStatus and no clinicalStatus) decides nothing.");
            }
            else if (refuted is not null)
            {
                value = false;
                Mapped(fact, refuted.Source.Reference, "Condition.verificationStatus", "refuted SecondaryCancerCondition: excluded");
            }
            else
            {
                Unknown(fact, UnknownReason.NoResource, "No SecondaryCancerCondition at this site, active or refuted (absence of a resource is not 'no').");
            }

            result = kind switch
            {
                SiteKind.DiffusePleural => result with { Pleural = value },
                SiteKind.DiffusePericardial => result with { Pericardial = value },
                SiteKind.DiffusePeritoneal => result with { Peritoneal = value },
                _ => result with { Leptomeningeal = value },
            };
        }

        return result;
    }

    /// <summary>A Tumor BodyStructure; <see cref="Site"/> is <see langword="null"/> when its site cannot be read (a lesion the record shows, at an unknown site).</summary>
    private sealed record TumorEntry(SourceResource Source, BodyStructure Body, MetastaticSite? Site, SecondaryEntry? Secondary);

    /// <summary>TumorSize Observations whose <c>focus</c> is a tumour the record does not hold (set by <see cref="ReadTumors"/>).</summary>
    private readonly List<SourceResource> danglingSizes = new();

    private List<TumorEntry> ReadTumors(ConditionEntry? primary)
    {
        var focused = new HashSet<SourceResource>();
        foreach (var entry in entries)
        {
            if (entry.Resource is not Observation observation || !IsTumorSize(observation))
            {
                continue;
            }

            // Every TumorSize date is checked (future, implausible, malformed), not only those of the lesions listed.
            _ = ObservationDate(entry, observation);
            var usable = IsUsable(entry, observation);
            foreach (var focus in observation.Focus)
            {
                if (Resolve(focus) is { } target)
                {
                    focused.Add(target);
                }
                else if (usable && focus?.Reference is { } text && MayBeATumor(text) && !danglingSizes.Contains(entry))
                {
                    danglingSizes.Add(entry);
                }
            }
        }

        var tumors = new List<TumorEntry>();
        foreach (var entry in entries)
        {
            if (entry.Resource is not BodyStructure body)
            {
                continue;
            }

            var profile = Profile(body);
            var related = body.Extension.FirstOrDefault(e => e.Url == McodeCodes.RelatedConditionExtension)?.Value as ResourceReference;
            if (profile != "Tumor" && related is null && !focused.Contains(entry))
            {
                continue;
            }

            Recognise(entry, "Tumor", profile is not null);
            var relatedEntry = Resolve(related);
            if (primary is not null && relatedEntry == primary.Source)
            {
                notes.Add($"{entry.Reference} is the primary tumour (its RelatedCondition is the PrimaryCancerCondition): not a metastatic lesion.");
                continue;
            }

            var site = Codings(body.Location)
                .Where(c => c.System == McodeCodes.Snomed && c.Code is not null && McodeCodes.MetastaticSiteBySnomedBodySite.ContainsKey(c.Code))
                .Select(c => ((SiteKind Kind, MetastaticSite Site)?)McodeCodes.MetastaticSiteBySnomedBodySite[c.Code!])
                .FirstOrDefault();
            var secondary = secondaries.FirstOrDefault(s => s.Source == relatedEntry);
            if (secondary is null && relatedEntry is not null)
            {
                notes.Add($"{entry.Reference}: its RelatedCondition is not a cancer condition of this record; the tumour is not used.");
                continue;
            }

            if (site is null && secondary?.Sites.Count == 1)
            {
                // The RelatedCondition names one site: the tumour is there, whether BodyStructure.location is absent or unreadable.
                site = secondary.Sites[0];
                if (body.Location is not null)
                {
                    notes.Add($"{entry.Reference}: BodyStructure.location is not in the metastatic-site value set (docs/fhir.md); the site of its RelatedCondition is used.");
                }
            }

            if (site is null)
            {
                // The record shows a tumour whose site cannot be read: a lesion at an unknown site, never "no lesion" (BuildLesions).
                notes.Add($"{entry.Reference}: BodyStructure.location is absent or not in the metastatic-site value set (docs/fhir.md), and no RelatedCondition names a single site: the tumour's site is unknown.");
                tumors.Add(new TumorEntry(entry, body, null, secondary));
                continue;
            }

            tumors.Add(new TumorEntry(entry, body, site.Value.Site, secondary));
        }

        return tumors;
    }

    /// <summary>Whether an unresolved <c>focus</c> reference may name a Tumor BodyStructure (a BodyStructure, or a reference whose type cannot be told, such as a <c>urn:uuid</c>).</summary>
    private static bool MayBeATumor(string reference)
    {
        var parts = reference.Split('/');
        return parts.Length < 2 || parts[parts.Length - 2] == "BodyStructure" || !ModelInfoKnows(parts[parts.Length - 2]);
    }

    private static bool ModelInfoKnows(string type) => Hl7.Fhir.Model.ModelInfo.IsKnownResource(type);

    private bool IsTumorSize(Observation observation) =>
        (Profile(observation) == "TumorSize" && CodeFits(observation.Code, McodeCodes.TumorSizeLoinc)) || HasAny(observation.Code, McodeCodes.Loinc, McodeCodes.TumorSizeLoinc);

    /// <summary>Leaves the lesions unknown (<see cref="UnknownReason.Ambiguous"/>), naming the elements that showed a lesion the record does not describe; no lesion is listed.</summary>
    private Lesion[] LesionsUnknown(IEnumerable<string> elements, string why)
    {
        Unknown(FactNames.Lesions, UnknownReason.Ambiguous, string.Join(", ", elements) + ": " + why);
        return Array.Empty<Lesion>();
    }

    private Lesion[] BuildLesions(SecondaryEntry[] current, SecondaryEntry[] uncertain, List<TumorEntry> tumors)
    {
        // A refuted and an active SecondaryCancerCondition at the same lesion site: the record disagrees with itself.
        var refutedAtSites = secondaries.Where(s => AssertionOf(s.Condition) == Assertion.Refuted).ToArray();
        foreach (var present in current)
        {
            var clash = refutedAtSites.FirstOrDefault(r => Contradicts(r, present) &&
                r.Sites.Any(x => x.Kind == SiteKind.Lesion && present.Sites.Any(p => p.Kind == SiteKind.Lesion && p.Site == x.Site)));
            if (clash is not null)
            {
                Unknown(
                    FactNames.Lesions,
                    UnknownReason.Conflicting,
                    $"Conflicting: {clash.Source.Path}.verificationStatus (refuted) and {present.Source.Path} (an active SecondaryCancerCondition) at the same site; the record does not say which is right, so no lesion is listed.");
                return Array.Empty<Lesion>();
            }
        }

        // A SecondaryCancerCondition that is neither confirmed nor refuted at a lesion site (or a tumour linked to one): the
        // site may hold metastases, so listing the others would understate the disease.
        var unsettled = uncertain.FirstOrDefault(u => u.Sites.Any(x => x.Kind == SiteKind.Lesion)) ??
            tumors.Select(t => t.Secondary).FirstOrDefault(s => s is not null && uncertain.Contains(s));
        if (unsettled is not null)
        {
            Unknown(
                FactNames.Lesions,
                UnknownReason.Ambiguous,
                $"{unsettled.Source.Reference}: a SecondaryCancerCondition at a lesion site that is neither confirmed nor refuted (Condition.verificationStatus unconfirmed, provisional or differential, or no verificationStatus and no clinicalStatus): whether that site holds metastases is not settled, so no lesion is listed.");
            return Array.Empty<Lesion>();
        }

        // A lesion the record shows at a site that cannot be read (a Tumor without a readable location, linked to a current
        // SecondaryCancerCondition or to none): listing the others would understate the disease, or read as "no lesion there".
        var siteless = tumors.Where(t => t.Site is null && (t.Secondary is null || current.Contains(t.Secondary))).ToArray();
        if (siteless.Length > 0)
        {
            return LesionsUnknown(
                siteless.Select(t => t.Source.Reference),
                "a Tumor BodyStructure whose site cannot be read (BodyStructure.location absent or not in the metastatic-site value set, and no RelatedCondition naming a single site): the record shows a lesion at an unknown site, so no lesion is listed.");
        }

        // A TumorSize Observation focused on a tumour the record does not hold: the record shows a tumour it does not describe.
        if (danglingSizes.Count > 0)
        {
            return LesionsUnknown(
                danglingSizes.Select(d => d.Path + ".focus"),
                "a TumorSize Observation focused on a Tumor BodyStructure that is not in the record: it shows a tumour whose site (and whether it is a current lesion) is unknown, so no lesion is listed.");
        }

        var currentTumors = tumors
            .Where(t => t.Site is not null && (t.Secondary is null ? current.Any(s => s.Sites.Any(x => x.Kind == SiteKind.Lesion && x.Site == t.Site)) : current.Contains(t.Secondary)))
            .ToArray();
        // A tumour linked to no cancer condition of this record (no RelatedCondition, or one that does not resolve), at a
        // site without an active SecondaryCancerCondition, may still be a current lesion: the record does not say. Listing
        // the other lesions without it could read as "no lesion there" (for example "no liver metastasis"), so the lesions
        // are unknown. A tumour linked to a treated or refuted condition is not current, and is left out.
        var unlinked = tumors.Except(currentTumors).Where(t => t.Secondary is null && t.Site is not null).ToArray();
        if (unlinked.Length > 0)
        {
            return LesionsUnknown(
                unlinked.Select(t => t.Source.Reference),
                "a Tumor BodyStructure linked to no cancer condition of this record (no RelatedCondition, or one that does not resolve), at a site with no active SecondaryCancerCondition: whether it is a current lesion is not recorded, so no lesion is listed.");
        }

        foreach (var t in tumors.Except(currentTumors))
        {
            notes.Add($"{t.Source.Reference}: linked to a SecondaryCancerCondition that is not active (treated or refuted): not a current lesion.");
        }

        var lesionSites = current.SelectMany(s => s.Sites).Where(x => x.Kind == SiteKind.Lesion).Select(x => x.Site).Distinct().ToArray();
        var uncovered = lesionSites.Where(site => !currentTumors.Any(t => t.Site == site)).ToArray();
        if (lesionSites.Length == 0 && currentTumors.Length == 0)
        {
            Unknown(FactNames.Lesions, UnknownReason.NoResource, "No active SecondaryCancerCondition at a lesion site and no Tumor BodyStructure.");
            return Array.Empty<Lesion>();
        }

        if (uncovered.Length > 0)
        {
            // A site known to hold metastases whose lesions are not listed: listing only the others would understate the disease.
            Unknown(
                FactNames.Lesions,
                UnknownReason.Ambiguous,
                "Active SecondaryCancerConditions at " + string.Join(", ", uncovered.Select(s => s.ToString().ToLowerInvariant())) +
                " have no Tumor BodyStructure: how many lesions there are, and their sizes, is not recorded, so no lesion is listed.");
            return Array.Empty<Lesion>();
        }

        var lesions = new List<Lesion>();
        foreach (var tumor in currentTumors)
        {
            var index = lesions.Count;
            var path = $"metastases.lesions[{index}]";
            var lesion = new Lesion { Site = tumor.Site!.Value };
            Mapped(path + ".site", tumor.Source.Reference, tumor.Body.Location is null ? "BodyStructure.extension:relatedCondition" : "BodyStructure.location");

            var (size, sizeSource, sizeProblem, sizeReason) = LatestSize(tumor.Source);
            if (size is { } mm)
            {
                lesion = lesion with { SizeMm = mm };
                Mapped(path + ".sizeMm", sizeSource!.Value.Reference, sizeSource.Value.Element, "TumorSize, in mm");
            }
            else
            {
                Unknown(path + ".sizeMm", sizeProblem is null ? UnknownReason.NoResource : sizeReason, sizeProblem ?? $"No TumorSize Observation focused on {tumor.Source.Reference}.");
            }

            if (tumor.Site == MetastaticSite.Liver)
            {
                var texts = LocationTexts(tumor.Body).ToArray();
                var segments = CouinaudText.ReadSegments(texts);
                if (segments.Count > 0)
                {
                    lesion = lesion with { Segments = segments };
                    Mapped(path + ".segments", tumor.Source.Reference, "BodyStructure.location.text / description", "Couinaud segments stated in text");
                }
                else
                {
                    Unknown(path + ".segments", UnknownReason.NoResource, $"{tumor.Source.Reference} states no Couinaud segment (BodyStructure.location, locationQualifier, description).");
                }

                if (CouinaudText.ReadLobe(texts) is { } lobe)
                {
                    lesion = lesion with { Lobe = lobe };
                    Mapped(path + ".lobe", tumor.Source.Reference, "BodyStructure.location.text / description", "liver lobe stated in text");
                }
            }

            lesions.Add(lesion);
        }

        return lesions.ToArray();
    }

    private static IEnumerable<string> LocationTexts(BodyStructure body)
    {
        foreach (var text in Texts(body.Location))
        {
            yield return text;
        }

        foreach (var qualifier in body.LocationQualifier)
        {
            foreach (var text in Texts(qualifier))
            {
                yield return text;
            }
        }

        foreach (var extension in body.Extension.Where(e => e.Url == McodeCodes.BodyLocationQualifierExtension))
        {
            foreach (var text in Texts(extension.Value as CodeableConcept))
            {
                yield return text;
            }
        }

        if (!string.IsNullOrWhiteSpace(body.Description))
        {
            yield return body.Description;
        }
    }

    private Dictionary<SourceResource, List<SourceResource>>? sizesByTumor;

    /// <summary>The TumorSize Observations of each tumour, indexed once (a scan per tumour made the mapping quadratic in the number of lesions).</summary>
    private List<SourceResource> SizeObservations(SourceResource tumor)
    {
        if (sizesByTumor is null)
        {
            sizesByTumor = new Dictionary<SourceResource, List<SourceResource>>();
            foreach (var entry in entries)
            {
                if (entry.Resource is not Observation observation || !IsTumorSize(observation))
                {
                    continue;
                }

                foreach (var focus in observation.Focus.Select(Resolve).Where(f => f is not null).Distinct())
                {
                    if (!sizesByTumor.TryGetValue(focus!, out var list))
                    {
                        sizesByTumor[focus!] = list = new List<SourceResource>();
                    }

                    list.Add(entry);
                }
            }
        }

        return sizesByTumor.TryGetValue(tumor, out var found) ? found : new List<SourceResource>();
    }

    private (decimal? Size, (string Reference, string Element)? Source, string? Problem, UnknownReason Reason) LatestSize(SourceResource tumor)
    {
        var sizes = SizeObservations(tumor)
            .Where(e => IsUsable(e, (Observation)e.Resource))
            .Select(e => (Entry: e, Observation: (Observation)e.Resource, Date: ObservationDate(e, (Observation)e.Resource)))
            .OrderByDescending(s => s.Date ?? LocalDate.MinIsoValue)
            .ToArray();
        if (sizes.Length == 0)
        {
            return (null, null, null, UnknownReason.NoResource);
        }

        var read = sizes
            .Where(s => s.Date == sizes[0].Date)
            .Select(s => (s.Entry, s.Observation, Size: ReadSize(s.Entry, s.Observation, out var element, out var problem, out var reason), Element: element, Problem: problem, Reason: reason))
            .ToArray();
        var latest = read[0];
        Recognise(latest.Entry, "TumorSize", Profile(latest.Observation) is not null);
        var other = read.Skip(1).FirstOrDefault(r => r.Size != latest.Size);
        if (other.Entry is not null)
        {
            return (null, null, $"Conflicting: {latest.Entry.Path}.{latest.Element} and {other.Entry.Path}.{other.Element}: two TumorSize Observations of the same tumour and date disagree; the size is left unknown.", UnknownReason.Conflicting);
        }

        if (latest.Size is not { } value)
        {
            return (null, null, latest.Problem, latest.Reason);
        }

        return (value, (latest.Entry.Reference, "Observation." + latest.Element), null, UnknownReason.NoResource);
    }

    /// <summary>
    /// The smallest lesion size read from a record, in mm: below the resolution of the cross-sectional imaging that
    /// measures metastases, so a smaller value is a unit or entry mistake (1e-9 cm, 0.01 mm), an input error, never a size.
    /// </summary>
    internal const decimal MinimumPlausibleLesionSizeMm = 1m;

    /// <summary>
    /// Reads one TumorSize Observation: the longest-dimension component (LOINC 33728-7) and <c>valueQuantity</c>. When
    /// both are read and disagree, the size is unknown (<see cref="UnknownReason.Conflicting"/>, naming both elements);
    /// otherwise the component, else <c>valueQuantity</c>. A value with a comparator, or none, is unknown (with the
    /// reason); a quantity without a UCUM code, a unit text that names another unit than the code, a unit it cannot
    /// convert, or a size below <see cref="MinimumPlausibleLesionSizeMm"/> or above
    /// <see cref="PatientValidator.MaximumLesionSizeMm"/> mm after conversion, is an input error naming the element.
    /// </summary>
    private decimal? ReadSize(SourceResource entry, Observation observation, out string element, out string? problem, out UnknownReason reason)
    {
        var componentIndex = observation.Component.FindIndex(c => Has(c.Code, McodeCodes.Loinc, McodeCodes.LongestDimensionLoinc));
        var componentQuantity = componentIndex >= 0 ? observation.Component[componentIndex].Value as Quantity : null;
        var componentElement = "component[" + componentIndex.ToString(CultureInfo.InvariantCulture) + "].valueQuantity";
        var valueQuantity = observation.Value as Quantity;

        if (componentQuantity is null && valueQuantity is null)
        {
            element = componentIndex >= 0 ? componentElement : "valueQuantity";
            problem = $"{entry.Reference}: Observation.{element} is absent (or not a Quantity).";
            reason = observation.Value is null && componentIndex < 0 ? UnknownReason.NoResource : UnknownReason.Ambiguous;
            return null;
        }

        decimal? fromComponent = null, fromValue = null;
        string? componentProblem = null, valueProblem = null;
        var componentNoValue = false;
        if (componentQuantity is not null)
        {
            fromComponent = Length(entry, componentElement, componentQuantity, out componentProblem, out componentNoValue);
        }

        if (valueQuantity is not null)
        {
            fromValue = Length(entry, "valueQuantity", valueQuantity, out valueProblem, out _);
        }

        reason = UnknownReason.Ambiguous;
        if (fromComponent is { } c && fromValue is { } v && c != v)
        {
            element = componentElement;
            problem = $"Conflicting: {entry.Path}.{componentElement} and {entry.Path}.valueQuantity: the longest dimension and the size of one TumorSize Observation disagree; the size is left unknown.";
            reason = UnknownReason.Conflicting;
            return null;
        }

        if (componentQuantity is not null && !(componentNoValue && fromValue is not null))
        {
            // The longest dimension first; a component without a value says nothing, so valueQuantity is read then.
            element = componentElement;
            problem = componentProblem;
            return fromComponent;
        }

        element = "valueQuantity";
        problem = valueProblem;
        return fromValue;
    }

    /// <summary>
    /// Converts one Quantity to mm: UCUM <c>mm</c>, <c>cm</c> (× 10), <c>m</c> (× 1000), <c>[in_i]</c> (× 25.4), read
    /// from <c>Quantity.code</c> only (exactly, no rounding). Input errors (named, never with the value) for a missing
    /// code, a non-UCUM system, a unit it cannot convert, a unit text naming another length unit than the code, an
    /// invalid comparator, and a size outside the plausible range after conversion.
    /// </summary>
    private decimal? Length(SourceResource entry, string element, Quantity quantity, out string? problem, out bool noValue)
    {
        problem = null;
        noValue = false;
        if (quantity.Value is not { } value)
        {
            noValue = true;
            problem = $"{entry.Reference}: Observation.{element} has no value.";
            return null;
        }

        // Read the comparator's code as text: Firely's typed Comparator throws for a code outside the value set.
        if (quantity.ComparatorElement is { } comparator)
        {
            if (comparator.JsonValue is "<" or "<=" or ">=" or ">")
            {
                problem = $"{entry.Reference}: Observation.{element}.comparator: the size is a bound (less than, greater than), not a measurement, so it is not read as the size.";
                return null;
            }

            Error(entry, element + ".comparator", "is not a code of the FHIR quantity-comparator value set (<, <=, >=, >): the size cannot be read (the code is not repeated here).");
            problem = $"{entry.Reference}: Observation.{element}.comparator is not a valid code.";
            return null;
        }

        if (string.IsNullOrEmpty(quantity.Code))
        {
            // Named at .unit, as the existing rule names a size without a code: the unit is given as text, or not at all.
            Error(entry, element + ".unit", "is not read without a UCUM code in " + element + ".code (mm, cm, m or [in_i]; system http://unitsofmeasure.org): a size is never read from the unit text alone, so it cannot be read (the unit is not repeated here).");
            problem = $"{entry.Reference}: Observation.{element} has no UCUM unit code.";
            return null;
        }

        var factor = quantity.Code switch
        {
            "mm" => 1m,
            "cm" => 10m,
            "m" => 1000m,
            "[in_i]" => 25.4m,
            _ => (decimal?)null,
        };
        if ((quantity.System is not null && quantity.System != McodeCodes.Ucum) || factor is null)
        {
            Error(entry, element + ".code", "is not a length unit the mapper converts (UCUM mm, cm, m or [in_i]): the size cannot be read (the unit is not repeated here).");
            problem = $"{entry.Reference}: Observation.{element} is in a unit that cannot be converted.";
            return null;
        }

        if (UnitOfText(quantity.Unit) is { } named && named != quantity.Code)
        {
            Error(entry, element + ".unit", "names another length unit than " + element + ".code: which of the two is right cannot be told, so the size cannot be read (neither unit is repeated here).");
            problem = $"{entry.Reference}: Observation.{element}.unit and .code disagree.";
            return null;
        }

        var mm = value * factor.Value;
        if (mm < MinimumPlausibleLesionSizeMm || mm > PatientValidator.MaximumLesionSizeMm)
        {
            Error(entry, element + ".value", FormattableString.Invariant($"is not a plausible lesion size (at least {MinimumPlausibleLesionSizeMm:0} mm and at most {PatientValidator.MaximumLesionSizeMm:0} mm after conversion to mm): the value is not repeated here."));
            problem = $"{entry.Reference}: Observation.{element} is out of range.";
            return null;
        }

        return mm;
    }

    /// <summary>The UCUM code a unit text names (<c>cm</c>, <c>centimetres</c> → <c>cm</c>), or <see langword="null"/> when it names no length unit (free display text is not compared).</summary>
    private static string? UnitOfText(string? unit) => unit?.Trim().ToLowerInvariant() switch
    {
        "mm" or "millimeter" or "millimeters" or "millimetre" or "millimetres" => "mm",
        "cm" or "centimeter" or "centimeters" or "centimetre" or "centimetres" => "cm",
        "m" or "meter" or "meters" or "metre" or "metres" => "m",
        "[in_i]" or "in" or "inch" or "inches" => "[in_i]",
        _ => null,
    };

    private (SourceResource Source, string Code, LocalDate? Date)? ReadDiseaseStatus() =>
        DiseaseStatuses().OrderByDescending(s => s.Date ?? LocalDate.MinIsoValue).Cast<(SourceResource, string, LocalDate?)?>().FirstOrDefault();

    private IEnumerable<(SourceResource Source, string Code, LocalDate? Date)> DiseaseStatuses()
    {
        foreach (var entry in entries)
        {
            if (entry.Resource is not Observation observation)
            {
                continue;
            }

            var profile = Profile(observation);
            if (!((profile == "CancerDiseaseStatus" && CodeFits(observation.Code, McodeCodes.DiseaseStatusLoinc)) || HasAny(observation.Code, McodeCodes.Loinc, McodeCodes.DiseaseStatusLoinc)) || !IsUsable(entry, observation))
            {
                continue;
            }

            Recognise(entry, "CancerDiseaseStatus", profile is not null);
            var code = Codings(observation.Value as CodeableConcept).FirstOrDefault(c => c.System == McodeCodes.Snomed)?.Code;
            if (code is not null)
            {
                yield return (entry, code, ObservationDate(entry, observation));
            }
        }
    }
}
