using System.Linq;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Tests.Samples;
using Sarcoma.Consensus.Fhir.Tests.Support;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// A Tumor BodyStructure whose RelatedCondition is missing from the record (found by a fresh breaking check: deleting the
/// liver SecondaryCancerCondition of liver-and-lung-omd, but not its tumour, made the engine say "no liver metastasis is
/// recorded" and turned 4.1 from applies into does-not-apply). Absence of a resource is unknown, never "no".
/// </summary>
public sealed class DanglingTumorTests
{
    private const string Sample = "liver-and-lung-omd";

    [Fact]
    public void A_tumour_whose_condition_is_missing_leaves_the_lesions_unknown_not_absent()
    {
        var mapping = McodeMapper.Default.Map(WithoutEntry(SampleBundleTests.SampleBundle(Sample), "Condition/metastasis-liver"));

        Assert.Equal(UnknownReason.Ambiguous, mapping.Report.UnknownEntry(FactNames.Lesions)!.Reason);
        Assert.Empty(mapping.PendingLesions);
    }

    [Fact]
    public void Deleting_the_liver_condition_never_turns_applies_into_does_not_apply()
    {
        var bundle = SampleBundleTests.SampleBundle(Sample);
        // With the record's lesions confirmed complete (the Questionnaire's yes): deleting the condition must not turn that into "no".
        var before = ConsensusEngine.Default.Evaluate(ConfirmedLesions.Patient(McodeMapper.Default.Map(bundle)), SampleBundleTests.AsOf);
        var after = ConsensusEngine.Default.Evaluate(ConfirmedLesions.Patient(McodeMapper.Default.Map(WithoutEntry(bundle, "Condition/metastasis-liver"))), SampleBundleTests.AsOf);

        Assert.Contains(before.Results, r => r.Status == EvaluationStatus.Applies);
        var flipped = before.Results
            .Where(r => r.Status == EvaluationStatus.Applies && after[r.Id]!.Status == EvaluationStatus.DoesNotApply)
            .Select(r => r.Id)
            .ToList();
        Assert.Empty(flipped);
    }

    private static Bundle WithoutEntry(Bundle bundle, string reference)
    {
        var copy = (Bundle)bundle.DeepCopy();
        var removed = copy.Entry.RemoveAll(e => e.Resource is { } r && r.TypeName + "/" + r.Id == reference);
        Assert.Equal(1, removed);
        return copy;
    }
}
