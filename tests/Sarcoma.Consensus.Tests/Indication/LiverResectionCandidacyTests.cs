using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Indication;

/// <summary>When is liver resection "on the table" (the trigger of the surgical process recommendations)?</summary>
public sealed class LiverResectionCandidacyTests
{
    [Fact]
    public void Resectable_liver_only_OMD_puts_liver_resection_on_the_table()
    {
        var candidacy = LiverResectionCandidacy.Assess(Vignettes.MetachronousLiverOnlyOmd().Context());

        Assert.Equal(TriState.Yes, candidacy.Status);
        Assert.Equal("every liver lesion is resectable", candidacy.Basis);
    }

    [Fact]
    public void Diffuse_peritoneal_sarcomatosis_takes_liver_resection_off_the_table_even_with_resectable_liver_lesions()
    {
        var candidacy = LiverResectionCandidacy.Assess(Vignettes.DiffusePeritonealDisease().Context());

        Assert.Equal(TriState.No, candidacy.Status);
        Assert.Contains("diffuse peritoneal sarcomatosis", candidacy.Basis, System.StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_five_lesions_take_liver_resection_off_the_table()
    {
        var candidacy = LiverResectionCandidacy.Assess(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesions(4, MetastaticSite.Liver, 9, l => l.Resectable()).Context());

        Assert.Equal(TriState.No, candidacy.Status);
        Assert.Contains("more than 5 metastatic lesions", candidacy.Basis, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Incomplete_staging_does_not_take_resection_off_the_table()
    {
        var candidacy = LiverResectionCandidacy.Assess(Vignettes.MetachronousLiverOnlyOmd().WithStaging(contrastCt: true).Context());

        Assert.Equal(TriState.Yes, candidacy.Status);
    }

    [Fact]
    public void An_unresectable_liver_lesion_or_an_unfit_patient_takes_it_off_the_table()
    {
        Assert.Equal(TriState.No, LiverResectionCandidacy.Assess(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 60, l => l.Unresectable().Ablatable()).Context()).Status);
        Assert.Equal(TriState.No, LiverResectionCandidacy.Assess(Vignettes.MetachronousLiverOnlyOmd().FitForSurgery(false).Context()).Status);
    }

    [Fact]
    public void Unknown_resectability_is_unknown_and_named()
    {
        var candidacy = LiverResectionCandidacy.Assess(Vignettes.MetachronousLiverOnlyOmd().AddLesion(MetastaticSite.Liver, 12).Context());

        Assert.Equal(TriState.Unknown, candidacy.Status);
        Assert.Contains(FactNames.LesionResectable, candidacy.Missing);
    }

    [Fact]
    public void No_evidence_of_disease_is_not_a_resection_candidate()
    {
        var candidacy = LiverResectionCandidacy.Assess(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new NodaTime.LocalDate(2020, 1, 1))
            .NoEvidenceOfDisease()
            .Context());

        Assert.Equal(TriState.No, candidacy.Status);
        Assert.Equal(FactNames.NoEvidenceOfDisease, candidacy.Findings[1].Fact);
    }
}
