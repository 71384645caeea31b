using System;
using NodaTime;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Remetastasectomy;

/// <summary>
/// The reason a short-TFI liver recurrence is not a candidate now names 9.2's branch: systemic treatment first when no
/// adjuvant chemotherapy followed the first resection, case by case (11.2) after it, both when that is not recorded
/// (9.2: "…if they have not received adjuvant chemotherapy after the first resection, or on a case-by-case basis
/// according to recommendation 11.2"). Found by a paper-only clinical read: the situation line said "systemic treatment
/// comes first (9.2)" after adjuvant chemotherapy.
/// </summary>
public sealed class ShortTfiSystemicBranchWordingTests
{
    private static string Basis(bool? adjuvant)
    {
        // Liver resection 2021-05-20; the last treatment (the resection, or adjuvant chemotherapy after it) ended
        // 2021-09-20; recurrence 8 months later, so the TFI is known and below 9.1's bound on every branch.
        var builder = Vignettes.LiverRecurrenceAfterResection()
            .LastTreatmentEndedOn(new LocalDate(2021, 9, 20))
            .MetastasesDetectedOn(new LocalDate(2021, 9, 20).PlusMonths(8))
            .WithLiverSurgeryPlan(majorHepatectomy: false);
        var patient = builder.Build();
        patient = patient with { Treatment = patient.Treatment with { AdjuvantTherapyAfterFirstLiverResection = adjuvant } };
        var candidacy = LiverResectionCandidacy.Assess(new Sarcoma.Consensus.Evaluation.EvaluationContext(patient, Vignettes.AsOf));
        Assert.True(candidacy.RecurrenceBelowTreatmentFreeInterval);
        return candidacy.CandidateBasisMessage.Text;
    }

    [Fact]
    public void Without_adjuvant_chemotherapy_systemic_treatment_comes_first()
    {
        var basis = Basis(false);

        Assert.Contains("systemic treatment comes first (9.2)", basis, StringComparison.Ordinal);
        Assert.DoesNotContain("case by case", basis, StringComparison.Ordinal);
    }

    [Fact]
    public void After_adjuvant_chemotherapy_preoperative_systemic_treatment_is_case_by_case()
    {
        var basis = Basis(true);

        Assert.Contains("decided case by case (9.2, 11.2)", basis, StringComparison.Ordinal);
        Assert.DoesNotContain("comes first (9.2)", basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Adjuvant_not_recorded_names_both_branches()
    {
        var basis = Basis(null);

        Assert.Contains("comes first if no adjuvant chemotherapy followed the first resection, otherwise case by case (9.2, 11.2)", basis, StringComparison.Ordinal);
    }
}
