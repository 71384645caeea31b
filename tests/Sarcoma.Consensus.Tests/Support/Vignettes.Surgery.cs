using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Tests.Support;

/// <summary>Vignettes for the indication, surgical approach, preoperative assessment and timing sections (5–8).</summary>
public static partial class Vignettes
{
    /// <summary>
    /// The metachronous leiomyosarcoma vignette (two resectable right-lobe liver metastases) with one resectable 12 mm
    /// lung nodule: metachronous OMD of the liver with lung-only extrahepatic disease.
    /// </summary>
    public static PatientBuilder MetachronousLiverAndLungOmd() =>
        MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Lung, sizeMm: 12, l => l.Resectable().Ablatable());

    /// <summary>
    /// Extremity undifferentiated pleomorphic sarcoma diagnosed 2020-02-10 and resected; 40 months later two resectable
    /// liver metastases, one in segments 2–3 (peripheral) and one in segment 8 abutting the middle hepatic vein
    /// (central, vascular involvement); fully staged; ECOG 0, ASA II.
    /// </summary>
    public static PatientBuilder BilobarCentralLiverMetastases() =>
        Patient.Builder()
            .WithPrimary(Histology.UndifferentiatedPleomorphicSarcoma, PrimarySite.Extremity, diagnosedOn: new LocalDate(2020, 2, 10), grade: HistologicGrade.G3)
            .Resected(on: new LocalDate(2020, 3, 20))
            .MetastasesDetectedOn(new LocalDate(2023, 6, 12))
            .AddLesion(MetastaticSite.Liver, sizeMm: 25, l => l.InSegments(2, 3).Resectable().Central(false).WithVascularInvolvement(false))
            .AddLesion(MetastaticSite.Liver, sizeMm: 48, l => l.InSegments(8).Resectable().Central().WithVascularInvolvement())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: false)
            .WithPerformanceStatus(0)
            .WithAsaClass(2)
            .WithComorbidities(false)
            .FitForSurgery()
            .NoPreviousLiverResection()
            .PreviousAbdominalSurgeries(0);

    /// <summary>
    /// Uterine leiomyosarcoma diagnosed 2019-05-06 and resected; 4 years later one 85 mm resectable metastasis filling
    /// segments 5–8 after six cycles of doxorubicin-based chemotherapy (partial response); right hepatectomy planned,
    /// estimated standardised future liver remnant 35 %; ECOG 1, ASA II, no significant comorbidities.
    /// </summary>
    public static PatientBuilder MajorHepatectomyAfterChemotherapy() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.IntraAbdominalVisceral, diagnosedOn: new LocalDate(2019, 5, 6), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2019, 6, 3))
            .MetastasesDetectedOn(new LocalDate(2023, 5, 15))
            .AddLesion(MetastaticSite.Liver, sizeMm: 85, l => l.InSegments(5, 6, 7, 8).Resectable().Central(false).WithVascularInvolvement(false))
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithSystemicTherapy(received: true, response: TreatmentResponse.PartialResponse, ongoing: false)
            .WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 35m, extensivePriorChemotherapy: true)
            .WithPerformanceStatus(1)
            .WithAsaClass(2)
            .WithComorbidities(false)
            .FitForSurgery()
            .NoPreviousLiverResection()
            .PreviousAbdominalSurgeries(1);

    /// <summary>The synchronous leiomyosarcoma vignette after induction chemotherapy with a partial response; the liver lesion remains.</summary>
    public static PatientBuilder SynchronousOmdAfterPartialResponse() =>
        SynchronousOmdOnInduction()
            .WithSystemicTherapy(received: true, response: TreatmentResponse.PartialResponse, ongoing: false);

    /// <summary>
    /// Retroperitoneal leiomyosarcoma whose two metachronous liver metastases were resected (R0) in 2023; follow-up
    /// imaging shows no evidence of disease.
    /// </summary>
    public static PatientBuilder NoEvidenceOfDiseaseAfterLiverResection() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2021, 3, 1), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2021, 4, 12))
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .NoEvidenceOfDisease()
            .NoDiffuseInvolvement()
            .AddLiverResection(new LocalDate(2023, 10, 20), ResectionMargin.R0)
            .WithStaging(contrastCt: true, liverMri: true)
            .WithPerformanceStatus(0);
}
