using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Wording;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Tests.Support;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Tests.Wording;

/// <summary>
/// A "does not apply" reason states the fact that decided it and never a fact the report contradicts (clinical review F7):
/// the card-sized line printed in the report's "does not apply" list once said "not resectable" beside resectable lesions,
/// "a candidate" beside "not a candidate now", and "no major hepatectomy" beside a planned one. Each claim a short reason
/// can make is checked against the derived concept or fact it names, on every sample patient and review case.
/// </summary>
public sealed class DoesNotApplyReasonAgreementTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);

    /// <summary>A phrase a reason may state, and the check that the patient's facts bear it out.</summary>
    private static readonly (string Phrase, Func<EvaluationContext, bool> Holds)[] Claims =
    {
        ("A candidate for liver surgery", c => c.LiverResection.Candidate == TriState.Yes),
        ("The patient is a candidate for liver surgery", c => c.LiverResection.Candidate == TriState.Yes),
        ("not a candidate", c => c.LiverResection.Candidate == TriState.No),
        ("Not every liver lesion is resectable", c => c.LiverLesions.Any(l => l.Resectable == false)),
        ("Not resectable", c => c.LiverLesions.Any(l => l.Resectable == false)),
        ("No major hepatectomy planned", c => c.Patient.LiverSurgery.MajorHepatectomyPlanned != true),
        ("No major hepatectomy is planned", c => c.Patient.LiverSurgery.MajorHepatectomyPlanned != true),
        ("No liver metastasis", c => c.HasLiverMetastases != true),
        ("No current liver metastasis", c => c.HasLiverMetastases != true),
        ("Not a liver recurrence", c => c.IsLiverRecurrence != true),
        ("Liver recurrence", c => c.IsLiverRecurrence == true),
        ("No liver metastasectomy", c => c.Patient.Treatment.HasPreviousLiverResection != true),
        ("Synchronous, not metachronous", c => c.Timing.Timing == MetastasisTiming.Synchronous),
        ("Not oligometastatic", c => c.Oligometastatic.Status == TriState.No),
        ("No diffuse-organ sarcomatosis", c => !c.Oligometastatic.DiffuseInvolvementPresent),
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in CaseFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_does_not_apply_reason_states_what_the_facts_contradict(string file)
    {
        var patient = PatientJson.Parse(File.ReadAllText(Path.Combine(Root(), file)));
        var context = new EvaluationContext(patient, AsOf);
        var report = ConsensusEngine.Default.Evaluate(patient, AsOf);

        foreach (var result in report.Results.Where(r => r.Status == EvaluationStatus.DoesNotApply))
        {
            foreach (var text in new[] { result.CardSummary, result.Summary })
            {
                foreach (var (phrase, holds) in Claims.Where(c => Says(text, c.Phrase)))
                {
                    Assert.True(holds(context), $"{file}: {result.Id} says \"{phrase}\", which the facts contradict: {text}");
                }
            }
        }
    }

    [Fact]
    public void Seven_resectable_lesions_are_not_called_unresectable_by_3_1()
    {
        var result = Evaluate(Vignettes.ManyLiverMetastasesFitForSurgery(), "3.1");

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("Not oligometastatic", result.CardSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("Not every liver lesion", result.CardSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("Not resectable", result.CardSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_TFI_recurrence_is_not_called_a_candidate_by_10_1()
    {
        var builder = Vignettes.LiverRecurrenceEightMonthsAfterResection();
        var result = Evaluate(builder, "10.1");

        Assert.Equal(TriState.No, builder.Context().LiverResection.Candidate);
        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("Not a candidate now", result.CardSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_planned_major_hepatectomy_outside_the_indications_is_not_called_unplanned_by_6_4()
    {
        var result = Evaluate(Vignettes.DiffusePeritonealDisease().WithLiverSurgeryPlan(majorHepatectomy: true), "6.4");

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.DoesNotContain("No major hepatectomy", result.CardSummary, StringComparison.Ordinal);
        Assert.StartsWith("No liver resection within the consensus indications now", result.CardSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_planned_major_hepatectomy_6_4_says_so()
    {
        var result = Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithLiverSurgeryPlan(majorHepatectomy: false), "6.4");

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("No major hepatectomy planned", result.CardSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_liver_recurrence_is_not_called_no_metastasectomy_by_13_1_and_13_2()
    {
        var builder = Vignettes.LiverRecurrenceEightMonthsAfterResection();

        foreach (var id in new[] { "13.1", "13.2" })
        {
            var result = Evaluate(builder, id);
            Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
            Assert.StartsWith("Liver recurrence after the metastasectomy", result.CardSummary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unresectable_liver_lesion_is_named_by_11_1_without_claiming_more()
    {
        var result = Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(3), "11.1");

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.DoesNotContain("not amenable to resection", result.CardSummary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("card.3.1.does-not-apply", "3.1.does-not-apply.unfit")]
    [InlineData("card.3.1.does-not-apply", "3.1.does-not-apply.synchronous")]
    [InlineData("card.3.1.does-not-apply", "3.1.does-not-apply.no-liver-metastasis")]
    [InlineData("card.3.1.does-not-apply", "3.1.does-not-apply.not-all-resectable")]
    [InlineData("card.3.1.does-not-apply", "3.1.does-not-apply.not-oligometastatic")]
    [InlineData("card.5.3.does-not-apply", "indication.not-applying.unfit")]
    [InlineData("card.5.3.does-not-apply", "indication.recurrence-summary")]
    [InlineData("card.5.4.does-not-apply", "indication.not-applying.unfit")]
    [InlineData("card.5.4.does-not-apply", "indication.recurrence-summary")]
    [InlineData("card.6.4.does-not-apply", "6.4.not-planned")]
    [InlineData("card.7.1.does-not-apply", "7.1.no-liver-metastasis")]
    [InlineData("card.8.1.does-not-apply", "indication.not-applying.unfit")]
    [InlineData("card.8.1.does-not-apply", "indication.recurrence-summary.with")]
    [InlineData("card.8.3.does-not-apply", "indication.not-applying.unfit")]
    [InlineData("card.9.1.does-not-apply", "9.1.does-not-apply")]
    [InlineData("card.9.1.does-not-apply", "9.1.not-a-recurrence")]
    [InlineData("card.9.2.does-not-apply", "9.2.not-a-candidate")]
    [InlineData("card.10.1.does-not-apply", "10.1.candidate")]
    [InlineData("card.10.1.does-not-apply", "10.1.no-liver-metastasis")]
    [InlineData("card.10.1.does-not-apply", "10.1.reassess-after-systemic")]
    [InlineData("card.13.1.does-not-apply", "13.1.recurrence")]
    [InlineData("card.13.1.does-not-apply", "13.1.no-metastasectomy")]
    [InlineData("card.13.2.does-not-apply", "13.2.recurrence")]
    [InlineData("card.13.2.does-not-apply", "13.2.no-metastasectomy")]
    public void Every_reason_specific_card_exists_for_its_reason_and_fits_a_card(string card, string reason)
    {
        var text = MessageCatalog.English.Render(Message.Of(card, ("reason", reason)));
        var generic = MessageCatalog.English.Render(Message.Of(card, ("reason", "another.reason")));

        Assert.True(MessageCatalog.English.Defines(reason), reason + " is not a message code");
        Assert.NotEqual(generic, text);
        Assert.True(text.Length <= 140, $"{card} for {reason}: {text.Length} characters");
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    private static RecommendationResult Evaluate(PatientBuilder builder, string id) =>
        ConsensusEngine.Default.Evaluate(builder.Build(), Vignettes.AsOf)[id]!;

    private static bool Says(string text, string phrase) =>
        char.IsLower(phrase[0])
            ? text.Contains(phrase, StringComparison.OrdinalIgnoreCase)
            : text.StartsWith(phrase, StringComparison.Ordinal) || text.Contains(": " + phrase, StringComparison.Ordinal)
              || text.Contains("(" + phrase, StringComparison.Ordinal);

    private static IEnumerable<string> CaseFiles()
    {
        var root = Root();
        return new[] { Path.Combine("samples", "patients"), Path.Combine("tests", "cases", "clinical-review"), Path.Combine("tests", "cases", "second-review") }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(root, folder), "*.json"))
            .Where(f => Path.GetFileName(f) != "expected.json")
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal);
    }

    private static string Root([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { source, AppContext.BaseDirectory })
        {
            var directory = Path.IsPathRooted(start) ? new DirectoryInfo(Path.GetDirectoryName(start)!) : null;
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sarcoma.Consensus.sln")))
            {
                directory = directory.Parent;
            }

            if (directory is not null)
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Sarcoma.Consensus.sln) was not found.");
    }
}
