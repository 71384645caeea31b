using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Tests.Support;

/// <summary>Vignettes for liver recurrence, focal therapy, perioperative chemotherapy and follow-up (sections 3.9–3.13).</summary>
public static partial class Vignettes
{
    /// <summary>
    /// Liver recurrence after metastasectomy: retroperitoneal leiomyosarcoma (G2) diagnosed 2019-02-04 and resected; liver
    /// metastasectomy (R0) on 2021-05-20 without adjuvant chemotherapy; two resectable liver lesions found 2023-09-01
    /// (TFI 27 months); fully staged; no diffuse disease; ECOG 0, fit; two previous abdominal surgeries.
    /// </summary>
    public static PatientBuilder LiverRecurrenceAfterResection() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2019, 2, 4), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2019, 3, 11))
            .AddLiverResection(new LocalDate(2021, 5, 20), ResectionMargin.R0)
            .AdjuvantTherapyAfterFirstLiverResection(false)
            .PreviousAbdominalSurgeries(2)
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: 22, l => l.InSegments(2).Resectable().Ablatable().Symptomatic(false))
            .AddLesion(MetastaticSite.Liver, sizeMm: 15, l => l.InSegments(8).Resectable().Ablatable().Symptomatic(false))
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(0)
            .WithComorbidities(false)
            .FitForSurgery();

    /// <summary>
    /// Liver lesions after a liver resection recorded without a date, with neither the end of the last treatment nor any
    /// adjuvant therapy recorded: whether the lesion found 2024-06-03 is a recurrence after the resection (or the disease it
    /// treated) is not known, and no treatment-free interval can be counted. Leiomyosarcoma, one resectable liver lesion,
    /// fully staged, ECOG 1.
    /// </summary>
    public static PatientBuilder LiverRecurrenceWithUndatedResection() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.IntraAbdominalVisceral, diagnosedOn: new LocalDate(2018, 10, 1))
            .Resected()
            .AddLiverResection(null)
            .MetastasesDetectedOn(new LocalDate(2024, 6, 3))
            .AddLesion(MetastaticSite.Liver, sizeMm: 18, l => l.InSegments(3).Resectable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true)
            .WithPerformanceStatus(1);

    /// <summary>
    /// Liver recurrence whose treatment-free interval cannot be counted: the first liver resection is dated (2021-03-08),
    /// so the lesion found 2024-06-03 is known to come after it, but neither the end of the last treatment nor whether
    /// adjuvant therapy followed the resection is recorded. Leiomyosarcoma, one resectable liver lesion, fully staged, ECOG 1.
    /// </summary>
    public static PatientBuilder LiverRecurrenceWithUncountableTfi() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.IntraAbdominalVisceral, diagnosedOn: new LocalDate(2018, 10, 1))
            .Resected()
            .AddLiverResection(new LocalDate(2021, 3, 8))
            .MetastasesDetectedOn(new LocalDate(2024, 6, 3))
            .AddLesion(MetastaticSite.Liver, sizeMm: 18, l => l.InSegments(3).Resectable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true)
            .WithPerformanceStatus(1);

    /// <summary>
    /// In follow-up after metastasectomy: the metachronous leiomyosarcoma of <see cref="MetachronousLiverOnlyOmd"/>
    /// (diagnosed 2021-03-01, two liver metastases found 2023-09-01), both liver metastases resected R0 on 2023-10-16,
    /// no adjuvant chemotherapy; no disease since.
    /// </summary>
    public static PatientBuilder LiverMetastasectomyInFollowUp() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2021, 3, 1), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2021, 4, 12))
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: 32, l => l.InSegments(6).Resectable())
            .AddLesion(MetastaticSite.Liver, sizeMm: 14, l => l.InSegments(7).Resectable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .AddLiverResection(new LocalDate(2023, 10, 16), ResectionMargin.R0)
            .AdjuvantTherapyAfterFirstLiverResection(false)
            .WithPerformanceStatus(0);

    /// <summary>
    /// Unresectable liver disease on chemotherapy: uterine (intra-abdominal) leiomyosarcoma (G3) diagnosed 2022-01-10 and
    /// resected; three liver metastases found 2024-03-01 — one central with vascular involvement, not resectable; one
    /// painful (symptomatic); on systemic therapy with stable disease; no contraindication to focal therapy; ECOG 1.
    /// </summary>
    public static PatientBuilder UnresectableLiverDiseaseOnChemotherapy() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.IntraAbdominalVisceral, diagnosedOn: new LocalDate(2022, 1, 10), grade: HistologicGrade.G3)
            .Resected(on: new LocalDate(2022, 2, 7))
            .MetastasesDetectedOn(new LocalDate(2024, 3, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: 58, l => l.InSegments(4, 8).Central().WithVascularInvolvement().Unresectable().Ablatable().Symptomatic(false))
            .AddLesion(MetastaticSite.Liver, sizeMm: 71, l => l.InSegments(6).Resectable().Ablatable().Symptomatic())
            .AddLesion(MetastaticSite.Liver, sizeMm: 12, l => l.InSegments(3).Resectable().Ablatable().Symptomatic(false))
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithSystemicTherapy(received: true, response: TreatmentResponse.StableDisease, ongoing: true)
            .NoFocalTherapyContraindications()
            .WithPerformanceStatus(1)
            .NoPreviousLiverResection();

    /// <summary>
    /// Early liver recurrence: the retroperitoneal leiomyosarcoma of <see cref="LiverRecurrenceAfterResection"/> (diagnosed
    /// 2019-02-04; liver metastasectomy on 2021-05-20 without adjuvant chemotherapy) with the two resectable liver lesions
    /// found on 2022-01-20, 8 months after the resection (the DFI from the primary is 35 months); no HCC risk factors, no
    /// colorectal or other cancer; no induction therapy proposed; ECOG 0, fit.
    /// </summary>
    public static PatientBuilder EarlyLiverRecurrenceAfterResection() =>
        LiverRecurrenceAfterResection()
            .MetastasesDetectedOn(new LocalDate(2022, 1, 20))
            .InductionTherapyPlanned(false)
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false);

    /// <summary>
    /// Many liver metastases in a fit patient: extremity undifferentiated pleomorphic sarcoma
    /// diagnosed 2021-09-06 and resected; seven resectable liver metastases (12–30 mm) found 2025-05-12; fully staged; no
    /// diffuse disease; ECOG 0, recorded fit for surgery; focal-therapy contraindications not yet assessed.
    /// </summary>
    public static PatientBuilder ManyLiverMetastasesFitForSurgery() =>
        Patient.Builder()
            .WithPrimary(Histology.UndifferentiatedPleomorphicSarcoma, PrimarySite.Extremity, diagnosedOn: new LocalDate(2021, 9, 6), grade: HistologicGrade.G3)
            .Resected(on: new LocalDate(2021, 10, 4))
            .MetastasesDetectedOn(new LocalDate(2025, 5, 12))
            .AddLesions(4, MetastaticSite.Liver, sizeMm: 12, l => l.Resectable().Ablatable())
            .AddLesions(3, MetastaticSite.Liver, sizeMm: 30, l => l.Resectable().Ablatable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(0)
            .FitForSurgery()
            .NoPreviousLiverResection();

    /// <summary>
    /// In follow-up after a second liver metastasectomy: the leiomyosarcoma of <see cref="LiverRecurrenceAfterResection"/>
    /// (first liver resection 2021-05-20, no adjuvant chemotherapy), whose liver recurrence found on 2023-09-01 was resected
    /// (R0) on 2023-10-02; no evidence of disease since.
    /// </summary>
    public static PatientBuilder SecondLiverMetastasectomyInFollowUp() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2019, 2, 4), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2019, 3, 11))
            .AddLiverResection(new LocalDate(2021, 5, 20), ResectionMargin.R0)
            .AddLiverResection(new LocalDate(2023, 10, 2), ResectionMargin.R0)
            .AdjuvantTherapyAfterFirstLiverResection(false)
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .NoEvidenceOfDisease()
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(0);

    /// <summary>
    /// In follow-up after a liver metastasectomy recorded without its date: extremity synovial sarcoma diagnosed 2020-01-13
    /// and resected; liver metastases found 2022-11-07 and resected (date not recorded); no evidence of disease since.
    /// </summary>
    public static PatientBuilder UndatedLiverMetastasectomyInFollowUp() =>
        Patient.Builder()
            .WithPrimary(Histology.SynovialSarcoma, PrimarySite.Extremity, diagnosedOn: new LocalDate(2020, 1, 13), grade: HistologicGrade.G3)
            .Resected(on: new LocalDate(2020, 2, 10))
            .MetastasesDetectedOn(new LocalDate(2022, 11, 7))
            .NoEvidenceOfDisease()
            .AddLiverResection(null, ResectionMargin.R0)
            .WithPerformanceStatus(0);

    /// <summary>Synovial sarcoma, liver metastasectomy (R0) on 2022-12-05, then a resectable lung metastasis found on 2025-06-02.</summary>
    public static PatientBuilder LungRecurrenceAfterLiverMetastasectomy() =>
        Patient.Builder()
            .WithPrimary(Histology.SynovialSarcoma, PrimarySite.Extremity, diagnosedOn: new NodaTime.LocalDate(2020, 1, 13))
            .Resected(on: new NodaTime.LocalDate(2020, 2, 10))
            .AddLiverResection(new NodaTime.LocalDate(2022, 12, 5), ResectionMargin.R0)
            .MetastasesDetectedOn(new NodaTime.LocalDate(2025, 6, 2))
            .AddLesion(MetastaticSite.Lung, 14, l => l.Resectable());
}
