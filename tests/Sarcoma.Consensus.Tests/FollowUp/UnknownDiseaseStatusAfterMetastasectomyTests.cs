using System;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.FollowUp;

/// <summary>
/// 12.1, 13.1 and 13.2 after a liver metastasectomy when the record says neither which liver lesions are present now nor
/// that there is no evidence of disease (for example a FHIR record whose liver condition or tumour was not sent): absence
/// of a lesion record is unknown, never "no disease", so none of them is decided (safety rule 1).
/// </summary>
public sealed class UnknownDiseaseStatusAfterMetastasectomyTests
{
    private static Patient InFollowUp(Func<MetastaticDisease, MetastaticDisease> change)
    {
        var patient = Vignettes.LiverMetastasectomyInFollowUp().Build();
        return patient with { Metastases = change(patient.Metastases!) };
    }

    private static ConsensusReport Evaluate(Patient patient) => ConsensusEngine.EvaluateWithDefaults(patient, Vignettes.AsOf);

    [Theory]
    [InlineData("12.1")]
    [InlineData("13.1")]
    [InlineData("13.2")]
    public void Without_a_lesion_record_or_no_evidence_of_disease_the_recommendation_is_undecided_and_asks_for_the_lesions(string id)
    {
        var result = Evaluate(InFollowUp(m => m with { Lesions = Array.Empty<Lesion>(), NoEvidenceOfDisease = null }))[id]!;

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.Lesions, result.Missing);
        Assert.Contains("not known", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("current liver lesions are recorded", result.Summary, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("12.1")]
    [InlineData("13.1")]
    [InlineData("13.2")]
    public void Recording_no_evidence_of_disease_decides_it_again(string id)
    {
        var known = Evaluate(InFollowUp(m => m with { Lesions = Array.Empty<Lesion>(), NoEvidenceOfDisease = true }))[id]!;

        Assert.NotEqual(EvaluationStatus.InsufficientData, known.Status);
        Assert.DoesNotContain(FactNames.Lesions, known.Missing);
    }
}
