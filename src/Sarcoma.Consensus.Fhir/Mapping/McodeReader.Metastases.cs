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

        var current = secondaries.Where(s => !IsRefuted(s.Condition) && IsCurrent(s.Condition)).ToArray();
        var past = secondaries.Where(s => !IsRefuted(s.Condition) && !IsCurrent(s.Condition)).ToArray();
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
        if (dated.Length > 0)
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

        var lesions = noEvidence == true ? Array.Empty<Lesion>() : BuildLesions(current, tumors);
        return new MetastaticDisease
        {
            DetectedOn = detectedOn,
            NoEvidenceOfDisease = noEvidence,
            Lesions = lesions,
            Diffuse = diffuse,
        };
    }

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
            var present = at.FirstOrDefault(s => !IsRefuted(s.Condition) && IsCurrent(s.Condition));
            var refuted = at.FirstOrDefault(s => IsRefuted(s.Condition));
            bool? value = null;
            if (present is not null)
            {
                value = true;
                Mapped(fact, present.Source.Reference, present.SiteElement, "active SecondaryCancerCondition at a serosal or meningeal site: diffuse involvement");
                if (refuted is not null)
                {
                    notes.Add($"{refuted.Source.Reference} refutes what {present.Source.Reference} asserts; the active condition is used.");
                }
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

    private sealed record TumorEntry(SourceResource Source, BodyStructure Body, MetastaticSite Site, SecondaryEntry? Secondary);

    private List<TumorEntry> ReadTumors(ConditionEntry? primary)
    {
        var focused = new HashSet<SourceResource>(entries
            .Where(e => e.Resource is Observation o && IsTumorSize(o))
            .SelectMany(e => ((Observation)e.Resource).Focus.Select(Resolve))
            .Where(r => r is not null)!);
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
            if (site is null && body.Location is null && secondary?.Sites.Count == 1)
            {
                site = secondary.Sites[0];
            }

            if (site is null)
            {
                notes.Add($"{entry.Reference}: BodyStructure.location is not in the metastatic-site value set (docs/fhir.md); the tumour is not used.");
                continue;
            }

            if (secondary is null && relatedEntry is not null)
            {
                notes.Add($"{entry.Reference}: its RelatedCondition is not a cancer condition of this record; the tumour is not used.");
                continue;
            }

            tumors.Add(new TumorEntry(entry, body, site.Value.Site, secondary));
        }

        return tumors;
    }

    private static bool IsTumorSize(Observation observation) =>
        Profile(observation) == "TumorSize" || HasAny(observation.Code, McodeCodes.Loinc, McodeCodes.TumorSizeLoinc);

    private Lesion[] BuildLesions(SecondaryEntry[] current, List<TumorEntry> tumors)
    {
        var currentTumors = tumors
            .Where(t => t.Secondary is null ? current.Any(s => s.Sites.Any(x => x.Kind == SiteKind.Lesion && x.Site == t.Site)) : current.Contains(t.Secondary))
            .ToArray();
        // A tumour linked to no cancer condition of this record (no RelatedCondition, or one that does not resolve), at a
        // site without an active SecondaryCancerCondition, may still be a current lesion: the record does not say. Listing
        // the other lesions without it could read as "no lesion there" (for example "no liver metastasis"), so the lesions
        // are unknown. A tumour linked to a treated or refuted condition is not current, and is left out.
        var unlinked = tumors.Except(currentTumors).Where(t => t.Secondary is null).ToArray();
        if (unlinked.Length > 0)
        {
            Unknown(
                FactNames.Lesions,
                UnknownReason.Ambiguous,
                string.Join(", ", unlinked.Select(t => t.Source.Reference)) +
                ": a Tumor BodyStructure linked to no cancer condition of this record (no RelatedCondition, or one that does not resolve), at a site with no active SecondaryCancerCondition: whether it is a current lesion is not recorded, so no lesion is listed.");
            return Array.Empty<Lesion>();
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
            var lesion = new Lesion { Site = tumor.Site };
            Mapped(path + ".site", tumor.Source.Reference, tumor.Body.Location is null ? "BodyStructure.extension:relatedCondition" : "BodyStructure.location");

            var (size, sizeSource, sizeProblem) = LatestSize(tumor.Source);
            if (size is { } mm)
            {
                lesion = lesion with { SizeMm = mm };
                Mapped(path + ".sizeMm", sizeSource!.Value.Reference, sizeSource.Value.Element, "TumorSize, in mm");
            }
            else
            {
                Unknown(path + ".sizeMm", sizeProblem is null ? UnknownReason.NoResource : UnknownReason.Ambiguous, sizeProblem ?? $"No TumorSize Observation focused on {tumor.Source.Reference}.");
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

    private (decimal? Size, (string Reference, string Element)? Source, string? Problem) LatestSize(SourceResource tumor)
    {
        var sizes = entries
            .Where(e => e.Resource is Observation o && IsTumorSize(o) && o.Focus.Any(f => Resolve(f) == tumor) && IsUsable(e, o))
            .Select(e => (Entry: e, Observation: (Observation)e.Resource, Date: Date(e, ((Observation)e.Resource).Effective, "effective")))
            .OrderByDescending(s => s.Date ?? LocalDate.MinIsoValue)
            .ToArray();
        if (sizes.Length == 0)
        {
            return (null, null, null);
        }

        var latest = sizes[0];
        Recognise(latest.Entry, "TumorSize", Profile(latest.Observation) is not null);
        var component = latest.Observation.Component.FirstOrDefault(c => Has(c.Code, McodeCodes.Loinc, McodeCodes.LongestDimensionLoinc));
        var (quantity, element) = component?.Value is Quantity q
            ? (q, "Observation.component:longestDimension.valueQuantity")
            : (latest.Observation.Value as Quantity, "Observation.valueQuantity");
        var mm = Millimetres(quantity, out var problem);
        if (mm is not { } value || value <= 0 || value > PatientValidator.MaximumLesionSizeMm)
        {
            return (null, null, $"{latest.Entry.Reference}: {element} {problem ?? (quantity is null ? "is absent" : "is out of range")}.");
        }

        return (value, (latest.Entry.Reference, element), null);
    }

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
            if ((profile != "CancerDiseaseStatus" && !HasAny(observation.Code, McodeCodes.Loinc, McodeCodes.DiseaseStatusLoinc)) || !IsUsable(entry, observation))
            {
                continue;
            }

            Recognise(entry, "CancerDiseaseStatus", profile is not null);
            var code = Codings(observation.Value as CodeableConcept).FirstOrDefault(c => c.System == McodeCodes.Snomed)?.Code;
            if (code is not null)
            {
                yield return (entry, code, Date(entry, observation.Effective, "effective"));
            }
        }
    }
}
