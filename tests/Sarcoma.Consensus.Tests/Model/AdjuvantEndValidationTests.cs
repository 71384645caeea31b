using System.Linq;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Model;

/// <summary>
/// Adjuvant chemotherapy after the only liver resection ends after it, so an end of the last treatment on or before that
/// resection is inconsistent input (safety rule 4), named by field: read as recorded, it would count the TFI of 9.1 from
/// the resection and argue a relapse after adjuvant chemotherapy as if none had been given. Found by a paper-only clinical
/// read of a case whose record had both.
/// </summary>
public sealed class AdjuvantEndValidationTests
{
    private static Patient OneResectionWithAdjuvant(int daysAfterTheResection)
    {
        var patient = Vignettes.LiverRecurrenceAfterResection().Build();
        var resected = patient.Treatment.LiverResections.Single().PerformedOn!.Value;
        return patient with
        {
            Treatment = patient.Treatment with
            {
                AdjuvantTherapyAfterFirstLiverResection = true,
                LastTreatmentEndedOn = resected.PlusDays(daysAfterTheResection),
            },
        };
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void A_last_treatment_ending_by_the_only_resection_contradicts_adjuvant_chemotherapy(int days)
    {
        var errors = PatientValidator.Validate(OneResectionWithAdjuvant(days));

        Assert.Contains(errors, e => e.Field == FactNames.LastTreatmentEndedOn && e.Message.Contains("adjuvantTherapyAfterFirstLiverResection", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_last_treatment_ending_after_the_resection_is_consistent()
    {
        var errors = PatientValidator.Validate(OneResectionWithAdjuvant(1));

        Assert.DoesNotContain(errors, e => e.Field == FactNames.LastTreatmentEndedOn);
    }
}
