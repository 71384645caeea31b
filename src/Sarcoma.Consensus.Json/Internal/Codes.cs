using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>The JSON codes of every enum in the patient document and the report. The schemas list the same codes.</summary>
internal static class Codes
{
    public static readonly CodeTable<PrimarySite> PrimarySite = new(
        (Model.PrimarySite.Retroperitoneal, "retroperitoneal"),
        (Model.PrimarySite.IntraAbdominalVisceral, "intra-abdominal-visceral"),
        (Model.PrimarySite.Extremity, "extremity"),
        (Model.PrimarySite.Trunk, "trunk"),
        (Model.PrimarySite.Other, "other"));

    public static readonly CodeTable<HistologicGrade> Grade = new(
        (HistologicGrade.G1, "g1"),
        (HistologicGrade.G2, "g2"),
        (HistologicGrade.G3, "g3"));

    public static readonly CodeTable<MetastaticSite> MetastaticSite = new(
        (Model.MetastaticSite.Liver, "liver"),
        (Model.MetastaticSite.Lung, "lung"),
        (Model.MetastaticSite.LymphNode, "lymph-node"),
        (Model.MetastaticSite.Bone, "bone"),
        (Model.MetastaticSite.Brain, "brain"),
        (Model.MetastaticSite.SoftTissue, "soft-tissue"),
        (Model.MetastaticSite.Peritoneum, "peritoneum"),
        (Model.MetastaticSite.Pleura, "pleura"),
        (Model.MetastaticSite.Adrenal, "adrenal"),
        (Model.MetastaticSite.Other, "other"));

    public static readonly CodeTable<LiverLobe> LiverLobe = new(
        (Model.LiverLobe.Left, "left"),
        (Model.LiverLobe.Right, "right"),
        (Model.LiverLobe.Caudate, "caudate"));

    public static readonly CodeTable<TreatmentResponse> TreatmentResponse = new(
        (Model.TreatmentResponse.CompleteResponse, "complete-response"),
        (Model.TreatmentResponse.PartialResponse, "partial-response"),
        (Model.TreatmentResponse.StableDisease, "stable-disease"),
        (Model.TreatmentResponse.ProgressiveDisease, "progressive-disease"));

    public static readonly CodeTable<ResectionMargin> ResectionMargin = new(
        (Model.ResectionMargin.R0, "r0"),
        (Model.ResectionMargin.R1, "r1"),
        (Model.ResectionMargin.R2, "r2"));

    public static readonly CodeTable<MetastasisTiming> Timing = new(
        (MetastasisTiming.Synchronous, "synchronous"),
        (MetastasisTiming.Metachronous, "metachronous"));

    public static readonly CodeTable<TriState> TriState = new(
        (Oligometastasis.TriState.Yes, "yes"),
        (Oligometastasis.TriState.No, "no"),
        (Oligometastasis.TriState.Unknown, "unknown"));

    public static readonly CodeTable<RecommendationKind> Kind = new(
        (RecommendationKind.Definition, "definition"),
        (RecommendationKind.Directive, "directive"),
        (RecommendationKind.ProcessRequirement, "process-requirement"));

    public static readonly CodeTable<RecommendationDirection> Direction = new(
        (RecommendationDirection.For, "for"),
        (RecommendationDirection.Against, "against"),
        (RecommendationDirection.Conditional, "conditional"));

    public static readonly CodeTable<EvidenceLevel> EvidenceLevel = new(
        (Catalog.EvidenceLevel.I, "I"),
        (Catalog.EvidenceLevel.II, "II"),
        (Catalog.EvidenceLevel.III, "III"),
        (Catalog.EvidenceLevel.IV, "IV"),
        (Catalog.EvidenceLevel.V, "V"));

    public static readonly CodeTable<RecommendationStrength> Strength = new(
        (RecommendationStrength.A, "A"),
        (RecommendationStrength.B, "B"),
        (RecommendationStrength.C, "C"),
        (RecommendationStrength.D, "D"),
        (RecommendationStrength.E, "E"));

    public static readonly CodeTable<ImagingModality> ImagingModality = new(
        (Imaging.ImagingModality.ContrastCt, "contrast-ct"),
        (Imaging.ImagingModality.LiverMri, "liver-mri"),
        (Imaging.ImagingModality.FdgPetCt, "fdg-pet-ct"),
        (Imaging.ImagingModality.BrainMri, "brain-mri"),
        (Imaging.ImagingModality.SpineMri, "spine-mri"));

    public static readonly CodeTable<FocalTherapyContraindicationStatus> ContraindicationStatus = new(
        (FocalTherapyContraindicationStatus.AbsoluteContraindication, "absolute"),
        (FocalTherapyContraindicationStatus.RelativeContraindication, "relative"),
        (FocalTherapyContraindicationStatus.NoneRecorded, "none"),
        (FocalTherapyContraindicationStatus.Unknown, "unknown"));

    public static readonly CodeTable<ContraindicationSeverity> Severity = new(
        (ContraindicationSeverity.Absolute, "absolute"),
        (ContraindicationSeverity.Relative, "relative"));

    public static readonly CodeTable<FocalTherapyModalityGroup> ModalityGroup = new(
        (FocalTherapyModalityGroup.CatheterBasedIntraArterial, "catheter-based-intra-arterial"),
        (FocalTherapyModalityGroup.ThermalAblation, "thermal-ablation"),
        (FocalTherapyModalityGroup.NonThermalAblation, "non-thermal-ablation"),
        (FocalTherapyModalityGroup.StereotacticBodyRadiotherapy, "stereotactic-body-radiotherapy"));

    public static readonly CodeTable<FollowUpPhase> FollowUpPhase = new(
        (FollowUp.FollowUpPhase.FirstTwoYears, "first-two-years"),
        (FollowUp.FollowUpPhase.ThroughYearFive, "through-year-five"),
        (FollowUp.FollowUpPhase.Annual, "annual"));

    public static readonly CodeTable<FollowUpExamination> FollowUpExamination = new(
        (FollowUp.FollowUpExamination.PhysicalExamination, "physical-examination"),
        (FollowUp.FollowUpExamination.AbdominalUltrasound, "abdominal-ultrasound"),
        (FollowUp.FollowUpExamination.ContrastEnhancedChestAbdomenCt, "contrast-enhanced-chest-abdomen-ct"));

    public static readonly CodeTable<FollowUpVisitStanding> VisitStanding = new(
        (FollowUpVisitStanding.Past, "past"),
        (FollowUpVisitStanding.Due, "due"),
        (FollowUpVisitStanding.Upcoming, "upcoming"));
}
