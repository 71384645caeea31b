using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;
using Sarcoma.Consensus.Wording;
using Xunit;

namespace Sarcoma.Consensus.Tests.Wording;

/// <summary>
/// Sections 3.3, 3.4 and 3.12 (recommendations 3.1–3.3, 4.1–4.3, 12.1) and the imaging plan word their reasons through the
/// message catalogue (issue #10 §1): for every vignette, the summary, every caution and every finding of those results are
/// catalogue messages, not text worded in code, and none renders an unknown code.
/// </summary>
public sealed class BiopsyImagingAdjuvantWordingTests
{
    private static readonly string[] Ids = { "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "12.1" };

    public static TheoryData<string> VignetteNames()
    {
        var data = new TheoryData<string>();
        foreach (var method in VignetteMethods())
        {
            data.Add(method.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VignetteNames))]
    public void Results_of_sections_3_3_3_4_and_3_12_are_worded_by_the_catalogue(string vignette)
    {
        var builder = Build(vignette);
        var context = builder.Context();
        var borrowed = Borrowed(context);
        var report = new ConsensusEngine().Evaluate(builder.Build(), Vignettes.AsOf);
        var results = report.Results.Where(r => Ids.Contains(r.Id)).ToArray();

        Assert.Equal(Ids.Length, results.Length);
        foreach (var result in results)
        {
            AssertWorded(result.SummaryMessage, $"{vignette} {result.Id} summary", borrowed);
            foreach (var caution in result.CautionMessages)
            {
                AssertWorded(caution, $"{vignette} {result.Id} caution", borrowed);
            }

            foreach (var finding in result.Findings)
            {
                AssertWorded(finding.Message, $"{vignette} {result.Id} finding {finding.Fact}", borrowed);
            }
        }
    }

    [Theory]
    [MemberData(nameof(VignetteNames))]
    public void The_imaging_plan_is_worded_by_the_catalogue(string vignette)
    {
        var context = Build(vignette).Context();
        var borrowed = Borrowed(context);
        foreach (var item in ImagingPlan.Assess(context).Items)
        {
            AssertWorded(item.ReasonMessage, $"{vignette} {item.Modality} reason", borrowed);
            AssertWorded(item.DoneStatusMessage, $"{vignette} {item.Modality} done status", borrowed);
            AssertWorded(item.NameMessage, $"{vignette} {item.Modality} name", borrowed);
            if (item.CaveatMessage is { } caveat)
            {
                AssertWorded(caveat, $"{vignette} {item.Modality} caveat", borrowed);
            }

            foreach (var finding in item.Findings.Append(item.DoneFinding()))
            {
                AssertWorded(finding.Message, $"{vignette} {item.Modality} finding {finding.Fact}", borrowed);
            }
        }
    }

    [Fact]
    public void The_vignettes_reach_every_status_of_the_biopsy_and_imaging_recommendations()
    {
        // Guards the theories above against testing too little: the vignettes reach applies and does-not-apply for each id.
        var statuses = VignetteMethods()
            .Select(m => (PatientBuilder)m.Invoke(null, null)!)
            .SelectMany(b => new ConsensusEngine().Evaluate(b.Build(), Vignettes.AsOf).Results)
            .Where(r => Ids.Contains(r.Id))
            .Select(r => (r.Id, r.Status))
            .ToHashSet();

        foreach (var id in Ids)
        {
            Assert.Contains((id, EvaluationStatus.Applies), statuses);
            Assert.Contains((id, EvaluationStatus.DoesNotApply), statuses);
        }
    }

    // Findings and cautions these sections take over unchanged from derived concepts of other sections (timing, OMD,
    // candidacy, fitness): those sections word them. Once they are catalogue messages this set no longer admits a literal.
    private static HashSet<Message> Borrowed(EvaluationContext context)
    {
        var borrowed = new HashSet<Message>();
        void Add(IEnumerable<Finding> findings)
        {
            foreach (var finding in findings)
            {
                borrowed.Add(finding.Message);
            }
        }

        Add(context.Timing.Findings);
        Add(context.Oligometastatic.Findings);
        Add(context.LiverResection.Findings);
        Add(new[] { context.LiverResection.CandidateFinding, context.NoLiverMetastasisFinding });
        Add(context.Fitness.Findings);
        if (context.Timing.BoundaryCaution is { } boundary)
        {
            borrowed.Add(Message.Literal(boundary));
        }

        return borrowed;
    }

    private static void AssertWorded(Message message, string where, HashSet<Message> borrowed)
    {
        Assert.False(message.IsLiteral && !borrowed.Contains(message), $"{where} is worded in code: {message.Text}");
        Assert.DoesNotContain("⟦", message.Text);
        Assert.True(MessageCatalog.English.Defines(message.Code), $"{where}: the code {message.Code} is not in the catalogue");
    }

    private static PatientBuilder Build(string vignette) =>
        (PatientBuilder)typeof(Vignettes).GetMethod(vignette, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;

    private static IEnumerable<MethodInfo> VignetteMethods() =>
        typeof(Vignettes).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(PatientBuilder) && m.GetParameters().Length == 0)
            .OrderBy(m => m.Name, StringComparer.Ordinal);
}
