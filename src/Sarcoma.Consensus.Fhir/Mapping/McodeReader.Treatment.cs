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

/// <summary>Performance status, surgical procedures, cancer-related medications and the remaining facts.</summary>
internal sealed partial class McodeReader
{
    private ClinicalStatus ReadPerformanceStatus()
    {
        var readings = new List<(SourceResource Entry, LocalDate Date, int? Ecog, string Element, string Note, int Rank)>();
        foreach (var entry in entries)
        {
            if (entry.Resource is not Observation observation)
            {
                continue;
            }

            var profile = Profile(observation);
            var isEcog = (profile == "ECOGPerformanceStatus" && CodeFits(observation.Code, new[] { McodeCodes.EcogLoinc })) || Has(observation.Code, McodeCodes.Loinc, McodeCodes.EcogLoinc);
            var isKarnofsky = !isEcog && ((profile == "KarnofskyPerformanceStatus" && CodeFits(observation.Code, new[] { McodeCodes.KarnofskyLoinc })) || Has(observation.Code, McodeCodes.Loinc, McodeCodes.KarnofskyLoinc));
            if (!isEcog && !isKarnofsky && profile is "ECOGPerformanceStatus" or "KarnofskyPerformanceStatus")
            {
                notes.Add($"{entry.Reference}: declares the {profile} profile but its Observation.code is not the profile's LOINC code (system and code): not read.");
            }
            if ((!isEcog && !isKarnofsky) || !IsUsable(entry, observation))
            {
                continue;
            }

            var date = ObservationDate(entry, observation) ?? LocalDate.MinIsoValue;
            if (isEcog)
            {
                Recognise(entry, "ECOGPerformanceStatus", profile is not null);
                if (observation.Value is Integer { Value: < 0 or > 5 })
                {
                    Error(entry, "valueInteger", "is not an ECOG performance status grade (an integer 0 to 5): the value is not repeated here.");
                }

                int? ecog = observation.Value switch
                {
                    Integer { Value: >= 0 and <= 5 } integer => integer.Value,
                    CodeableConcept concept => Codings(concept).Where(c => c.System == McodeCodes.Loinc && c.Code is not null && McodeCodes.EcogAnswers.ContainsKey(c.Code))
                        .Select(c => (int?)McodeCodes.EcogAnswers[c.Code!]).FirstOrDefault(),
                    _ => null,
                };
                readings.Add((entry, date, ecog, observation.Value is CodeableConcept ? "Observation.valueCodeableConcept" : "Observation.valueInteger", "ECOG", 0));
            }
            else
            {
                Recognise(entry, "KarnofskyPerformanceStatus", profile is not null);
                int? karnofsky = (observation.Value as Integer)?.Value;
                if (karnofsky is < 0 or > 100)
                {
                    Error(entry, "valueInteger", "is not a Karnofsky performance status score (an integer 0 to 100): the value is not repeated here.");
                }

                int? ecog = karnofsky is { } k && McodeCodes.KarnofskyToEcog.TryGetValue(k, out var e) ? e : null;
                readings.Add((entry, date, ecog, "Observation.valueInteger", karnofsky is { } kv && ecog is not null
                    ? FormattableString.Invariant($"Karnofsky {kv} → ECOG {ecog} (docs/fhir.md)")
                    : "Karnofsky", 1));
            }
        }

        if (readings.Count == 0)
        {
            Unknown(FactNames.Ecog, UnknownReason.NoResource, "No ECOG (LOINC 89247-1) or Karnofsky (LOINC 89243-0) performance status Observation in the record.");
            return new ClinicalStatus();
        }

        // The latest reading; on the same date, ECOG as recorded before a converted Karnofsky score.
        var latest = readings.OrderByDescending(r => r.Date).ThenBy(r => r.Rank).First();

        // Two readings of the same kind and date that disagree: neither is taken (never settled by entry order).
        var clash = readings.FirstOrDefault(r => r.Entry != latest.Entry && r.Date == latest.Date && r.Rank == latest.Rank && r.Ecog != latest.Ecog);
        if (clash.Entry is not null)
        {
            Unknown(
                FactNames.Ecog,
                UnknownReason.Conflicting,
                $"Conflicting: {latest.Entry.Path}.{latest.Element.Substring("Observation.".Length)} and {clash.Entry.Path}.{clash.Element.Substring("Observation.".Length)}: two {(latest.Rank == 0 ? "ECOG" : "Karnofsky")} Observations of the same date disagree; the performance status is left unknown.");
            return new ClinicalStatus();
        }

        if (latest.Ecog is not { } value)
        {
            Unknown(
                FactNames.Ecog,
                UnknownReason.Ambiguous,
                latest.Rank == 1
                    ? $"{latest.Entry.Reference}: the Karnofsky score is not one the published ECOG conversions agree on (90, 70, 50 and 30 fall on different ECOG grades), or is not an integer 0–100 in steps of 10."
                    : $"{latest.Entry.Reference}: Observation.value[x] is not an ECOG grade 0–5 (an integer or a LOINC LA9622-7…LA9627-6 answer).");
            return new ClinicalStatus();
        }

        Mapped(FactNames.Ecog, latest.Entry.Reference, latest.Element, latest.Note);
        return new ClinicalStatus { Ecog = value };
    }

    private sealed record Treatment(SourceResource Source, LocalDate? Start, LocalDate? End, bool Ongoing, string StartElement, string EndElement);

    private TreatmentHistory ReadTreatment(ConditionEntry? primary, ref PrimaryTumor? primaryTumor, MetastaticDisease? metastases)
    {
        var procedures = ReadProcedures(primary, out var primaryResections, out var liverResections);
        var history = new TreatmentHistory();

        if (primaryResections.Count > 0 && primaryTumor is not null)
        {
            var first = primaryResections.OrderBy(p => p.Start ?? LocalDate.MaxIsoValue).First();
            primaryTumor = primaryTumor with { Resected = true, ResectedOn = first.Start };
            Mapped(FactNames.PrimaryResected, first.Source.Reference, "Procedure.reasonReference", "completed CancerRelatedSurgicalProcedure for the PrimaryCancerCondition");
            if (first.Start is not null)
            {
                Mapped(FactNames.PrimaryResectedOn, first.Source.Reference, first.StartElement);
            }
            else
            {
                Unknown(FactNames.PrimaryResectedOn, UnknownReason.NoResource, $"{first.Source.Reference} has no Procedure.performed[x] date.");
            }
        }
        else if (primaryTumor is not null)
        {
            Unknown(FactNames.PrimaryResected, UnknownReason.NoResource, "No completed surgical Procedure whose reasonReference is the PrimaryCancerCondition (absence is not 'primary in place').");
        }

        if (liverResections.Count > 0)
        {
            var ordered = liverResections.OrderBy(r => r.Start ?? LocalDate.MaxIsoValue).ToArray();
            history = history with
            {
                LiverResections = ordered.Select(r => new LiverResection { PerformedOn = r.Start }).ToArray(),
                PreviousLiverResection = true,
            };
            Mapped(FactNames.PreviousLiverResection, ordered[0].Source.Reference, "Procedure.code", "completed hepatectomy");
            for (var i = 0; i < ordered.Length; i++)
            {
                Mapped(FactNames.LiverResections + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", ordered[i].Source.Reference, "Procedure.code");
                if (ordered[i].Start is not null)
                {
                    Mapped($"{FactNames.LiverResections}[{i.ToString(CultureInfo.InvariantCulture)}].performedOn", ordered[i].Source.Reference, ordered[i].StartElement);
                }
            }
        }
        else
        {
            Unknown(FactNames.PreviousLiverResection, UnknownReason.NoResource, "No completed hepatectomy Procedure in the record (absence is not 'never resected').");
        }

        var medications = ReadMedications(metastases?.DetectedOn, out var medicationProblem);
        if (medications.Count > 0)
        {
            var first = medications.OrderBy(m => m.Start ?? LocalDate.MaxIsoValue).First();
            history = history with { SystemicTherapyReceived = true };
            Mapped(FactNames.SystemicTherapyReceived, first.Source.Reference, "MedicationAdministration / MedicationRequest / MedicationStatement", "cancer-related medication for the metastatic disease");

            var ongoing = medications.FirstOrDefault(m => m.Ongoing);
            if (ongoing is not null)
            {
                history = history with { OnSystemicTherapy = true };
                Mapped(FactNames.OnSystemicTherapy, ongoing.Source.Reference, "status", "active / in-progress");
            }
            else
            {
                // Every record completed or stopped does not show that no other therapy is under way: unknown, not "no".
                Unknown(FactNames.OnSystemicTherapy, UnknownReason.NoResource, "No active cancer-related medication in the record; that the recorded ones are completed or stopped does not show that no other therapy is under way.");
            }

            history = ReadResponse(history, first.Start);
        }
        else
        {
            Unknown(FactNames.SystemicTherapyReceived, medicationProblem is null ? UnknownReason.NoResource : UnknownReason.Ambiguous, medicationProblem ?? "No cancer-related medication for the metastatic disease in the record (absence is not 'none received').");
            Unknown(FactNames.OnSystemicTherapy, UnknownReason.NoResource, "No cancer-related medication for the metastatic disease in the record.");
        }

        history = ReadLastTreatment(history, procedures.Concat(medications).ToArray());
        return history;
    }

    private TreatmentHistory ReadResponse(TreatmentHistory history, LocalDate? therapyStart)
    {
        var statuses = DiseaseStatuses()
            .Where(s => McodeCodes.DiseaseStatusResponse.ContainsKey(s.Code) && s.Date is { } d && therapyStart is { } start && d >= start)
            .OrderBy(s => (int)McodeCodes.DiseaseStatusResponse[s.Code])
            .ToArray();
        if (statuses.Length == 0)
        {
            Unknown(FactNames.SystemicTherapyResponse, UnknownReason.NoResource, "No dated CancerDiseaseStatus (improved, stable, worse, not detected) on or after the start of systemic therapy.");
            return history;
        }

        var best = statuses[0];
        Mapped(FactNames.SystemicTherapyResponse, best.Source.Reference, "Observation.valueCodeableConcept", "best CancerDiseaseStatus since therapy began (docs/fhir.md: a trend, not RECIST)");
        return history with { SystemicTherapyResponse = McodeCodes.DiseaseStatusResponse[best.Code] };
    }

    private TreatmentHistory ReadLastTreatment(TreatmentHistory history, Treatment[] treatments)
    {
        if (treatments.Length == 0)
        {
            Unknown(FactNames.LastTreatmentEndedOn, UnknownReason.NoResource, "No dated surgical Procedure or cancer-related medication in the record.");
            return history;
        }

        if (treatments.Any(t => t.Ongoing))
        {
            Unknown(FactNames.LastTreatmentEndedOn, UnknownReason.Ambiguous, "A cancer-related medication is still active: treatment has not ended.");
            return history;
        }

        if (treatments.FirstOrDefault(t => t.End is null) is { } undated)
        {
            Unknown(FactNames.LastTreatmentEndedOn, UnknownReason.Ambiguous, $"{undated.Source.Reference} has no end date, so the last treatment's end cannot be told.");
            return history;
        }

        // The latest recorded treatment is only a lower bound: a later treatment missing from the record would shorten the
        // treatment-free interval, so the date is asked for, never assumed.
        var last = treatments.OrderByDescending(t => t.End).First();
        Unknown(
            FactNames.LastTreatmentEndedOn,
            UnknownReason.Ambiguous,
            FormattableString.Invariant($"The record dates {treatments.Length} treatment(s), the latest ending as {last.Source.Reference} {last.EndElement} says, but cannot show that no later treatment is missing: confirm the date."));
        return history;
    }

    private List<Treatment> ReadProcedures(ConditionEntry? primary, out List<Treatment> primaryResections, out List<Treatment> liverResections)
    {
        primaryResections = new List<Treatment>();
        liverResections = new List<Treatment>();
        var all = new List<Treatment>();
        foreach (var entry in entries)
        {
            if (entry.Resource is not Procedure procedure)
            {
                continue;
            }

            // Recognised first, so that only the status and dates of procedures the mapper uses can be input errors.
            var profile = Profile(procedure);
            var radiotherapy = profile == "RadiotherapyCourseSummary" || Has(procedure.Code, McodeCodes.Snomed, McodeCodes.RadiotherapyCourse);
            var hepatectomy = McodeCodes.HepatectomyCodes.Any(h => Has(procedure.Code, h.System, h.Code));
            var surgical = profile == "CancerRelatedSurgicalProcedure" || Has(procedure.Category, McodeCodes.Snomed, McodeCodes.SurgicalProcedure) || hepatectomy;
            if ((!radiotherapy && !surgical) || Status(entry, procedure.StatusElement, "status") != "completed")
            {
                continue;
            }

            if (radiotherapy)
            {
                Recognise(entry, "RadiotherapyCourseSummary", profile is not null);
                var rtEnd = Date(entry, procedure.Performed, "performed", periodEnd: procedure.Performed is Period);
                all.Add(new Treatment(entry, Date(entry, procedure.Performed, "performed"), rtEnd, false, "Procedure.performed[x]", procedure.Performed is Period ? "Procedure.performedPeriod.end" : "Procedure.performedDateTime"));
                continue;
            }

            var reasons = procedure.ReasonReference.Select(Resolve).Where(r => r is not null).ToArray();
            var forLiverMetastasis = reasons.Any(r => secondaries.Any(s => s.Source == r && s.Sites.Any(x => x.Site == MetastaticSite.Liver && x.Kind == SiteKind.Lesion)));
            Recognise(entry, "CancerRelatedSurgicalProcedure", profile is not null);
            var start = Date(entry, procedure.Performed, "performed");
            var end = procedure.Performed is Period ? Date(entry, procedure.Performed, "performed", periodEnd: true) ?? start : start;
            var startElement = procedure.Performed is Period ? "Procedure.performedPeriod.start" : "Procedure.performedDateTime";
            var treatment = new Treatment(entry, start, end, false, startElement, procedure.Performed is Period ? "Procedure.performedPeriod.end" : "Procedure.performedDateTime");
            var onLiver = Codings(procedure.BodySite).Any(c => c.System == McodeCodes.Snomed && c.Code == McodeCodes.LiverStructure);
            if (hepatectomy || forLiverMetastasis || (onLiver && reasons.All(r => primary is null || r != primary.Source)))
            {
                liverResections.Add(treatment);
            }
            else if (primary is not null && reasons.Contains(primary.Source))
            {
                primaryResections.Add(treatment);
            }
            else
            {
                notes.Add($"{entry.Reference}: a surgical procedure neither for the PrimaryCancerCondition (Procedure.reasonReference) nor a hepatectomy; counted only as a treatment date.");
            }

            all.Add(treatment);
        }

        return all;
    }

    private List<Treatment> ReadMedications(LocalDate? detectedOn, out string? problem)
    {
        problem = null;
        var result = new List<Treatment>();
        foreach (var entry in entries)
        {
            string? profile = Profile(entry.Resource);
            IEnumerable<ResourceReference> reasons;
            PrimitiveType? statusElement;
            PrimitiveType? intentElement = null;
            DataType? effective;
            string effectiveName;
            var effectiveChoice = true;
            switch (entry.Resource)
            {
                case MedicationAdministration administration:
                    reasons = administration.ReasonReference;
                    statusElement = administration.StatusElement;
                    effective = administration.Effective;
                    effectiveName = "effective";
                    break;
                case MedicationRequest request:
                    reasons = request.ReasonReference;
                    statusElement = request.StatusElement;
                    intentElement = request.IntentElement;
                    effective = request.DispenseRequest?.ValidityPeriod ?? (DataType?)request.AuthoredOnElement;
                    effectiveName = request.DispenseRequest?.ValidityPeriod is not null ? "dispenseRequest.validityPeriod" : "authoredOn";
                    effectiveChoice = false;
                    break;
                case MedicationStatement statement:
                    reasons = statement.ReasonReference;
                    statusElement = statement.StatusElement;
                    effective = statement.Effective;
                    effectiveName = "effective";
                    break;
                default:
                    continue;
            }

            var resolved = reasons.Select(Resolve).ToArray();
            var forCancer = profile is not null && profile.StartsWith("CancerRelatedMedication", StringComparison.Ordinal) ||
                resolved.Any(r => r is not null && (primaries.Any(p => p.Source == r) || secondaries.Any(s => s.Source == r)));
            if (!forCancer)
            {
                continue;
            }

            // Only a cancer-related medication's status, intent and dates are read, so only theirs can be input errors.
            var status = Status(entry, statusElement, "status");
            var intent = intentElement is null ? null : Status(entry, intentElement, "intent");
            bool ongoing;
            bool received;
            switch (entry.Resource)
            {
                case MedicationAdministration:
                    ongoing = status == "in-progress";
                    received = status is "completed" or "in-progress" or "stopped" or "on-hold";
                    break;
                case MedicationRequest:
                    ongoing = status == "active" && intent is "order" or "original-order" or "reflex-order" or "filler-order" or "instance-order";
                    received = intent is not ("proposal" or "plan" or "directive") && status is "active" or "completed" or "stopped" or "on-hold";
                    break;
                default:
                    ongoing = status == "active";
                    received = status is "active" or "completed" or "stopped" or "on-hold";
                    break;
            }

            if (!received)
            {
                continue;
            }

            Recognise(entry, profile ?? "CancerRelatedMedication" + entry.Resource.TypeName.Replace("Medication", string.Empty), profile is not null);
            var start = Date(entry, effective, effectiveName, choice: effectiveChoice);
            var end = effective is Period ? Date(entry, effective, effectiveName, periodEnd: true, choice: effectiveChoice) : start;
            var forMetastases = resolved.Any(r => secondaries.Any(s => s.Source == r)) || (start is { } s && detectedOn is { } d && s >= d);
            if (!forMetastases)
            {
                if (detectedOn is null || start is null)
                {
                    problem = $"{entry.Reference}: a cancer-related medication that cannot be placed before or after the metastases (no date, or no detection date, and no reasonReference to a SecondaryCancerCondition).";
                }

                continue;
            }

            result.Add(new Treatment(entry, start, ongoing ? null : end, ongoing, "effective[x]", effective is Period ? "effectivePeriod.end" : "effective[x]"));
        }

        return result;
    }

    private OriginUncertainty ReadOriginUncertainty(ConditionEntry? primary)
    {
        var others = primaries.Where(p => p != primary && !IsRefuted(p.Condition)).ToArray();
        if (primary is not null && others.Length > 0)
        {
            Mapped(FactNames.OtherCancerHistory, others[0].Source.Reference, "Condition", "another PrimaryCancerCondition");
            return new OriginUncertainty { OtherCancerHistory = true };
        }

        Unknown(FactNames.OtherCancerHistory, UnknownReason.NoResource, "No other PrimaryCancerCondition in the record (absence is not 'no other cancer').");
        return new OriginUncertainty();
    }

    /// <summary>Lists every fact the patient leaves unknown, with the reason recorded while reading or the standing reason for facts mCODE cannot hold.</summary>
    private void ListUnknowns(Patient patient)
    {
        foreach (var (fact, reason) in NotExpressible)
        {
            Unknown(fact, UnknownReason.NotExpressibleInMcode, reason);
        }

        if (patient.Primary is not null)
        {
            if (patient.Primary.Resected != true)
            {
                Unknown(FactNames.PrimaryResectable, UnknownReason.NotExpressibleInMcode, "Whether a primary still in place is resectable is a surgical judgement mCODE has no structure for.");
            }
        }

        var lesions = patient.Metastases?.Lesions ?? Array.Empty<Lesion>();
        for (var i = 0; i < lesions.Count; i++)
        {
            var path = "metastases.lesions[" + i.ToString(CultureInfo.InvariantCulture) + "].";
            foreach (var (name, why) in LesionJudgements)
            {
                Unknown(path + name, UnknownReason.NotExpressibleInMcode, why);
            }
        }

        var resections = patient.Treatment.LiverResections;
        for (var i = 0; i < resections.Count; i++)
        {
            Unknown(
                $"{FactNames.LiverResections}[{i.ToString(CultureInfo.InvariantCulture)}].margin",
                UnknownReason.NotExpressibleInMcode,
                "mCODE has no structure for the resection margin (R0/R1/R2) of a procedure.");
        }

        // Remove facts that ended up known (an earlier pass may have listed them).
        foreach (var fact in mapped.Select(m => m.Fact))
        {
            unknown.Remove(fact);
        }
    }

    private static readonly (string Name, string Why)[] LesionJudgements =
    {
        ("vascularInvolvement", "Major-vessel involvement is an imaging finding mCODE has no structure for."),
        ("centralLocation", "A central liver location is an imaging finding mCODE has no structure for."),
        ("symptomatic", "Whether a lesion causes symptoms is not linked to a lesion in mCODE."),
        ("resectable", "Resectability is a surgical judgement mCODE has no structure for."),
        ("ablatable", "Suitability for ablation is a judgement mCODE has no structure for."),
    };

    private static readonly (string Fact, string Why)[] NotExpressible =
    {
        (FactNames.StagingContrastCt, "mCODE has no structure saying which staging examinations were done."),
        (FactNames.StagingLiverMri, "mCODE has no structure saying which staging examinations were done."),
        (FactNames.StagingFdgPetCt, "mCODE has no structure saying which staging examinations were done."),
        (FactNames.StagingBrainMri, "mCODE has no structure saying which staging examinations were done."),
        (FactNames.StagingSpineMri, "mCODE has no structure saying which staging examinations were done."),
        (FactNames.AsaClass, "The ASA physical status class is not in mCODE."),
        (FactNames.SignificantComorbidities, "Whether comorbidities are significant is a clinical judgement mCODE has no structure for."),
        (FactNames.FitForSurgery, "Fitness for major surgery is a clinical judgement mCODE has no structure for."),
        (FactNames.InductionTherapyPlanned, "A planned induction (preoperative) therapy is a tumour-board decision mCODE has no structure for."),
        (FactNames.AdjuvantTherapyAfterFirstLiverResection, "mCODE cannot tell adjuvant therapy after a liver resection from other systemic therapy."),
        (FactNames.PreviousAbdominalSurgeries, "A count of previous abdominal surgeries is not in mCODE."),
        (FactNames.MajorHepatectomyPlanned, "A planned hepatectomy's extent is a surgical plan mCODE has no structure for."),
        (FactNames.FutureLiverRemnantPercent, "The future liver remnant volumetry is not in mCODE."),
        (FactNames.ExtensivePriorChemotherapy, "Whether prior chemotherapy was extensive is a clinical judgement mCODE has no structure for."),
        (FactNames.UncorrectableCoagulopathy, "Contraindications to focal therapy are not in mCODE."),
        (FactNames.ActiveInfectionInTreatmentArea, "Contraindications to focal therapy are not in mCODE."),
        (FactNames.AdjacentStructuresNotProtectable, "Contraindications to focal therapy are not in mCODE."),
        (FactNames.DecompensatedLiverFailure, "Contraindications to focal therapy are not in mCODE."),
        (FactNames.HccRiskFactors, "Risk factors for hepatocellular carcinoma are not summarised in mCODE."),
        (FactNames.ColorectalCancerHistory, "mCODE does not single out a history of colorectal cancer."),
    };
}
