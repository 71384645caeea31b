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
    /// The metachronous leiomyosarcoma vignette (two resectable right-lobe liver metastases) with one resectable 15 mm
    /// peritoneal nodule (no diffuse sarcomatosis): OMD by 1.1 (3 lesions, 2 sites), but extrahepatic disease outside the
    /// lung, which neither 5.3 (liver only) nor 5.4 (liver and lung only) covers (section 3.1: a more systemic disease).
    /// </summary>
    public static PatientBuilder MetachronousLiverOmdWithPeritonealNodule() =>
        MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Peritoneum, sizeMm: 15, l => l.Resectable().Ablatable());

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

    /// <summary>
    /// Early liver recurrence: retroperitoneal leiomyosarcoma (G2) diagnosed 2020-01-13 and resected; liver metastasectomy
    /// (R0) on 2024-01-15 without adjuvant chemotherapy; two resectable liver lesions (segments 3 and 7) found 2024-09-16,
    /// 8 months later (TFI 8 months); fully staged; no diffuse disease; ECOG 0, fit; two previous abdominal surgeries.
    /// </summary>
    public static PatientBuilder LiverRecurrenceEightMonthsAfterResection() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2020, 1, 13), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2020, 2, 10))
            .AddLiverResection(new LocalDate(2024, 1, 15), ResectionMargin.R0)
            .AdjuvantTherapyAfterFirstLiverResection(false)
            .PreviousAbdominalSurgeries(2)
            .MetastasesDetectedOn(new LocalDate(2024, 9, 16))
            .AddLesion(MetastaticSite.Liver, sizeMm: 19, l => l.InSegments(3).Resectable().Ablatable())
            .AddLesion(MetastaticSite.Liver, sizeMm: 24, l => l.InSegments(7).Resectable().Ablatable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(0)
            .WithComorbidities(false)
            .FitForSurgery();

    /// <summary>
    /// The metachronous leiomyosarcoma of <see cref="MetachronousLiverOnlyOmd"/> (two resectable right-lobe liver
    /// metastases found 30 months after diagnosis, fully staged, ECOG 0) with no record of whether a liver resection was
    /// ever done.
    /// </summary>
    public static PatientBuilder MetachronousLiverOmdWithoutSurgicalHistory() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2021, 3, 1), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2021, 4, 12))
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: 32, l => l.InSegments(6).Resectable().Ablatable(false))
            .AddLesion(MetastaticSite.Liver, sizeMm: 14, l => l.InSegments(7).Resectable().Ablatable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(0)
            .WithAsaClass(2)
            .FitForSurgery();

    /// <summary>
    /// Extremity myxofibrosarcoma diagnosed 2021-11-08 and resected; 26 months later a single 62 mm resectable liver
    /// metastasis spanning segments 4 and 8 across the midline, central, abutting the middle hepatic vein (vascular
    /// involvement); fully staged; ECOG 1, fit; no previous liver resection.
    /// </summary>
    public static PatientBuilder SingleCentralLesionAcrossTheMidline() =>
        Patient.Builder()
            .WithPrimary(Histology.Myxofibrosarcoma, PrimarySite.Extremity, diagnosedOn: new LocalDate(2021, 11, 8), grade: HistologicGrade.G3)
            .Resected(on: new LocalDate(2021, 12, 13))
            .MetastasesDetectedOn(new LocalDate(2024, 1, 22))
            .AddLesion(MetastaticSite.Liver, sizeMm: 62, l => l.InSegments(4, 8).Resectable().Central().WithVascularInvolvement())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(1)
            .FitForSurgery()
            .NoPreviousLiverResection();

    /// <summary>
    /// The metachronous leiomyosarcoma of <see cref="MetachronousLiverOnlyOmd"/> (two resectable right-lobe liver
    /// metastases, fully staged, no previous liver resection) with neither a fitness verdict nor an ECOG performance status
    /// recorded: fitness for surgery has not been assessed.
    /// </summary>
    public static PatientBuilder MetachronousLiverOmdWithoutFitness() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2021, 3, 1), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2021, 4, 12))
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: 32, l => l.InSegments(6).Resectable().Ablatable(false))
            .AddLesion(MetastaticSite.Liver, sizeMm: 14, l => l.InSegments(7).Resectable().Ablatable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .NoPreviousLiverResection();
}
