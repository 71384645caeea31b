using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Oligometastasis;

/// <summary>
/// A staging examination recorded as not done is work-up to do, not a fact "not recorded" (s22 F2). 1.1: OMD "confirmed
/// by morphologic staging and additional imaging and/or nuclear medicine modalities": either liver MRI or FDG-PET/CT
/// completes it, so both are named. The missing facts (JSON paths) are unchanged: the scan's result still decides.
/// </summary>
public sealed class StagingNotDoneTests
{
    private static PatientBuilder LiverOnly(bool? contrastCt, bool? liverMri, bool? fdgPetCt) =>
        Vignettes.MetachronousLiverOnlyOmd().WithStaging(contrastCt: contrastCt, liverMri: liverMri, fdgPetCt: fdgPetCt);

    [Fact]
    public void Liver_MRI_and_PET_recorded_as_not_done_read_as_work_up_naming_either_scan_not_as_not_recorded()
    {
        var builder = LiverOnly(contrastCt: true, liverMri: false, fdgPetCt: false);
        var omd = OligometastaticAssessment.Assess(builder.Build());
        var candidacy = builder.Context().LiverResection;

        Assert.Equal(TriState.Unknown, omd.Status);
        Assert.Equal(new[] { FactNames.StagingFdgPetCt, FactNames.StagingLiverMri }, omd.Missing);
        Assert.Equal("Oligometastatic status undetermined: staging work-up not done yet: FDG-PET/CT or liver MRI (either completes the staging of 1.1).", omd.Findings[0].Sentence);
        Assert.DoesNotContain("not recorded", candidacy.CandidateBasis, System.StringComparison.Ordinal);
        Assert.Equal("staging work-up not done yet: FDG-PET/CT or liver MRI (either completes the staging of 1.1)", candidacy.CandidateBasis);
    }

    [Fact]
    public void Scans_not_recorded_still_read_as_not_recorded()
    {
        var omd = OligometastaticAssessment.Assess(LiverOnly(contrastCt: true, liverMri: null, fdgPetCt: null).Build());

        Assert.Equal("Oligometastatic status undetermined: FDG-PET/CT and liver MRI are not recorded.", omd.Findings[0].Sentence);
    }

    [Fact]
    public void One_scan_not_done_and_the_other_not_recorded_names_both()
    {
        // The PET may have been done (not recorded); the MRI was not: either would complete the staging.
        var omd = OligometastaticAssessment.Assess(LiverOnly(contrastCt: true, liverMri: false, fdgPetCt: null).Build());

        Assert.Equal("Oligometastatic status undetermined: FDG-PET/CT is not recorded; staging work-up not done yet: FDG-PET/CT or liver MRI (either completes the staging of 1.1).", omd.Findings[0].Sentence);
    }

    [Fact]
    public void Contrast_CT_not_done_is_work_up_too()
    {
        var omd = OligometastaticAssessment.Assess(LiverOnly(contrastCt: false, liverMri: true, fdgPetCt: null).Build());

        Assert.Equal("Oligometastatic status undetermined: staging work-up not done yet: contrast-enhanced CT.", omd.Findings[0].Sentence);
        Assert.Equal(new[] { FactNames.StagingContrastCt }, omd.Missing);
    }

    [Fact]
    public void Nothing_done_names_CT_and_either_additional_scan()
    {
        var omd = OligometastaticAssessment.Assess(LiverOnly(contrastCt: false, liverMri: false, fdgPetCt: false).Build());

        Assert.Equal("Oligometastatic status undetermined: staging work-up not done yet: contrast-enhanced CT, and FDG-PET/CT or liver MRI (either completes the staging of 1.1).", omd.Findings[0].Sentence);
    }
}
