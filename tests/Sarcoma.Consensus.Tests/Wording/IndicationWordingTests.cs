using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Remetastasectomy;
using Sarcoma.Consensus.Tests.Support;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Tests.Wording;

/// <summary>
/// The Indication folder (5.1–5.5, surgical candidacy) records its reasons as messages of the catalogue (issue #10 §1):
/// for every vignette the section tests use, each summary, caution and finding of 5.1–5.5 is a catalogue message, not
/// worded text, and nothing renders as an unknown code.
/// </summary>
public sealed class IndicationWordingTests
{
    private static readonly string[] Ids = { "5.1", "5.2", "5.3", "5.4", "5.5" };

    /// <summary>The evaluators of the recommendations the Indication folder decides, as the engine runs them.</summary>
    private static readonly IRecommendationEvaluator[] Evaluators =
        EvaluatorRegistry.All.Where(e => Ids.Contains(e.Recommendation.Id, StringComparer.Ordinal)).ToArray();

    /// <summary>Every vignette of the test support (each public static factory of <see cref="Vignettes"/>).</summary>
    public static IEnumerable<object[]> VignetteNames() =>
        typeof(Vignettes).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(PatientBuilder) && m.GetParameters().Length == 0)
            .Select(m => m.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(VignetteNames))]
    public void Results_of_5_1_to_5_5_are_worded_by_the_catalogue(string vignette)
    {
        var context = Vignette(vignette).Context();
        var pending = PendingLiterals(context);
        foreach (var result in Evaluators.Select(e => e.Evaluate(context)))
        {
            Assert.False(result.SummaryMessage.IsLiteral, $"{vignette} {result.Id}: literal summary '{result.Summary}'");
            AssertRendered(result.Summary, vignette, result.Id);
            foreach (var caution in result.CautionMessages)
            {
                Assert.True(!caution.IsLiteral || pending.Contains(caution.Text), $"{vignette} {result.Id}: literal caution '{caution.Text}'");
                AssertRendered(caution.Text, vignette, result.Id);
            }

            foreach (var finding in result.Findings)
            {
                Assert.True(!finding.Message.IsLiteral || pending.Contains(finding.Sentence), $"{vignette} {result.Id}: literal finding on {finding.Fact} '{finding.Sentence}'");
                AssertRendered(finding.Sentence, vignette, result.Id);
            }
        }
    }

    [Theory]
    [MemberData(nameof(VignetteNames))]
    public void Surgical_candidacy_is_worded_by_the_catalogue(string vignette)
    {
        var context = Vignette(vignette).Context();
        var candidacy = context.LiverResection;
        var pending = PendingLiterals(context);

        foreach (var message in new[] { candidacy.BasisMessage, candidacy.ReasonMessage, candidacy.CandidateBasisMessage, candidacy.CandidateFinding.Message })
        {
            Assert.False(message.IsLiteral, $"{vignette}: literal '{message.Text}'");
            AssertRendered(message.Text, vignette, "candidacy");
        }

        Assert.Equal(candidacy.ReasonMessage.Text, candidacy.Reason);
        Assert.Equal(candidacy.CandidateBasisMessage.Text, candidacy.CandidateBasis);
        foreach (var caution in candidacy.CautionMessages)
        {
            Assert.True(!caution.IsLiteral || pending.Contains(caution.Text), $"{vignette}: literal candidacy caution '{caution.Text}'");
        }

        foreach (var finding in candidacy.Findings)
        {
            Assert.True(!finding.Message.IsLiteral || pending.Contains(finding.Sentence), $"{vignette}: literal candidacy finding on {finding.Fact} '{finding.Sentence}'");
        }
    }

    [Fact]
    public void The_vignettes_reach_every_status_of_5_1_to_5_5()
    {
        var reached = VignetteNames()
            .Select(v => Vignette((string)v[0]).Context())
            .SelectMany(c => Evaluators.Select(e => e.Evaluate(c)))
            .Select(r => r.Id + " " + r.Status.ToCode())
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Ids.Length, Evaluators.Length);
        foreach (var id in Ids)
        {
            Assert.Contains(id + " applies", reached);
            Assert.Contains(id + " does-not-apply", reached);
            Assert.Contains(id + " insufficient-data", reached);
        }
    }

    private static PatientBuilder Vignette(string name) =>
        (PatientBuilder)typeof(Vignettes).GetMethod(name, BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)!.Invoke(null, null)!;

    private static void AssertRendered(string text, string vignette, string id) =>
        Assert.False(text.Contains('⟦'), $"{vignette} {id}: unknown message code in '{text}'");

    /// <summary>
    /// The texts other folders still word in English (Timing, Oligometastasis, PreoperativeAssessment, Remetastasectomy,
    /// Evaluation), which the Indication folder carries as they are until those folders record messages too. Only
    /// exactly these texts may reach a result as literals; once those folders are converted the set holds no literal.
    /// </summary>
    private static HashSet<string> PendingLiterals(EvaluationContext context)
    {
        var findings = context.Timing.Findings
            .Concat(context.Oligometastatic.Findings)
            .Concat(context.Fitness.Findings)
            .Concat(RemetastasectomyWindow.Assess(context).Findings)
            .Append(context.NoLiverMetastasisFinding)
            .Append(context.DiseaseFreeInterval.ToFinding(PrognosticProfile.DiseaseFreeIntervalName));
        var texts = findings.Where(f => f.Message.IsLiteral).Select(f => f.Sentence)
            .Append(context.DiseaseFreeInterval.Sentence())
            .Concat(context.Fitness.Cautions);
        if (context.Timing.BoundaryCaution is { } boundary)
        {
            texts = texts.Append(boundary);
        }

        if (context.StagingAgeCaution is { } stagingAge)
        {
            texts = texts.Append(stagingAge);
        }

        return texts.ToHashSet(StringComparer.Ordinal);
    }
}
