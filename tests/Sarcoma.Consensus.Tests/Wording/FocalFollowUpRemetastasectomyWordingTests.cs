using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.InductionTherapy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Remetastasectomy;
using Sarcoma.Consensus.Tests.Support;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Tests.Wording;

/// <summary>
/// The recommendations decided in FocalTherapy (10.1, 10.2), Remetastasectomy (9.1, 9.2) and FollowUp (13.1, 13.2)
/// record their summaries, findings and cautions as catalogue messages (issue #10 §1), for every vignette.
/// </summary>
public sealed class FocalFollowUpRemetastasectomyWordingTests
{
    private static readonly string[] Ids = { "9.1", "9.2", "10.1", "10.2", "13.1", "13.2" };

    private static readonly IRecommendationEvaluator[] Evaluators =
        EvaluatorRegistry.All.Where(e => Ids.Contains(e.Recommendation.Id)).ToArray();

    /// <summary>Every vignette of the test support (a public static method returning a builder).</summary>
    public static TheoryData<string> VignetteNames()
    {
        var names = new TheoryData<string>();
        foreach (var method in AllVignettes())
        {
            names.Add(method.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(VignetteNames))]
    public void Summaries_findings_and_cautions_are_catalogue_messages(string vignette)
    {
        var builder = (PatientBuilder)AllVignettes().Single(m => m.Name == vignette).Invoke(null, null)!;
        var context = builder.Context();
        var foreign = ForeignLiterals(context);

        Assert.Equal(Ids.Length, Evaluators.Length);
        foreach (var evaluator in Evaluators)
        {
            var result = evaluator.Evaluate(context);
            AssertWorded(result.SummaryMessage, result.Id + " summary", foreign);
            foreach (var finding in result.Findings)
            {
                AssertWorded(finding.Message, result.Id + " finding " + finding.Fact, foreign);
            }

            foreach (var caution in result.CautionMessages)
            {
                AssertWorded(caution, result.Id + " caution", foreign);
            }
        }
    }

    [Fact]
    public void The_focal_therapy_picture_and_the_follow_up_wording_are_catalogue_messages()
    {
        var focal = FocalTherapyAssessment.Assess(Support.Vignettes.UnresectableLiverDiseaseOnChemotherapy()
            .WithFocalTherapyContraindications(uncorrectableCoagulopathy: true, decompensatedLiverFailure: true).Context());

        Assert.NotEmpty(focal.CautionMessages);
        Assert.All(focal.Findings.Select(f => f.Message).Concat(focal.CautionMessages), m => AssertWorded(m, "focal therapy", new HashSet<Message>()));
        Assert.Equal(FollowUpSchedule.DescribeExaminations(), FollowUpSchedule.DescribeExaminationsMessage().Text);
        Assert.Equal("every 6 months through the end of the fifth year", FollowUpSchedule.Describe(FollowUpPhase.ThroughYearFive));
    }

    [Theory]
    [InlineData(0, 0, "0 days")]
    [InlineData(0, 1, "1 day")]
    [InlineData(1, 0, "1 month")]
    [InlineData(1, 1, "1 month and 1 day")]
    [InlineData(8, 12, "8 months and 12 days")]
    public void An_interval_reads_in_months_and_days(int months, int days, string expected) =>
        Assert.Equal(expected, MetastasectomyInterval.LengthMessage(months, days).Text);

    [Fact]
    public void Rarely_reached_branches_of_9_1_and_9_2_read_as_before()
    {
        Assert.Equal(
            "Liver recurrence without adjuvant chemotherapy after the first resection: the patient should receive preoperative systemic treatment before any new liver resection.",
            Message.Of("9.2.applies.no-adjuvant", ("short-tfi", false), ("minimum", 12), ("resection", LiverRecurrence.NewResection(any: true))).Text);
        Assert.Equal(
            "Liver recurrence without adjuvant chemotherapy after the first resection: the patient should receive preoperative systemic treatment first (the treatment-free interval, not longer than 12 months, is outside the strict reading of 9.1); the tumour board then reassesses a new liver resection.",
            Message.Of("9.2.applies.no-adjuvant", ("short-tfi", true), ("minimum", 12), ("resection", LiverRecurrence.NewResection(any: false))).Text);
        Assert.Equal("Systemic therapy has been given for metastatic disease.", Message.Of("9.2.systemic-therapy-received", ("received", true)).Text);
        Assert.StartsWith("0 previous abdominal surgeries: section 3.9", Message.Of("9.1.previous-abdominal-surgeries", ("count", 0)).Text, System.StringComparison.Ordinal);
    }

    private static void AssertWorded(Message message, string where, HashSet<Message> foreign)
    {
        Assert.False(message.IsLiteral && !foreign.Contains(message), where + " is worded in code: " + message.Text);
        Assert.DoesNotContain("⟦", message.Text);
    }

    /// <summary>
    /// The findings and cautions that other folders' derived concepts still word in code, which these results pass on
    /// unchanged (the candidacy, OMD, fitness, TFI and 11.2-factor findings); the set empties as those folders convert.
    /// </summary>
    private static HashSet<Message> ForeignLiterals(EvaluationContext context)
    {
        var findings = new List<Finding> { context.NoLiverMetastasisFinding, context.LiverResection.CandidateFinding, context.TreatmentFreeInterval.ToFinding(RemetastasectomyWindow.IntervalName) };
        findings.AddRange(context.LiverResection.Findings);
        findings.AddRange(context.Oligometastatic.Findings);
        findings.AddRange(context.Fitness.Findings);
        var factors = PreoperativeChemotherapyFactors.Assess(context);
        findings.AddRange(factors.Findings);
        var cautions = context.Fitness.Cautions.Concat(factors.Cautions).Select(Message.Literal);
        return findings.Select(f => f.Message).Concat(cautions).Where(m => m.IsLiteral).ToHashSet();
    }

    private static IEnumerable<MethodInfo> AllVignettes() =>
        typeof(Support.Vignettes).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(PatientBuilder) && m.GetParameters().Length == 0)
            .OrderBy(m => m.Name, System.StringComparer.Ordinal);
}
