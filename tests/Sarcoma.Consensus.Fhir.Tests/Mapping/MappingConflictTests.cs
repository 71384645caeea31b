using System.Linq;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Model;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// Resources that disagree are never settled by entry order: the fact is left unknown with the reason
/// <see cref="UnknownReason.Conflicting"/>, and the explanation names both FHIR elements (never a value).
/// </summary>
public sealed class MappingConflictTests
{
    [Fact]
    public void Two_ECOG_Observations_of_the_same_date_that_disagree_leave_ECOG_unknown_as_conflicting()
    {
        foreach (var (first, second) in new[] { ("1", "3"), ("3", "1") })
        {
            var mapping = McodeMapper.Default.Map(Bundle(
                Primary(),
                Observation("ps-a", "89247-1", "\"valueInteger\":" + first),
                Observation("ps-b", "89247-1", "\"valueInteger\":" + second)));

            Assert.Null(mapping.Patient.Clinical.Ecog);
            var unknown = mapping.Report.UnknownEntry(FactNames.Ecog)!;
            Assert.Equal(UnknownReason.Conflicting, unknown.Reason);
            Assert.Contains("Bundle.entry[1].resource(Observation).valueInteger", unknown.Explanation);
            Assert.Contains("Bundle.entry[2].resource(Observation).valueInteger", unknown.Explanation);
        }
    }

    [Fact]
    public void Two_ECOG_Observations_of_the_same_date_that_agree_are_read()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Observation("ps-a", "89247-1", "\"valueInteger\":1"),
            Observation("ps-b", "89247-1", "\"valueInteger\":1")));

        Assert.Equal(1, mapping.Patient.Clinical.Ecog);
    }

    [Fact]
    public void A_later_ECOG_Observation_is_read_over_an_earlier_one_that_differs()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Observation("ps-a", "89247-1", "\"valueInteger\":1", date: "2025-09-10"),
            Observation("ps-b", "89247-1", "\"valueInteger\":2", date: "2025-10-10")));

        Assert.Equal(2, mapping.Patient.Clinical.Ecog);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_refuted_and_a_confirmed_peritoneal_condition_of_the_same_date_leave_the_site_unknown(bool refutedFirst)
    {
        var refuted = Secondary("no-peritoneal", "128462008", bodySite: "15425007", verification: "refuted", clinical: null);
        var confirmed = Secondary("peritoneal", "128462008", bodySite: "15425007");
        var mapping = McodeMapper.Default.Map(refutedFirst ? Bundle(Primary(), refuted, confirmed) : Bundle(Primary(), confirmed, refuted));

        Assert.Null(mapping.Patient.Metastases!.Diffuse.Peritoneal);
        var unknown = mapping.Report.UnknownEntry(FactNames.DiffusePeritoneal)!;
        Assert.Equal(UnknownReason.Conflicting, unknown.Reason);
        Assert.Contains("Bundle.entry[1].resource(Condition)", unknown.Explanation);
        Assert.Contains("Bundle.entry[2].resource(Condition)", unknown.Explanation);
    }

    [Fact]
    public void A_refutation_dated_before_a_later_diagnosis_is_superseded_by_it()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Secondary("no-peritoneal", "128462008", bodySite: "15425007", verification: "refuted", clinical: null, onset: "2024-01-10"),
            Secondary("peritoneal", "128462008", bodySite: "15425007", onset: "2025-09-02")));

        Assert.True(mapping.Patient.Metastases!.Diffuse.Peritoneal);
    }

    [Fact]
    public void A_refuted_and_an_active_liver_condition_leave_the_lesions_unknown_as_conflicting()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Secondary("liver", "94381002"),
            Secondary("no-liver", "94381002", verification: "refuted", clinical: null),
            Tumor("t1", "liver"),
            TumorSize("s1", "t1", 2.1m, "cm")));

        Assert.Empty(mapping.PendingLesions);
        Assert.Equal(UnknownReason.Conflicting, mapping.Report.UnknownEntry(FactNames.Lesions)!.Reason);
    }

    [Fact]
    public void Two_TumorSize_Observations_of_the_same_tumour_and_date_that_disagree_leave_the_size_unknown()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Secondary("liver", "94381002"),
            Tumor("t1", "liver"),
            TumorSize("s1", "t1", 2.1m, "cm"),
            TumorSize("s2", "t1", 35m, "mm")));

        var lesion = Assert.Single(mapping.PendingLesions);
        Assert.Null(lesion.SizeMm);
        var unknown = mapping.Report.UnknownEntry("metastases.lesions[0].sizeMm")!;
        Assert.Equal(UnknownReason.Conflicting, unknown.Reason);
        Assert.Contains("Bundle.entry[3].resource(Observation).valueQuantity", unknown.Explanation);
        Assert.Contains("Bundle.entry[4].resource(Observation).valueQuantity", unknown.Explanation);
        Assert.DoesNotContain("35", unknown.Explanation);
    }
}
