using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace Sarcoma.Consensus.Model;

/// <summary>
/// Builds a <see cref="Patient"/> in the order of the clinical story. Anything not said stays unknown.
/// <see cref="Build()"/> validates everything at once.
/// </summary>
/// <example>
/// <code>
/// var patient = Patient.Builder()
///     .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2021, 3, 1))
///     .Resected(on: new LocalDate(2021, 4, 12))
///     .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
///     .AddLesion(MetastaticSite.Liver, sizeMm: 32, l => l.InSegments(6).Resectable())
///     .NoDiffuseInvolvement()
///     .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
///     .WithPerformanceStatus(ecog: 0)
///     .Build();
/// </code>
/// </example>
/// <remarks>A builder is mutable and not thread-safe; the patient it builds is immutable.</remarks>
public sealed class PatientBuilder
{
    private readonly List<Lesion> lesions = new();
    private readonly List<LiverResection> liverResections = new();
    private PrimaryTumor? primary;
    private LocalDate? metastasesDetectedOn;
    private DiffuseInvolvement diffuse = new();
    private bool metastaticDiseaseStated;
    private bool? noEvidenceOfDisease;
    private Staging staging = new();
    private ClinicalStatus clinical = new();
    private TreatmentHistory treatment = new();
    private LiverSurgeryPlan liverSurgery = new();
    private FocalTherapyContraindications contraindications = new();
    private OriginUncertainty originUncertainty = new();

    internal PatientBuilder()
    {
    }

    /// <summary>Describes the primary tumour.</summary>
    /// <param name="histology">The histology, or <see langword="null"/> when unknown.</param>
    /// <param name="site">The primary site.</param>
    /// <param name="diagnosedOn">The date of initial diagnosis.</param>
    /// <param name="grade">The histologic grade.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithPrimary(Histology? histology, PrimarySite? site = null, LocalDate? diagnosedOn = null, HistologicGrade? grade = null)
    {
        primary = (primary ?? new PrimaryTumor()) with { Histology = histology, Site = site, DiagnosedOn = diagnosedOn, Grade = grade };
        return this;
    }

    /// <summary>Records that the primary tumour was resected.</summary>
    /// <param name="on">The date of resection, when known.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder Resected(LocalDate? on = null)
    {
        primary = (primary ?? new PrimaryTumor()) with { Resected = true, ResectedOn = on };
        return this;
    }

    /// <summary>Records whether the primary tumour was resected. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="resected"><see langword="true"/> as <see cref="Resected(LocalDate?)"/> (a resection date already recorded is kept), <see langword="false"/> as <see cref="PrimaryInPlace(bool?)"/> (a resectability already recorded is kept), or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder PrimaryResected(bool? resected)
    {
        if (resected is null && primary is null)
        {
            return this;
        }

        // A resection date already recorded stays only while the primary is still known to be resected.
        var current = primary ?? new PrimaryTumor();
        primary = current with { Resected = resected, ResectedOn = resected == true ? current.ResectedOn : null };
        return this;
    }

    /// <summary>Records that the primary tumour is still in place, and whether it is resectable.</summary>
    /// <param name="resectable">Whether it is resectable, or <see langword="null"/> when not yet known.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder PrimaryInPlace(bool? resectable = null)
    {
        primary = (primary ?? new PrimaryTumor()) with { Resected = false, ResectedOn = null, Resectable = resectable };
        return this;
    }

    /// <summary>Records when the metastases (or the current recurrence) were detected.</summary>
    /// <param name="date">The date of detection.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder MetastasesDetectedOn(LocalDate date)
    {
        metastasesDetectedOn = date;
        metastaticDiseaseStated = true;
        return this;
    }

    /// <summary>Records when the metastases (or the current recurrence) were detected. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="date">The date of detection (as <see cref="MetastasesDetectedOn(LocalDate)"/>), or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder MetastasesDetectedOn(LocalDate? date)
    {
        if (date is { } value)
        {
            return MetastasesDetectedOn(value);
        }

        metastasesDetectedOn = null;
        return this;
    }

    /// <summary>
    /// Records that there is currently no evidence of metastatic disease (for example in follow-up after a complete
    /// metastasectomy). Lesions must not be added as well.
    /// </summary>
    /// <returns>This builder.</returns>
    public PatientBuilder NoEvidenceOfDisease()
    {
        noEvidenceOfDisease = true;
        metastaticDiseaseStated = true;
        return this;
    }

    /// <summary>Records whether there is currently no evidence of metastatic disease. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="noEvidenceOfDisease"><see langword="true"/> as <see cref="NoEvidenceOfDisease()"/>; <see langword="false"/> when disease is known to be present, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder NoEvidenceOfDisease(bool? noEvidenceOfDisease)
    {
        this.noEvidenceOfDisease = noEvidenceOfDisease;
        if (noEvidenceOfDisease is not null)
        {
            metastaticDiseaseStated = true;
        }

        return this;
    }

    /// <summary>Adds a current metastatic lesion.</summary>
    /// <param name="site">Its organ.</param>
    /// <param name="sizeMm">Its largest diameter in millimetres, when known.</param>
    /// <param name="configure">Further facts about the lesion.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder AddLesion(MetastaticSite site, decimal? sizeMm = null, Action<LesionBuilder>? configure = null)
    {
        var builder = new LesionBuilder(site, sizeMm);
        configure?.Invoke(builder);
        lesions.Add(builder.Build());
        metastaticDiseaseStated = true;
        return this;
    }

    /// <summary>Adds several identical lesions, for example seven small lung nodules.</summary>
    /// <param name="count">How many.</param>
    /// <param name="site">Their organ.</param>
    /// <param name="sizeMm">Their size, when known.</param>
    /// <param name="configure">Further facts shared by the lesions.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="PatientValidator.MaximumLesions"/>.</exception>
    public PatientBuilder AddLesions(int count, MetastaticSite site, decimal? sizeMm = null, Action<LesionBuilder>? configure = null)
    {
        if (count < 0 || count > PatientValidator.MaximumLesions)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"A count of lesions must be 0 to {PatientValidator.MaximumLesions}.");
        }

        for (var i = 0; i < count; i++)
        {
            AddLesion(site, sizeMm, configure);
        }

        return this;
    }

    /// <summary>Records diffuse-organ involvement (sarcomatosis). Unspecified organs stay unknown.</summary>
    /// <param name="pleural">Pleural sarcomatosis.</param>
    /// <param name="pericardial">Pericardial sarcomatosis.</param>
    /// <param name="peritoneal">Peritoneal sarcomatosis.</param>
    /// <param name="leptomeningeal">Leptomeningeal sarcomatosis.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithDiffuseInvolvement(bool? pleural = null, bool? pericardial = null, bool? peritoneal = null, bool? leptomeningeal = null)
    {
        diffuse = new DiffuseInvolvement { Pleural = pleural, Pericardial = pericardial, Peritoneal = peritoneal, Leptomeningeal = leptomeningeal };
        metastaticDiseaseStated = true;
        return this;
    }

    /// <summary>Records that staging excluded pleural, pericardial, peritoneal and leptomeningeal sarcomatosis.</summary>
    /// <returns>This builder.</returns>
    public PatientBuilder NoDiffuseInvolvement() => WithDiffuseInvolvement(false, false, false, false);

    /// <summary>Records which staging examinations were done. Unspecified ones stay unknown.</summary>
    /// <param name="contrastCt">Contrast-enhanced CT.</param>
    /// <param name="liverMri">Liver MRI.</param>
    /// <param name="fdgPetCt">18F-FDG-PET/CT.</param>
    /// <param name="brainMri">Brain MRI.</param>
    /// <param name="spineMri">Total-spine MRI.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithStaging(bool? contrastCt = null, bool? liverMri = null, bool? fdgPetCt = null, bool? brainMri = null, bool? spineMri = null)
    {
        staging = new Staging { ContrastCt = contrastCt, LiverMri = liverMri, FdgPetCt = fdgPetCt, BrainMri = brainMri, SpineMri = spineMri };
        return this;
    }

    /// <summary>Records the ECOG performance status.</summary>
    /// <param name="ecog">0–5.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithPerformanceStatus(int ecog)
    {
        clinical = clinical with { Ecog = ecog };
        return this;
    }

    /// <summary>Records the ECOG performance status. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="ecog">0–5, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithPerformanceStatus(int? ecog)
    {
        clinical = clinical with { Ecog = ecog };
        return this;
    }

    /// <summary>Records the ASA physical status class.</summary>
    /// <param name="asaClass">1–6.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithAsaClass(int asaClass)
    {
        clinical = clinical with { AsaClass = asaClass };
        return this;
    }

    /// <summary>Records the ASA physical status class. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="asaClass">1–6, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithAsaClass(int? asaClass)
    {
        clinical = clinical with { AsaClass = asaClass };
        return this;
    }

    /// <summary>Records whether the patient has significant comorbidities.</summary>
    /// <param name="significant">Whether they are significant.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithComorbidities(bool significant = true)
    {
        clinical = clinical with { SignificantComorbidities = significant };
        return this;
    }

    /// <summary>Records whether the patient has significant comorbidities. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="significant">Whether they are significant, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithComorbidities(bool? significant)
    {
        clinical = clinical with { SignificantComorbidities = significant };
        return this;
    }

    /// <summary>Records whether the patient is medically fit for major surgery.</summary>
    /// <param name="fit">Whether fit.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder FitForSurgery(bool fit = true)
    {
        clinical = clinical with { FitForSurgery = fit };
        return this;
    }

    /// <summary>Records whether the patient is medically fit for major surgery. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="fit">Whether fit, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder FitForSurgery(bool? fit)
    {
        clinical = clinical with { FitForSurgery = fit };
        return this;
    }

    /// <summary>Records systemic therapy for metastatic disease.</summary>
    /// <param name="received">Whether any was received.</param>
    /// <param name="response">The best response, when known.</param>
    /// <param name="ongoing">Whether the patient is on it now.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithSystemicTherapy(bool received = true, TreatmentResponse? response = null, bool? ongoing = null)
    {
        treatment = treatment with { SystemicTherapyReceived = received, SystemicTherapyResponse = response, OnSystemicTherapy = ongoing };
        return this;
    }

    /// <summary>Records systemic therapy for metastatic disease. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="received">Whether any was received, or <see langword="null"/> when unknown.</param>
    /// <param name="response">The best response, or <see langword="null"/> when unknown.</param>
    /// <param name="ongoing">Whether the patient is on it now, or <see langword="null"/> when unknown.</param>
    /// <returns>This builder.</returns>
    /// <remarks>Each <see langword="null"/> leaves (or makes again) that fact unknown, exactly as if it had never been recorded.</remarks>
    public PatientBuilder WithSystemicTherapy(bool? received, TreatmentResponse? response, bool? ongoing)
    {
        treatment = treatment with { SystemicTherapyReceived = received, SystemicTherapyResponse = response, OnSystemicTherapy = ongoing };
        return this;
    }

    /// <summary>Records whether induction (preoperative) systemic therapy is planned or proposed.</summary>
    /// <param name="planned">Whether planned.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder InductionTherapyPlanned(bool planned = true)
    {
        treatment = treatment with { InductionTherapyPlanned = planned };
        return this;
    }

    /// <summary>Records whether induction (preoperative) systemic therapy is planned or proposed. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="planned">Whether planned, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder InductionTherapyPlanned(bool? planned)
    {
        treatment = treatment with { InductionTherapyPlanned = planned };
        return this;
    }

    /// <summary>Records when the last treatment ended (for the treatment-free interval).</summary>
    /// <param name="date">The date.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder LastTreatmentEndedOn(LocalDate date)
    {
        treatment = treatment with { LastTreatmentEndedOn = date };
        return this;
    }

    /// <summary>Records when the last treatment ended (for the treatment-free interval). Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="date">The date, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder LastTreatmentEndedOn(LocalDate? date)
    {
        treatment = treatment with { LastTreatmentEndedOn = date };
        return this;
    }

    /// <summary>Adds a previous liver resection.</summary>
    /// <param name="on">Its date, when known.</param>
    /// <param name="margin">Its margin, when known.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder AddLiverResection(LocalDate? on, ResectionMargin? margin = null)
    {
        liverResections.Add(new LiverResection { PerformedOn = on, Margin = margin });
        return this;
    }

    /// <summary>Records that the patient has never had a liver resection.</summary>
    /// <returns>This builder.</returns>
    public PatientBuilder NoPreviousLiverResection()
    {
        treatment = treatment with { PreviousLiverResection = false };
        return this;
    }

    /// <summary>Records whether the patient has had a liver resection before (the resections themselves are added with <see cref="AddLiverResection"/>). Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="performed"><see langword="false"/> as <see cref="NoPreviousLiverResection"/>; <see langword="true"/> when there was one, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder PreviousLiverResection(bool? performed)
    {
        treatment = treatment with { PreviousLiverResection = performed };
        return this;
    }

    /// <summary>Records whether adjuvant systemic therapy followed the first liver resection.</summary>
    /// <param name="given">Whether it was given.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder AdjuvantTherapyAfterFirstLiverResection(bool given = true)
    {
        treatment = treatment with { AdjuvantTherapyAfterFirstLiverResection = given };
        return this;
    }

    /// <summary>Records whether adjuvant systemic therapy followed the first liver resection. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="given">Whether it was given, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder AdjuvantTherapyAfterFirstLiverResection(bool? given)
    {
        treatment = treatment with { AdjuvantTherapyAfterFirstLiverResection = given };
        return this;
    }

    /// <summary>Records the number of previous abdominal surgeries.</summary>
    /// <param name="count">The number.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder PreviousAbdominalSurgeries(int count)
    {
        treatment = treatment with { PreviousAbdominalSurgeries = count };
        return this;
    }

    /// <summary>Records the number of previous abdominal surgeries. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="count">The number (0 or more), or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public PatientBuilder PreviousAbdominalSurgeries(int? count)
    {
        treatment = treatment with { PreviousAbdominalSurgeries = count };
        return this;
    }

    /// <summary>Records the liver-surgery plan.</summary>
    /// <param name="majorHepatectomy">Whether a major hepatectomy is planned.</param>
    /// <param name="futureLiverRemnantPercent">The estimated standardised future liver remnant, in percent.</param>
    /// <param name="extensivePriorChemotherapy">Whether the patient had extensive prior chemotherapy.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithLiverSurgeryPlan(bool? majorHepatectomy = null, decimal? futureLiverRemnantPercent = null, bool? extensivePriorChemotherapy = null)
    {
        liverSurgery = new LiverSurgeryPlan
        {
            MajorHepatectomyPlanned = majorHepatectomy,
            FutureLiverRemnantPercent = futureLiverRemnantPercent,
            ExtensivePriorChemotherapy = extensivePriorChemotherapy,
        };
        return this;
    }

    /// <summary>Records contraindications to focal therapy. Unspecified ones stay unknown.</summary>
    /// <param name="uncorrectableCoagulopathy">Uncorrectable coagulopathy (absolute).</param>
    /// <param name="activeInfectionInTreatmentArea">Active infection in the planned treatment area (absolute).</param>
    /// <param name="adjacentStructuresNotProtectable">Adjacent critical structures that cannot be protected (relative).</param>
    /// <param name="decompensatedLiverFailure">Decompensated liver failure (relative).</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithFocalTherapyContraindications(bool? uncorrectableCoagulopathy = null, bool? activeInfectionInTreatmentArea = null, bool? adjacentStructuresNotProtectable = null, bool? decompensatedLiverFailure = null)
    {
        contraindications = new FocalTherapyContraindications
        {
            UncorrectableCoagulopathy = uncorrectableCoagulopathy,
            ActiveInfectionInTreatmentArea = activeInfectionInTreatmentArea,
            AdjacentStructuresNotProtectable = adjacentStructuresNotProtectable,
            DecompensatedLiverFailure = decompensatedLiverFailure,
        };
        return this;
    }

    /// <summary>Records that none of the four contraindications to focal therapy is present.</summary>
    /// <returns>This builder.</returns>
    public PatientBuilder NoFocalTherapyContraindications() => WithFocalTherapyContraindications(false, false, false, false);

    /// <summary>Records facts that bear on the origin of a liver lesion.</summary>
    /// <param name="hccRiskFactors">Risk factors for hepatocellular carcinoma.</param>
    /// <param name="colorectalCancerHistory">History of colorectal cancer.</param>
    /// <param name="otherCancerHistory">History of another cancer.</param>
    /// <returns>This builder.</returns>
    public PatientBuilder WithOriginUncertainty(bool? hccRiskFactors = null, bool? colorectalCancerHistory = null, bool? otherCancerHistory = null)
    {
        originUncertainty = new OriginUncertainty
        {
            HccRiskFactors = hccRiskFactors,
            ColorectalCancerHistory = colorectalCancerHistory,
            OtherCancerHistory = otherCancerHistory,
        };
        return this;
    }

    /// <summary>Builds the patient and validates it with the default plausible date range (<see cref="PatientValidator"/>).</summary>
    /// <returns>
    /// The immutable patient. Its lists are copies: adding to this builder afterwards, or building again, does not change
    /// it, and two patients built by the same calls are equal.
    /// </returns>
    /// <exception cref="PatientValidationException">The record is inconsistent; every problem is listed.</exception>
    public Patient Build() => Build(null);

    /// <summary>Builds the patient and validates it with the plausible date range of the given options.</summary>
    /// <param name="options">The options the patient will be evaluated with; the defaults when <see langword="null"/>.</param>
    /// <returns>The immutable patient (see <see cref="Build()"/>).</returns>
    /// <exception cref="PatientValidationException">The record is inconsistent; every problem is listed.</exception>
    /// <exception cref="ArgumentException">The options' plausible date range is invalid.</exception>
    public Patient Build(ConsensusOptions? options)
    {
        var patient = new Patient
        {
            Primary = primary,
            Metastases = metastaticDiseaseStated
                ? new MetastaticDisease { DetectedOn = metastasesDetectedOn, NoEvidenceOfDisease = noEvidenceOfDisease, Lesions = lesions.ToArray(), Diffuse = diffuse }
                : null,
            Staging = staging,
            Clinical = clinical,
            Treatment = treatment with { LiverResections = liverResections.ToArray() },
            LiverSurgery = liverSurgery,
            FocalTherapyContraindications = contraindications,
            OriginUncertainty = originUncertainty,
        };
        PatientValidator.EnsureValid(patient, null, options);
        return patient;
    }
}

/// <summary>Describes one lesion for <see cref="PatientBuilder.AddLesion"/>.</summary>
/// <remarks>Mutable and not thread-safe.</remarks>
public sealed class LesionBuilder
{
    private Lesion lesion;

    internal LesionBuilder(MetastaticSite site, decimal? sizeMm)
    {
        lesion = new Lesion { Site = site, SizeMm = sizeMm };
    }

    /// <summary>Records the Couinaud segments (1–8) of a liver lesion.</summary>
    /// <param name="segments">The segments; copied, sorted and without repeats.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> is <see langword="null"/>.</exception>
    public LesionBuilder InSegments(params int[] segments)
    {
        if (segments is null)
        {
            throw new ArgumentNullException(nameof(segments));
        }

        lesion = lesion with { Segments = segments.Distinct().OrderBy(s => s).ToArray() };
        return this;
    }

    /// <summary>Records the liver lobe.</summary>
    /// <param name="lobe">The lobe.</param>
    /// <returns>This builder.</returns>
    public LesionBuilder InLobe(LiverLobe lobe)
    {
        lesion = lesion with { Lobe = lobe };
        return this;
    }

    /// <summary>Records the liver lobe. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="lobe">The lobe, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public LesionBuilder InLobe(LiverLobe? lobe)
    {
        lesion = lesion with { Lobe = lobe };
        return this;
    }

    /// <summary>Records vascular involvement.</summary>
    /// <param name="involved">Whether major vessels are involved.</param>
    /// <returns>This builder.</returns>
    public LesionBuilder WithVascularInvolvement(bool involved = true)
    {
        lesion = lesion with { VascularInvolvement = involved };
        return this;
    }

    /// <summary>Records vascular involvement. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="involved">Whether major vessels are involved, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public LesionBuilder WithVascularInvolvement(bool? involved)
    {
        lesion = lesion with { VascularInvolvement = involved };
        return this;
    }

    /// <summary>Records whether the liver lesion is centrally located.</summary>
    /// <param name="central">Whether central.</param>
    /// <returns>This builder.</returns>
    public LesionBuilder Central(bool central = true)
    {
        lesion = lesion with { CentralLocation = central };
        return this;
    }

    /// <summary>Records whether the liver lesion is centrally located. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="central">Whether central, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public LesionBuilder Central(bool? central)
    {
        lesion = lesion with { CentralLocation = central };
        return this;
    }

    /// <summary>Records whether the lesion causes symptoms.</summary>
    /// <param name="symptomatic">Whether symptomatic.</param>
    /// <returns>This builder.</returns>
    public LesionBuilder Symptomatic(bool symptomatic = true)
    {
        lesion = lesion with { Symptomatic = symptomatic };
        return this;
    }

    /// <summary>Records whether the lesion causes symptoms. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="symptomatic">Whether symptomatic, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public LesionBuilder Symptomatic(bool? symptomatic)
    {
        lesion = lesion with { Symptomatic = symptomatic };
        return this;
    }

    /// <summary>Records whether the lesion is amenable to complete surgical resection.</summary>
    /// <param name="resectable">Whether resectable.</param>
    /// <returns>This builder.</returns>
    public LesionBuilder Resectable(bool resectable = true)
    {
        lesion = lesion with { Resectable = resectable };
        return this;
    }

    /// <summary>Records whether the lesion is amenable to complete surgical resection. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="resectable">Whether resectable, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public LesionBuilder Resectable(bool? resectable)
    {
        lesion = lesion with { Resectable = resectable };
        return this;
    }

    /// <summary>Records that the lesion is not resectable.</summary>
    /// <returns>This builder.</returns>
    public LesionBuilder Unresectable() => Resectable(false);

    /// <summary>Records whether the lesion is amenable to non-surgical ablation.</summary>
    /// <param name="ablatable">Whether ablatable.</param>
    /// <returns>This builder.</returns>
    public LesionBuilder Ablatable(bool ablatable = true)
    {
        lesion = lesion with { Ablatable = ablatable };
        return this;
    }

    /// <summary>Records whether the lesion is amenable to non-surgical ablation. Overload for optional source data: <see langword="null"/> means unknown.</summary>
    /// <param name="ablatable">Whether ablatable, or <see langword="null"/> when unknown: the fact is then left (or made again) unknown, exactly as if it
    /// had never been recorded; unknown is never read as "no".</param>
    /// <returns>This builder.</returns>
    public LesionBuilder Ablatable(bool? ablatable)
    {
        lesion = lesion with { Ablatable = ablatable };
        return this;
    }

    internal Lesion Build() => lesion;
}
