using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Tests.Support;

/// <summary>Vignettes for the biopsy (3.1–3.3) and imaging (4.1–4.3) recommendations.</summary>
public static partial class Vignettes
{
    /// <summary>
    /// Extremity undifferentiated pleomorphic sarcoma diagnosed 2024-10-01 and resected; one resectable 25 mm liver
    /// metastasis (segment 6) found 9 months later (metachronous, DFI under 12 months); no HCC risk factors, no colorectal
    /// or other cancer; no induction therapy proposed; staged with CT and liver MRI.
    /// </summary>
    public static PatientBuilder ShortDfiMetachronousLiverMetastasis() =>
        ShortDfiMetachronousLiverMetastasisOriginUnrecorded()
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false);

    /// <summary>The short-DFI metachronous vignette with none of the origin-uncertainty facts recorded.</summary>
    public static PatientBuilder ShortDfiMetachronousLiverMetastasisOriginUnrecorded() =>
        Patient.Builder()
            .WithPrimary(Histology.UndifferentiatedPleomorphicSarcoma, PrimarySite.Extremity, diagnosedOn: new LocalDate(2024, 10, 1), grade: HistologicGrade.G3)
            .Resected(on: new LocalDate(2024, 10, 28))
            .MetastasesDetectedOn(new LocalDate(2025, 7, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: 25, l => l.InSegments(6).Resectable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true)
            .WithPerformanceStatus(0)
            .FitForSurgery()
            .InductionTherapyPlanned(false)
            .NoPreviousLiverResection();

    /// <summary>
    /// Synchronous OMD as in <see cref="SynchronousOmdOnInduction"/> (intra-abdominal leiomyosarcoma, one liver
    /// metastasis two weeks after diagnosis), but the treatment strategy is not yet decided (induction not recorded).
    /// </summary>
    public static PatientBuilder SynchronousLiverOmdTreatmentUndecided() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.IntraAbdominalVisceral, diagnosedOn: new LocalDate(2025, 6, 2), grade: HistologicGrade.G3)
            .PrimaryInPlace(resectable: true)
            .MetastasesDetectedOn(new LocalDate(2025, 6, 16))
            .AddLesion(MetastaticSite.Liver, sizeMm: 41, l => l.InSegments(4).Resectable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(1)
            .NoPreviousLiverResection();

    /// <summary>Uterine leiomyosarcoma resected in 2022 with two resectable lung metastases in 2025 and no liver lesion.</summary>
    public static PatientBuilder LungOnlyMetastases() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.IntraAbdominalVisceral, diagnosedOn: new LocalDate(2022, 5, 9), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2022, 6, 1))
            .MetastasesDetectedOn(new LocalDate(2025, 3, 10))
            .AddLesions(2, MetastaticSite.Lung, sizeMm: 12, l => l.Resectable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true)
            .InductionTherapyPlanned(false)
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false);

    /// <summary>
    /// Scalp angiosarcoma diagnosed 2025-03-03 with two unresectable liver metastases (8 mm and 15 mm) found six weeks
    /// later; staged with CT only so far.
    /// </summary>
    public static PatientBuilder AngiosarcomaWithSmallLiverMetastases() =>
        Patient.Builder()
            .WithPrimary(Histology.Angiosarcoma, PrimarySite.Other, diagnosedOn: new LocalDate(2025, 3, 3), grade: HistologicGrade.G3)
            .PrimaryInPlace(resectable: true)
            .MetastasesDetectedOn(new LocalDate(2025, 4, 14))
            .AddLesion(MetastaticSite.Liver, sizeMm: 8, l => l.InSegments(2).Unresectable())
            .AddLesion(MetastaticSite.Liver, sizeMm: 15, l => l.InSegments(7).Unresectable())
            .WithStaging(contrastCt: true, liverMri: false, fdgPetCt: false, brainMri: false, spineMri: false);

    /// <summary>
    /// Thigh myxoid liposarcoma resected in 2021; one 30 mm liver metastasis (centrally located) in 2025, amenable neither
    /// to resection nor to ablation; no origin doubt; staged with CT and total-spine MRI; no hepatectomy planned.
    /// </summary>
    public static PatientBuilder MyxoidLiposarcomaLiverMetastasis() =>
        Patient.Builder()
            .WithPrimary(Histology.MyxoidLiposarcoma, PrimarySite.Extremity, diagnosedOn: new LocalDate(2021, 2, 8), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2021, 3, 1))
            .MetastasesDetectedOn(new LocalDate(2025, 9, 22))
            .AddLesion(MetastaticSite.Liver, sizeMm: 30, l => l.InSegments(4, 8).Central().Unresectable().Ablatable(false))
            .WithStaging(contrastCt: true, spineMri: true)
            .WithLiverSurgeryPlan(majorHepatectomy: false);

    /// <summary>
    /// Synchronous OMD already on chemotherapy: the intra-abdominal leiomyosarcoma of <see cref="SynchronousOmdOnInduction"/>
    /// (one liver metastasis two weeks after diagnosis, induction chemotherapy planned) whose induction chemotherapy has
    /// started (on treatment, response not yet assessed); no origin doubt recorded.
    /// </summary>
    public static PatientBuilder SynchronousOmdOnChemotherapy() =>
        SynchronousOmdOnInduction()
            .WithSystemicTherapy(received: true, ongoing: true)
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false);

    /// <summary>
    /// Unresectable liver metastases of uncertain origin: extremity undifferentiated pleomorphic sarcoma diagnosed
    /// 2022-04-04 and resected; a colorectal cancer treated in 2023; two liver lesions found 2025-08-18 (metachronous), one
    /// of them unresectable (central, 52 mm); no induction therapy proposed; staged with CT and liver MRI; ECOG 1, fit.
    /// </summary>
    public static PatientBuilder UnresectableLiverMetastasesOfUncertainOrigin() =>
        Patient.Builder()
            .WithPrimary(Histology.UndifferentiatedPleomorphicSarcoma, PrimarySite.Extremity, diagnosedOn: new LocalDate(2022, 4, 4), grade: HistologicGrade.G3)
            .Resected(on: new LocalDate(2022, 5, 2))
            .MetastasesDetectedOn(new LocalDate(2025, 8, 18))
            .AddLesion(MetastaticSite.Liver, sizeMm: 52, l => l.InSegments(4, 8).Central().Unresectable().Ablatable(false))
            .AddLesion(MetastaticSite.Liver, sizeMm: 18, l => l.InSegments(6).Resectable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true)
            .WithPerformanceStatus(1)
            .FitForSurgery()
            .InductionTherapyPlanned(false)
            .NoPreviousLiverResection()
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: true, otherCancerHistory: false);

    /// <summary>
    /// A single central liver metastasis on a hepatic vein, not resectable but ablatable, 70 months after an extremity
    /// leiomyosarcoma (a long DFI: origin uncertain by 3.1's example); fully staged; ECOG 0, fit; no HCC risk factor, no
    /// other cancer. Not a candidate for surgery, so 10.1 applies.
    /// </summary>
    public static PatientBuilder UnresectableLesionOfUncertainOriginAfterLongDfi() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Extremity, diagnosedOn: new LocalDate(2019, 1, 7), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2019, 2, 4))
            .MetastasesDetectedOn(new LocalDate(2024, 11, 18))
            .AddLesion(MetastaticSite.Liver, sizeMm: 28, l => l.InSegments(8).Central().WithVascularInvolvement().Unresectable().Ablatable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(0)
            .FitForSurgery()
            .InductionTherapyPlanned(false)
            .NoPreviousLiverResection()
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false);
}
