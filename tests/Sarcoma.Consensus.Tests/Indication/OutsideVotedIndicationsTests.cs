using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Indication;

/// <summary>
/// "Liver surgery is outside the voted indications 5.3/5.4" is decided once, by the engine
/// (<see cref="LiverResectionCandidacy.IndividualBoardDecision"/>), from a <em>recorded</em> extrahepatic lesion outside liver
/// and lung — also while the candidacy is still unknown (staging not confirmed): more staging can only add lesions (s22 F1;
/// 5.3 "oligometastatic disease confined to the liver", 5.4 "limited extrahepatic disease (lung only)"). Every output reads
/// that decision through the candidacy verdict finding the surgical results carry.
/// </summary>
public sealed class OutsideVotedIndicationsTests
{
    private const string Whatever = "Whatever is still to be recorded, liver surgery is outside the voted indications";

    // Section 5 (5.3, 5.4): the three vignettes of the seventh read (cases 22, 12 and 22b), as builders.

    /// <summary>Two resectable liver metastases and a resectable peritoneal nodule; contrast CT only (no liver MRI, no PET).</summary>
    private static PatientBuilder LiverAndPeritonealNoduleStagingUnconfirmed() =>
        Vignettes.MetachronousLiverOmdWithPeritonealNodule().WithStaging(contrastCt: true, liverMri: null, fdgPetCt: null);

    /// <summary>The same patient fully staged (contrast CT, liver MRI and FDG-PET/CT).</summary>
    private static PatientBuilder LiverAndPeritonealNoduleFullyStaged() => Vignettes.MetachronousLiverOmdWithPeritonealNodule();

    /// <summary>Liver-only disease on the record, contrast CT only: nothing decides "outside 5.3/5.4".</summary>
    private static PatientBuilder LiverOnlyStagingUnconfirmed() =>
        Vignettes.MetachronousLiverOnlyOmd().WithStaging(contrastCt: true, liverMri: null, fdgPetCt: null);

    private static ConsensusReport Evaluate(PatientBuilder builder) => new ConsensusEngine().Evaluate(builder.Build(), Vignettes.AsOf);

    [Fact]
    public void A_recorded_peritoneal_nodule_puts_liver_surgery_outside_the_voted_indications_while_the_staging_is_unconfirmed()
    {
        var report = Evaluate(LiverAndPeritonealNoduleStagingUnconfirmed());
        var candidacy = report.LiverResection!;

        Assert.Equal(TriState.Unknown, candidacy.Candidate);
        Assert.Equal(TriState.Yes, candidacy.Status);
        Assert.True(candidacy.IndividualBoardDecision);
        Assert.Contains(FactNames.StagingLiverMri, candidacy.CandidateMissing);
        Assert.StartsWith("Whether the patient is a candidate for liver surgery is not yet known:", candidacy.CandidateFinding.Sentence, System.StringComparison.Ordinal);
        Assert.Contains(Whatever, candidacy.CandidateFinding.Sentence, System.StringComparison.Ordinal);
        Assert.Contains("neither confined to the liver (5.3) nor lung only (5.4)", candidacy.CandidateFinding.Sentence, System.StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_recorded_peritoneal_nodule_5_3_and_5_4_do_not_apply_whether_or_not_the_staging_is_confirmed()
    {
        // The paper's populations are clearly excluded by a recorded fact: "confined to the liver" (5.3), "lung only" (5.4).
        foreach (var builder in new[] { LiverAndPeritonealNoduleStagingUnconfirmed(), LiverAndPeritonealNoduleFullyStaged() })
        {
            var report = Evaluate(builder);

            var liverOnly = report.Results.Single(r => r.Id == "5.3");
            var liverAndLung = report.Results.Single(r => r.Id == "5.4");
            Assert.Equal(EvaluationStatus.DoesNotApply, liverOnly.Status);
            Assert.Contains("peritoneum", liverOnly.Summary, System.StringComparison.OrdinalIgnoreCase);
            Assert.Equal(EvaluationStatus.DoesNotApply, liverAndLung.Status);
            Assert.Contains("not limited to the lung", liverAndLung.Summary, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_surgical_results_carry_the_decision_so_the_JSON_report_and_the_cards_read_it()
    {
        var report = Evaluate(LiverAndPeritonealNoduleStagingUnconfirmed());

        // 5.1 (the board) carries the candidacy's findings, as the JSON layouts and the CDS Hooks card details write them.
        var board = report.Results.Single(r => r.Id == "5.1");
        Assert.Contains(board.Findings, f => f.Fact == LiverResectionCandidacy.CandidateConceptName && f.Sentence.Contains(Whatever, System.StringComparison.Ordinal));
    }

    [Fact]
    public void Fully_staged_the_same_patient_is_an_individual_board_decision_as_before()
    {
        var candidacy = Evaluate(LiverAndPeritonealNoduleFullyStaged()).LiverResection!;

        Assert.Equal(TriState.Yes, candidacy.Candidate);
        Assert.True(candidacy.IndividualBoardDecision);
        Assert.StartsWith("Liver surgery only as an individual tumour-board decision:", candidacy.CandidateFinding.Sentence, System.StringComparison.Ordinal);
        Assert.DoesNotContain(Whatever, candidacy.CandidateFinding.Sentence, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Liver_only_disease_with_unconfirmed_staging_is_unchanged_neither_inside_nor_outside_the_indications()
    {
        var report = Evaluate(LiverOnlyStagingUnconfirmed());
        var candidacy = report.LiverResection!;

        Assert.Equal(TriState.Unknown, candidacy.Candidate);
        Assert.False(candidacy.IndividualBoardDecision);
        Assert.DoesNotContain(Whatever, candidacy.CandidateFinding.Sentence, System.StringComparison.Ordinal);
        Assert.Equal(EvaluationStatus.InsufficientData, report.Results.Single(r => r.Id == "5.3").Status);
        Assert.Equal(EvaluationStatus.InsufficientData, report.Results.Single(r => r.Id == "5.4").Status);
    }

    [Fact]
    public void Fitness_not_assessed_does_not_withdraw_the_decision()
    {
        // Rule 1: a fact made unknown (here fitness) must not turn "outside the voted indications" back into nothing said.
        var candidacy = Evaluate(LiverAndPeritonealNoduleFullyStaged().FitForSurgery(null).WithPerformanceStatus(null)).LiverResection!;

        Assert.Equal(TriState.Unknown, candidacy.Candidate);
        Assert.True(candidacy.IndividualBoardDecision);
    }

    [Fact]
    public void A_patient_known_not_to_be_a_candidate_is_not_an_individual_board_decision()
    {
        // ECOG 3 precludes surgery whatever the sites: the reason against candidacy is said instead (10.1 applies).
        var candidacy = Evaluate(LiverAndPeritonealNoduleStagingUnconfirmed().WithPerformanceStatus(3)).LiverResection!;

        Assert.Equal(TriState.No, candidacy.Candidate);
        Assert.False(candidacy.IndividualBoardDecision);
    }
}
