using System.Linq;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Oligometastasis;

/// <summary>Boundaries of the OMD definition (1.1/1.2): 5 vs 6 lesions, 2 vs 3 sites, diffuse disease, unknowns.</summary>
public sealed class OligometastaticAssessmentTests
{
    private static PatientBuilder StagedWithResectablePrimary() =>
        Patient.Builder()
            .WithPrimary(Histology.SynovialSarcoma, PrimarySite.Extremity, diagnosedOn: new NodaTime.LocalDate(2020, 1, 10))
            .Resected()
            .MetastasesDetectedOn(new NodaTime.LocalDate(2024, 2, 1))
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, fdgPetCt: true);

    [Fact]
    public void Five_lesions_are_oligometastatic()
    {
        var omd = OligometastaticAssessment.Assess(StagedWithResectablePrimary()
            .AddLesions(5, MetastaticSite.Liver, 10, l => l.Resectable()).Build());

        Assert.Equal(TriState.Yes, omd.Status);
        Assert.Equal(5, omd.LesionCount);
    }

    [Fact]
    public void Six_lesions_are_not_oligometastatic()
    {
        var omd = OligometastaticAssessment.Assess(StagedWithResectablePrimary()
            .AddLesions(6, MetastaticSite.Liver, 10, l => l.Resectable()).Build());

        Assert.Equal(TriState.No, omd.Status);
        Assert.Equal(new[] { "more than 5 metastatic lesions" }, omd.FailingCriteria);
    }

    [Fact]
    public void Two_sites_are_oligometastatic_and_three_are_not()
    {
        var two = StagedWithResectablePrimary()
            .AddLesion(MetastaticSite.Liver, 10, l => l.Resectable())
            .AddLesion(MetastaticSite.Lung, 8, l => l.Resectable());
        Assert.Equal(TriState.Yes, OligometastaticAssessment.Assess(two.Build()).Status);

        var three = two.AddLesion(MetastaticSite.Bone, 12, l => l.Ablatable());
        var omd = OligometastaticAssessment.Assess(three.Build());
        Assert.Equal(TriState.No, omd.Status);
        Assert.Equal(3, omd.SiteCount);
        Assert.Contains("more than 2 metastatic sites", omd.FailingCriteria);
    }

    [Fact]
    public void Every_failing_criterion_is_listed()
    {
        var omd = OligometastaticAssessment.Assess(StagedWithResectablePrimary()
            .AddLesions(4, MetastaticSite.Liver, 10, l => l.Resectable())
            .AddLesion(MetastaticSite.Lung, 5, l => l.Resectable())
            .AddLesion(MetastaticSite.Bone, 30, l => l.Resectable(false).Ablatable(false))
            .WithDiffuseInvolvement(pleural: true, pericardial: false, peritoneal: false, leptomeningeal: false)
            .Build());

        Assert.Equal(TriState.No, omd.Status);
        Assert.Equal(4, omd.FailingCriteria.Count);
        Assert.True(omd.DiffuseInvolvementPresent);
    }

    [Fact]
    public void Diffuse_disease_excludes_even_a_single_lesion()
    {
        var omd = OligometastaticAssessment.Assess(StagedWithResectablePrimary()
            .AddLesion(MetastaticSite.Liver, 10, l => l.Resectable())
            .WithDiffuseInvolvement(false, false, true, false)
            .Build());

        Assert.Equal(TriState.No, omd.Status);
        Assert.Equal(new[] { "diffuse peritoneal sarcomatosis" }, omd.FailingCriteria);
    }

    [Fact]
    public void An_unresectable_primary_in_place_is_not_oligometastatic()
    {
        var omd = OligometastaticAssessment.Assess(StagedWithResectablePrimary()
            .PrimaryInPlace(resectable: false)
            .AddLesion(MetastaticSite.Liver, 10, l => l.Resectable())
            .Build());

        Assert.Equal(TriState.No, omd.Status);
    }

    [Fact]
    public void Unknown_facts_give_unknown_not_no()
    {
        var omd = OligometastaticAssessment.Assess(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma)
            .AddLesion(MetastaticSite.Liver, 20)
            .Build());

        Assert.Equal(TriState.Unknown, omd.Status);
        Assert.Empty(omd.FailingCriteria);
        Assert.Equal(
            new[]
            {
                FactNames.DiffuseLeptomeningeal, FactNames.DiffusePericardial, FactNames.DiffusePeritoneal, FactNames.DiffusePleural,
                FactNames.LesionAblatable, FactNames.LesionResectable, FactNames.PrimaryResected,
                FactNames.StagingContrastCt, FactNames.StagingFdgPetCt, FactNames.StagingLiverMri,
            },
            omd.Missing.ToArray());
    }

    [Fact]
    public void No_recorded_metastases_is_unknown()
    {
        var omd = OligometastaticAssessment.Assess(Vignettes.AlmostNothingKnown().Build());

        Assert.Equal(TriState.Unknown, omd.Status);
        Assert.Contains(FactNames.Metastases, omd.Missing);
    }
}
