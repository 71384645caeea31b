using System.Linq;
using NodaTime;
using Sarcoma.Consensus.InductionTherapy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.InductionTherapy;

/// <summary>The 11.2 factors: each read from the record or marked unknown.</summary>
public sealed class PreoperativeChemotherapyFactorsTests
{
    private static PreoperativeChemotherapyFactor Factor(PatientBuilder builder, PreoperativeChemotherapyFactorKind kind) =>
        PreoperativeChemotherapyFactors.Assess(builder.Context()).Factors.Single(f => f.Kind == kind);

    [Fact]
    public void Factors_come_in_the_order_of_11_2_with_timing_last()
    {
        var factors = PreoperativeChemotherapyFactors.Assess(Vignettes.MetachronousLiverOnlyOmd().Context()).Factors;

        Assert.Equal(
            new[]
            {
                PreoperativeChemotherapyFactorKind.IntrinsicChemosensitivity, PreoperativeChemotherapyFactorKind.HistologicGrade,
                PreoperativeChemotherapyFactorKind.RiskOfLocalHepaticProgression, PreoperativeChemotherapyFactorKind.SymptomBurden,
                PreoperativeChemotherapyFactorKind.Comorbidities, PreoperativeChemotherapyFactorKind.TimingOfMetastases,
            },
            factors.Select(f => f.Kind));
    }

    [Fact]
    public void Leiomyosarcoma_is_named_chemosensitive_and_other_subtypes_are_left_to_judgement()
    {
        Assert.Contains("names as highly chemosensitive", Factor(Vignettes.MetachronousLiverOnlyOmd(), PreoperativeChemotherapyFactorKind.IntrinsicChemosensitivity).Finding.Sentence);

        var ups = Factor(Vignettes.MetachronousLiverOnlyOmd().WithPrimary(Histology.UndifferentiatedPleomorphicSarcoma, diagnosedOn: new LocalDate(2021, 3, 1)), PreoperativeChemotherapyFactorKind.IntrinsicChemosensitivity);
        Assert.True(ups.IsKnown);
        Assert.Contains("case by case", ups.Finding.Sentence);

        var unknown = Factor(Vignettes.MetachronousLiverOnlyOmd().WithPrimary(null, diagnosedOn: new LocalDate(2021, 3, 1)), PreoperativeChemotherapyFactorKind.IntrinsicChemosensitivity);
        Assert.False(unknown.IsKnown);
    }

    [Fact]
    public void The_risk_of_local_hepatic_progression_is_never_read_from_the_record_but_its_context_is_shown()
    {
        var factor = Factor(Vignettes.UnresectableLiverDiseaseOnChemotherapy(), PreoperativeChemotherapyFactorKind.RiskOfLocalHepaticProgression);

        Assert.False(factor.IsKnown);
        Assert.Contains("largest liver lesion 71 mm; 1 with vascular involvement; 1 centrally located", factor.Finding.Sentence);
    }

    [Fact]
    public void Symptom_burden_is_known_when_a_lesion_is_symptomatic_or_all_are_not()
    {
        Assert.Equal("1", Factor(Vignettes.UnresectableLiverDiseaseOnChemotherapy(), PreoperativeChemotherapyFactorKind.SymptomBurden).Finding.Value);
        Assert.Equal("0", Factor(Vignettes.LiverRecurrenceAfterResection(), PreoperativeChemotherapyFactorKind.SymptomBurden).Finding.Value);
        Assert.False(Factor(Vignettes.MetachronousLiverOnlyOmd(), PreoperativeChemotherapyFactorKind.SymptomBurden).IsKnown);
    }

    [Fact]
    public void Comorbidities_are_read_with_performance_status()
    {
        var factor = Factor(Vignettes.LiverRecurrenceAfterResection(), PreoperativeChemotherapyFactorKind.Comorbidities);

        Assert.True(factor.IsKnown);
        Assert.Equal("Comorbidities: no significant comorbidity recorded (ECOG 0).", factor.Finding.Sentence);
    }

    [Fact]
    public void A_detection_on_the_window_boundary_carries_the_timing_caution()
    {
        var factors = PreoperativeChemotherapyFactors.Assess(Vignettes.SynchronousOmdOnInduction().MetastasesDetectedOn(new LocalDate(2025, 12, 2)).Context());

        Assert.Contains(factors.Cautions, c => c.Contains("6-month boundary"));
    }

    [Fact]
    public void A_liver_recurrence_is_timed_from_the_latest_metastasectomy()
    {
        var factor = Factor(Vignettes.EarlyLiverRecurrenceAfterResection(), PreoperativeChemotherapyFactorKind.TimingOfMetastases);

        Assert.Equal("liver recurrence", factor.Finding.Value);
        Assert.Contains("8 months after the latest liver metastasectomy (2021-05-20)", factor.Finding.Sentence);
        Assert.Contains("relapses with a short DFI", factor.Finding.Sentence);
    }
}
