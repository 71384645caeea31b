using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Indication;

/// <summary>
/// s22 F6. (a) 5.1 ("should always be previously discussed within a multidisciplinary tumor board") is decided when every
/// value of a missing detection date gives the same status (fifth read F2, left for this round). (b) The ECOG caution
/// cites 9.1 ("a new liver resection") only for a liver recurrence.
/// </summary>
public sealed class MissingDateAndFitnessCitationTests
{
    private static ConsensusReport Evaluate(PatientBuilder builder) => new ConsensusEngine().Evaluate(builder.Build(), Vignettes.AsOf);

    /// <summary>The metachronous liver-only vignette without the date the metastases were detected.</summary>
    private static PatientBuilder DetectionDateUnknown() => Vignettes.MetachronousLiverOnlyOmd().MetastasesDetectedOn((LocalDate?)null);

    // Section 5 (5.1): a missing date that cannot change whether a resection is considered.

    [Fact]
    public void Without_the_detection_date_5_1_applies_when_resection_is_on_the_table_whatever_the_date()
    {
        var report = Evaluate(DetectionDateUnknown());
        var board = report["5.1"]!;

        Assert.Equal(TriState.Unknown, report.LiverResection!.Status);
        Assert.Equal(EvaluationStatus.Applies, board.Status);
        Assert.StartsWith("Liver resection would be on the table whatever the missing date (the date the metastases were detected is not recorded", board.Summary, System.StringComparison.Ordinal);
        Assert.Contains(board.Cautions, c => c.StartsWith("Whether the disease is synchronous or metachronous cannot be told", System.StringComparison.Ordinal));

        // The indications still wait for the date: 5.3 and 8.1 (metachronous), 8.2 (synchronous).
        Assert.Equal(EvaluationStatus.InsufficientData, report["5.3"]!.Status);
        Assert.Equal(EvaluationStatus.InsufficientData, report["8.1"]!.Status);
        Assert.Equal(EvaluationStatus.InsufficientData, report["8.2"]!.Status);
    }

    [Fact]
    public void Without_the_detection_date_progression_on_systemic_therapy_keeps_5_1_undecided()
    {
        // Synchronous and progressing: not a candidate (8.3); metachronous: a candidate. The date decides, so 5.1 waits.
        var report = Evaluate(DetectionDateUnknown().WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease, ongoing: true));

        Assert.Equal(EvaluationStatus.InsufficientData, report["5.1"]!.Status);
        Assert.Contains(FactNames.MetastasesDetectedOn, report["5.1"]!.Missing);
    }

    [Fact]
    public void Without_the_detection_date_a_possible_liver_recurrence_keeps_5_1_undecided()
    {
        // After a dated liver resection, whether the lesions are a recurrence (9.1: TFI, good performance status) turns on the date.
        var report = Evaluate(DetectionDateUnknown().PreviousLiverResection(true).AddLiverResection(new LocalDate(2024, 2, 1), ResectionMargin.R0));

        Assert.Equal(EvaluationStatus.InsufficientData, report["5.1"]!.Status);
    }

    // Section 9 (9.1's population: "a new liver resection"): the ECOG caution's citation.

    [Fact]
    public void The_ECOG_caution_of_a_first_resection_cites_section_1_not_9_1()
    {
        var report = Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(2));
        var caution = report["5.3"]!.Cautions.Single(c => c.StartsWith("ECOG performance status 2", System.StringComparison.Ordinal));

        Assert.Contains("good performance status (section 1); weigh it", caution, System.StringComparison.Ordinal);
        Assert.DoesNotContain("9.1", caution, System.StringComparison.Ordinal);
        Assert.DoesNotContain(report.LiverResection!.Cautions, c => c.Contains("9.1 for a new resection", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_ECOG_caution_cites_9_1_conditionally_while_a_recurrence_is_not_known()
    {
        var report = Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(2).PreviousLiverResection(null));

        Assert.Contains(report.LiverResection!.Cautions, c => c.Contains("(section 1; 9.1 if this is a liver recurrence)", System.StringComparison.Ordinal));
    }
}
