using System.Linq;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.FocalTherapy;

/// <summary>The focal-therapy picture of section 3.10: contraindications, lesion amenability, modalities.</summary>
public sealed class FocalTherapyAssessmentTests
{
    private static FocalTherapyAssessment Assess(PatientBuilder builder) => FocalTherapyAssessment.Assess(builder.Context());

    [Fact]
    public void All_four_contraindications_absent_is_none_recorded()
    {
        var focal = Assess(Vignettes.UnresectableLiverDiseaseOnChemotherapy());

        Assert.Equal(FocalTherapyContraindicationStatus.NoneRecorded, focal.Status);
        Assert.False(focal.AbsoluteContraindicationPresent);
        Assert.False(focal.RelativeContraindicationPresent);
        Assert.Empty(focal.Missing);
        Assert.Empty(focal.Cautions);
    }

    [Fact]
    public void Uncorrectable_coagulopathy_is_an_absolute_contraindication()
    {
        var focal = Assess(Vignettes.UnresectableLiverDiseaseOnChemotherapy()
            .WithFocalTherapyContraindications(uncorrectableCoagulopathy: true, activeInfectionInTreatmentArea: false, adjacentStructuresNotProtectable: false, decompensatedLiverFailure: false));

        Assert.Equal(FocalTherapyContraindicationStatus.AbsoluteContraindication, focal.Status);
        Assert.True(focal.AbsoluteContraindicationPresent);
        Assert.Single(focal.PresentContraindications);
        Assert.Contains(focal.Findings, f => f.Fact == FactNames.UncorrectableCoagulopathy && f.Value == "yes");
    }

    [Fact]
    public void Active_infection_in_the_treatment_area_is_absolute_even_with_a_relative_one_present()
    {
        var focal = Assess(Vignettes.UnresectableLiverDiseaseOnChemotherapy()
            .WithFocalTherapyContraindications(activeInfectionInTreatmentArea: true, decompensatedLiverFailure: true));

        Assert.Equal(FocalTherapyContraindicationStatus.AbsoluteContraindication, focal.Status);
        Assert.True(focal.RelativeContraindicationPresent);
        Assert.Equal(2, focal.Cautions.Count);
    }

    [Fact]
    public void Decompensated_liver_failure_is_relative_and_calls_for_a_risk_benefit_discussion()
    {
        var focal = Assess(Vignettes.UnresectableLiverDiseaseOnChemotherapy()
            .WithFocalTherapyContraindications(false, false, false, decompensatedLiverFailure: true));

        Assert.Equal(FocalTherapyContraindicationStatus.RelativeContraindication, focal.Status);
        Assert.False(focal.AbsoluteContraindicationPresent);
        Assert.Contains(focal.Cautions, c => c.Contains("risk–benefit"));
    }

    [Fact]
    public void Unprotectable_adjacent_structures_with_unassessed_absolutes_are_relative_and_name_what_is_missing()
    {
        var focal = Assess(Vignettes.UnresectableLiverDiseaseOnChemotherapy()
            .WithFocalTherapyContraindications(adjacentStructuresNotProtectable: true));

        Assert.Equal(FocalTherapyContraindicationStatus.RelativeContraindication, focal.Status);
        Assert.Null(focal.AbsoluteContraindicationPresent);
        Assert.Equal(
            new[] { FactNames.UncorrectableCoagulopathy, FactNames.ActiveInfectionInTreatmentArea, FactNames.DecompensatedLiverFailure },
            focal.Missing);
    }

    [Fact]
    public void Nothing_recorded_is_unknown_not_absent()
    {
        var focal = Assess(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(FocalTherapyContraindicationStatus.Unknown, focal.Status);
        Assert.Null(focal.AbsoluteContraindicationPresent);
        Assert.Equal(4, focal.Missing.Count);
    }

    [Fact]
    public void Liver_lesion_amenability_to_ablation_is_counted()
    {
        var focal = Assess(Vignettes.MetachronousLiverOnlyOmd().AddLesion(MetastaticSite.Liver, 9, l => l.Resectable()));

        Assert.Equal(1, focal.AblatableLiverLesions);
        Assert.Equal(1, focal.NonAblatableLiverLesions);
        Assert.Equal(1, focal.LiverLesionsWithUnknownAblatability);
        Assert.Contains(focal.Findings, f => f.Fact == FactNames.LesionAblatable && f.Value == "1/3");
    }

    [Fact]
    public void The_modalities_of_section_3_10_are_named_in_four_groups()
    {
        var modalities = FocalTherapyModality.All;

        Assert.Equal(10, modalities.Count);
        Assert.Equal(new[] { "TAE", "TACE", "TARE" }, modalities.Where(m => m.Group == FocalTherapyModalityGroup.CatheterBasedIntraArterial).Select(m => m.Label));
        Assert.Equal(new[] { "cryoablation", "RFA", "MWA", "laser ablation", "HIFU" }, modalities.Where(m => m.Group == FocalTherapyModalityGroup.ThermalAblation).Select(m => m.Label));
        Assert.Equal("hypothermia", FocalTherapyModality.Cryoablation.Mechanism);
        Assert.All(modalities.Where(m => m.Group == FocalTherapyModalityGroup.ThermalAblation && m != FocalTherapyModality.Cryoablation), m => Assert.Equal("hyperthermia", m.Mechanism));
        Assert.Equal(new[] { FocalTherapyModality.IrreversibleElectroporation }, modalities.Where(m => m.Group == FocalTherapyModalityGroup.NonThermalAblation));
        Assert.Equal(new[] { FocalTherapyModality.StereotacticBodyRadiationTherapy }, modalities.Where(m => m.Group == FocalTherapyModalityGroup.StereotacticBodyRadiotherapy));
        Assert.Equal(modalities.Count, modalities.Select(m => m.Code).Distinct().Count());
    }

    [Fact]
    public void The_modalities_sentence_lists_every_group()
    {
        var sentence = FocalTherapyAssessment.ModalitiesSentence();

        Assert.Equal(
            "Local approaches named by the guideline (section 3.10), each requiring specific expertise: catheter-based intra-arterial therapy (TAE, TACE, TARE); thermal ablation (cryoablation, RFA, MWA, laser ablation, HIFU); non-thermal ablation (IRE); stereotactic body radiation therapy (SBRT).",
            sentence);
    }
}
