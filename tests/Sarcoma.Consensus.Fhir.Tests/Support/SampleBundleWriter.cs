using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hl7.Fhir.Model;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Model;
using FhirPatient = Hl7.Fhir.Model.Patient;
using Patient = Sarcoma.Consensus.Model.Patient;

namespace Sarcoma.Consensus.Fhir.Tests.Support;

/// <summary>
/// Writes a sample patient as the mCODE bundle an EHR would hold: only what FHIR R4 / mCODE can express (no
/// resectability, staging examinations, fitness or plans). Used to produce <c>samples/fhir/*.json</c>, which a test
/// keeps in step with the sample patients. Independent of the mapper, which reads the bundle back.
/// </summary>
internal static class SampleBundleWriter
{
    private const string Mcode = McodeCodes.McodeBase;
    private const string Subject = "Patient/patient";

    private static readonly Dictionary<PrimarySite, (string Code, string Display)> PrimarySites = new()
    {
        [PrimarySite.Retroperitoneal] = ("82849001", "Retroperitoneal structure (body structure)"),
        [PrimarySite.IntraAbdominalVisceral] = ("35039007", "Uterine structure (body structure)"),
        [PrimarySite.Extremity] = ("61685007", "Lower limb structure (body structure)"),
        [PrimarySite.Trunk] = ("22943007", "Trunk structure (body structure)"),
        [PrimarySite.Other] = ("774007", "Head and neck structure (body structure)"),
    };

    private static readonly Dictionary<MetastaticSite, (string Code, string Display)> LesionSites = new()
    {
        [MetastaticSite.Liver] = ("10200004", "Liver structure (body structure)"),
        [MetastaticSite.Lung] = ("39607008", "Lung structure (body structure)"),
        [MetastaticSite.Bone] = ("272673000", "Bone structure (body structure)"),
        [MetastaticSite.Brain] = ("12738006", "Brain structure (body structure)"),
        [MetastaticSite.LymphNode] = ("59441001", "Structure of lymph node (body structure)"),
        [MetastaticSite.Adrenal] = ("23451007", "Adrenal gland structure (body structure)"),
        [MetastaticSite.SoftTissue] = ("87784001", "Soft tissues (body structure)"),
    };

    private static readonly (string Id, string Code, string Display, Func<DiffuseInvolvement, bool?> Value)[] DiffuseSites =
    {
        ("pleural", "3120008", "Pleural membrane structure (body structure)", d => d.Pleural),
        ("pericardial", "25489000", "Pericardial structure (body structure)", d => d.Pericardial),
        ("peritoneal", "15425007", "Peritoneum (serous membrane) structure (body structure)", d => d.Peritoneal),
        ("leptomeningeal", "1231004", "Meninges structure (body structure)", d => d.Leptomeningeal),
    };

    public static Bundle Write(string name, Patient patient)
    {
        var resources = new List<Resource> { new FhirPatient { Id = "patient", Active = true } };
        var primary = patient.Primary!;
        resources.Add(PrimaryCondition(primary));
        if (primary.Grade is { } grade)
        {
            resources.Add(new Observation
            {
                Id = "histologic-grade",
                Status = ObservationStatus.Final,
                Code = Concept(McodeCodes.Loinc, "21858-6", "Grade Cancer"),
                Subject = new ResourceReference(Subject),
                Focus = { new ResourceReference("Condition/primary") },
                Effective = Date(primary.DiagnosedOn),
                Value = Concept(McodeCodes.Snomed, grade switch { HistologicGrade.G1 => "54102005", HistologicGrade.G2 => "1663004", _ => "61026006" }, $"G{(int)grade} grade (finding)"),
            });
        }

        if (primary.Resected == true)
        {
            resources.Add(Surgery("primary-resection", Concept(McodeCodes.Snomed, "65801008", "Excision (procedure)", "Resection of the primary tumour"), primary.ResectedOn, PrimarySites[primary.Site!.Value], "Condition/primary"));
        }

        var metastases = patient.Metastases!;
        var ned = metastases.NoEvidenceOfDisease == true;
        var sites = metastases.Lesions.Select(l => l.Site).Distinct().ToList();
        if (ned)
        {
            sites.Add(MetastaticSite.Liver);
        }

        foreach (var site in sites)
        {
            resources.Add(Secondary(site, metastases.DetectedOn, ned ? "resolved" : "active"));
        }

        foreach (var (id, code, display, value) in DiffuseSites)
        {
            if (value(metastases.Diffuse) is { } present)
            {
                resources.Add(DiffuseCondition(id, code, display, present, metastases.DetectedOn));
            }
        }

        for (var i = 0; i < metastases.Lesions.Count; i++)
        {
            resources.AddRange(Tumor(i, metastases.Lesions[i], metastases.DetectedOn ?? primary.DiagnosedOn));
        }

        if (patient.Clinical.Ecog is { } ecog)
        {
            resources.Add(new Observation
            {
                Id = "ecog",
                Meta = Profile("mcode-ecog-performance-status"),
                Status = ObservationStatus.Final,
                Category = { Concept("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey") },
                Code = Concept(McodeCodes.Loinc, McodeCodes.EcogLoinc, "ECOG Performance Status score"),
                Subject = new ResourceReference(Subject),
                Effective = Date(metastases.DetectedOn ?? primary.DiagnosedOn),
                // One coded answer (LOINC answer list) to exercise both forms the profile allows.
                Value = ecog == 1 ? Concept(McodeCodes.Loinc, "LA9623-5", "Symptomatic but completely ambulatory") : new Integer(ecog),
            });
        }

        var resections = patient.Treatment.LiverResections;
        for (var i = 0; i < resections.Count; i++)
        {
            resources.Add(Surgery($"liver-resection-{i + 1}", Concept(McodeCodes.Cpt, "47120", "Hepatectomy, resection of liver; partial lobectomy"), resections[i].PerformedOn, LesionSites[MetastaticSite.Liver], null));
        }

        var treatment = patient.Treatment;
        if (treatment.SystemicTherapyReceived == true)
        {
            var start = metastases.DetectedOn!.Value.PlusDays(7);
            resources.Add(new MedicationRequest
            {
                Id = "systemic-therapy",
                Meta = Profile("mcode-cancer-related-medication-request"),
                Status = treatment.OnSystemicTherapy == true ? MedicationRequest.MedicationrequestStatus.Active : MedicationRequest.MedicationrequestStatus.Completed,
                Intent = MedicationRequest.MedicationRequestIntent.Order,
                Medication = Concept("http://www.nlm.nih.gov/research/umls/rxnorm", "3639", "DOXOrubicin"),
                Subject = new ResourceReference(Subject),
                AuthoredOn = LocalDatePattern.Iso.Format(start),
                ReasonReference = { new ResourceReference("Condition/metastasis-" + Id(sites[0])) },
            });
            if (treatment.SystemicTherapyResponse is { } response)
            {
                resources.Add(DiseaseStatus(start.PlusDays(60), McodeCodes.DiseaseStatusResponse.Single(p => p.Value == response).Key, response.ToString()));
            }
        }

        if (ned)
        {
            resources.Add(DiseaseStatus((treatment.LastTreatmentEndedOn ?? metastases.DetectedOn!.Value).PlusDays(7), McodeCodes.NotDetected, "Not detected (qualifier value)"));
        }

        // A treatment the model dates but no resource above holds (adjuvant radiotherapy after the primary resection).
        var treatmentDates = new[] { primary.ResectedOn }.Concat(resections.Select(r => r.PerformedOn)).Where(d => d is not null).Select(d => d!.Value).ToArray();
        if (treatment.LastTreatmentEndedOn is { } ended && treatment.OnSystemicTherapy != true && (treatmentDates.Length == 0 || ended > treatmentDates.Max()))
        {
            resources.Add(new Procedure
            {
                Id = "radiotherapy",
                Meta = Profile("mcode-radiotherapy-course-summary"),
                Status = EventStatus.Completed,
                Code = Concept(McodeCodes.Snomed, McodeCodes.RadiotherapyCourse, "Radiotherapy course of treatment (regime/therapy)"),
                Subject = new ResourceReference(Subject),
                Performed = new Hl7.Fhir.Model.Period { Start = LocalDatePattern.Iso.Format(ended.PlusDays(-35)), End = LocalDatePattern.Iso.Format(ended) },
                ReasonReference = { new ResourceReference("Condition/primary") },
            });
        }

        var bundle = new Bundle { Id = name, Type = Bundle.BundleType.Collection };
        foreach (var resource in resources)
        {
            // RESTful fullUrls on a documentation base, so the relative references (Condition/primary) resolve in the bundle.
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "https://example.org/fhir/" + resource.TypeName + "/" + resource.Id, Resource = resource });
        }

        return bundle;
    }

    private static Observation DiseaseStatus(LocalDate effective, string code, string display) => new()
    {
        Id = "disease-status",
        Meta = Profile("mcode-cancer-disease-status"),
        Status = ObservationStatus.Final,
        Code = Concept(McodeCodes.Loinc, "97509-4", "Cancer disease progression"),
        Subject = new ResourceReference(Subject),
        Focus = { new ResourceReference("Condition/primary") },
        Effective = Date(effective),
        Value = Concept(McodeCodes.Snomed, code, display),
    };

    private static Condition PrimaryCondition(PrimaryTumor primary)
    {
        var histology = primary.Histology!;
        var morphology = new CodeableConcept { Text = histology.Name };
        var icd = histology.IsNamed ? histology.IcdO3Codes[0] : histology.Key;
        if (histology.Code == Histology.Gist.Code)
        {
            icd = histology.Key == histology.Code ? "8936/3" : histology.Key;
        }

        morphology.Coding.Add(new Coding(HistologyMap.IcdO3System, icd));
        if (histology.SnomedCtCodes.Count > 0)
        {
            morphology.Coding.Add(new Coding(HistologyMap.SnomedCtSystem, histology.SnomedCtCodes[0], histology.Name + " (morphologic abnormality)"));
        }

        var condition = new Condition
        {
            Id = "primary",
            Meta = Profile("mcode-primary-cancer-condition"),
            Extension = { new Extension(McodeCodes.HistologyMorphologyBehaviorExtension, morphology) },
            ClinicalStatus = Concept(McodeCodes.ConditionClinicalStatus, "active", "Active"),
            VerificationStatus = Concept(McodeCodes.ConditionVerificationStatus, "confirmed", "Confirmed"),
            Category = { Concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item") },
            Code = Concept(McodeCodes.Snomed, "363346000", "Malignant neoplastic disease (disorder)", histology.IsInScope ? "Soft-tissue sarcoma" : histology.Name),
            Subject = new ResourceReference(Subject),
            Onset = Date(primary.DiagnosedOn),
        };
        if (primary.Site is { } site)
        {
            condition.BodySite.Add(Concept(McodeCodes.Snomed, PrimarySites[site].Code, PrimarySites[site].Display));
        }

        return condition;
    }

    private static Condition Secondary(MetastaticSite site, LocalDate? detected, string clinicalStatus)
    {
        var condition = new Condition
        {
            Id = "metastasis-" + Id(site),
            Meta = Profile("mcode-secondary-cancer-condition"),
            Extension = { new Extension(McodeCodes.RelatedPrimaryCancerConditionExtension, new ResourceReference("Condition/primary")) },
            ClinicalStatus = Concept(McodeCodes.ConditionClinicalStatus, clinicalStatus, clinicalStatus == "active" ? "Active" : "Resolved"),
            VerificationStatus = Concept(McodeCodes.ConditionVerificationStatus, "confirmed", "Confirmed"),
            Category = { Concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item") },
            Subject = new ResourceReference(Subject),
            Onset = Date(detected),
        };

        // Both ways mCODE allows: a site-specific code for the liver, the generic code with bodySite elsewhere.
        if (site == MetastaticSite.Liver)
        {
            condition.Code = Concept(McodeCodes.Snomed, "94381002", "Secondary malignant neoplasm of liver (disorder)");
        }
        else
        {
            condition.Code = Concept(McodeCodes.Snomed, McodeCodes.MetastaticNeoplasm, "Metastatic malignant neoplasm (disorder)");
            condition.BodySite.Add(Concept(McodeCodes.Snomed, LesionSites[site].Code, LesionSites[site].Display));
        }

        return condition;
    }

    private static Condition DiffuseCondition(string id, string code, string display, bool present, LocalDate? detected)
    {
        var condition = new Condition
        {
            Id = (present ? "metastasis-" : "no-metastasis-") + id,
            Meta = Profile("mcode-secondary-cancer-condition"),
            Extension = { new Extension(McodeCodes.RelatedPrimaryCancerConditionExtension, new ResourceReference("Condition/primary")) },
            VerificationStatus = Concept(McodeCodes.ConditionVerificationStatus, present ? "confirmed" : "refuted", present ? "Confirmed" : "Refuted"),
            Category = { Concept("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis", "Encounter Diagnosis") },
            Code = Concept(McodeCodes.Snomed, McodeCodes.MetastaticNeoplasm, "Metastatic malignant neoplasm (disorder)"),
            BodySite = { Concept(McodeCodes.Snomed, code, display) },
            Subject = new ResourceReference(Subject),
        };
        if (present)
        {
            condition.ClinicalStatus = Concept(McodeCodes.ConditionClinicalStatus, "active", "Active");
            condition.Onset = Date(detected);
        }
        else if (detected is { } date)
        {
            condition.RecordedDate = LocalDatePattern.Iso.Format(date);
        }

        return condition;
    }

    private static IEnumerable<Resource> Tumor(int index, Lesion lesion, LocalDate? measured)
    {
        var number = (index + 1).ToString(CultureInfo.InvariantCulture);
        var text = FactNamesText(lesion);
        var body = new BodyStructure
        {
            Id = "tumor-" + number,
            Meta = Profile("mcode-tumor"),
            Extension = { new Extension(McodeCodes.RelatedConditionExtension, new ResourceReference("Condition/metastasis-" + Id(lesion.Site))) },
            Location = Concept(McodeCodes.Snomed, LesionSites[lesion.Site].Code, LesionSites[lesion.Site].Display, text),
            Patient = new ResourceReference(Subject),
        };
        yield return body;

        if (lesion.SizeMm is { } size)
        {
            // Alternate the units (cm, mm) so both conversions are exercised.
            var inCm = index % 2 == 0;
            yield return new Observation
            {
                Id = "tumor-size-" + number,
                Meta = Profile("mcode-tumor-size"),
                Status = ObservationStatus.Final,
                Category = { Concept("http://terminology.hl7.org/CodeSystem/observation-category", "imaging", "Imaging") },
                Code = Concept(McodeCodes.Loinc, "21889-1", "Size Tumor"),
                Subject = new ResourceReference(Subject),
                Effective = Date(measured),
                Focus = { new ResourceReference("BodyStructure/tumor-" + number) },
                Component =
                {
                    new Observation.ComponentComponent
                    {
                        Code = Concept(McodeCodes.Loinc, McodeCodes.LongestDimensionLoinc, "Size.maximum dimension in Tumor"),
                        Value = new Quantity { Value = inCm ? size / 10m : size, Unit = inCm ? "cm" : "mm", System = McodeCodes.Ucum, Code = inCm ? "cm" : "mm" },
                    },
                },
            };
        }
    }

    private static string? FactNamesText(Lesion lesion)
    {
        var site = lesion.Site.ToString();
        if (lesion.Site != MetastaticSite.Liver)
        {
            return site;
        }

        var parts = new List<string> { "Liver" };
        if (lesion.Segments.Count == 1)
        {
            parts.Add("Couinaud segment " + Roman(lesion.Segments[0]));
        }
        else if (lesion.Segments.Count > 1)
        {
            parts.Add("Couinaud segments " + string.Join(" and ", lesion.Segments.Select(Roman)));
        }

        if (lesion.Lobe is { } lobe)
        {
            parts.Add(lobe.ToString().ToLowerInvariant() + " lobe");
        }

        return string.Join(", ", parts);
    }

    private static string Roman(int segment) => new[] { "I", "II", "III", "IV", "V", "VI", "VII", "VIII" }[segment - 1];

    private static Procedure Surgery(string id, CodeableConcept code, LocalDate? performed, (string Code, string Display) site, string? reason)
    {
        var procedure = new Procedure
        {
            Id = id,
            Meta = Profile("mcode-cancer-related-surgical-procedure"),
            Status = EventStatus.Completed,
            Category = Concept(McodeCodes.Snomed, McodeCodes.SurgicalProcedure, "Surgical procedure (procedure)"),
            Code = code,
            Subject = new ResourceReference(Subject),
            Performed = Date(performed),
            BodySite = { Concept(McodeCodes.Snomed, site.Code, site.Display) },
        };
        if (reason is not null)
        {
            procedure.ReasonReference.Add(new ResourceReference(reason));
        }

        return procedure;
    }

    private static string Id(MetastaticSite site) => site switch
    {
        MetastaticSite.LymphNode => "lymph-node",
        MetastaticSite.SoftTissue => "soft-tissue",
        _ => site.ToString().ToLowerInvariant(),
    };

    private static Meta Profile(string name) => new() { Profile = new[] { Mcode + name } };

    private static CodeableConcept Concept(string system, string code, string display, string? text = null) =>
        new(system, code, display, text);

    private static FhirDateTime? Date(LocalDate? date) => date is { } d ? new FhirDateTime(LocalDatePattern.Iso.Format(d)) : null;
}
