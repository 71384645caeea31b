using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NodaTime;
using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.InductionTherapy;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Remetastasectomy;
using Sarcoma.Consensus.Tests.Support;

// In the Engine namespace: a Sarcoma.Consensus.Tests.Evaluation namespace would hide Sarcoma.Consensus.Evaluation from
// the other tests, which name it as Evaluation.X.
namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// Issue #12: every derived concept is computed at most once per evaluation, held by the <see cref="EvaluationContext"/>,
/// and no evaluator constructs or runs another.
/// </summary>
public sealed class DerivedConceptsOnceTests
{
    // Late enough for every bundled patient document (validation rejects dates after the evaluation date).
    private static readonly LocalDate DocumentsAsOf = new(2026, 11, 1);

    public static TheoryData<string> Patients()
    {
        var data = new TheoryData<string>();
        foreach (var name in VignetteNames())
        {
            data.Add("vignette:" + name);
        }

        foreach (var path in DocumentPaths())
        {
            data.Add(Path.GetRelativePath(TraceabilityTests.RepositoryRoot(), path).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Patients))]
    public void A_whole_evaluation_computes_each_derived_concept_at_most_once(string patient)
    {
        var context = ContextFor(patient);

        var report = new ConsensusEngine().Evaluate(context);

        Assert.Equal(DerivedConcepts.None, context.RecomputedConcepts);
        if (report.Scope.InScope != false)
        {
            // The report's own concepts come from the same context as the evaluators' (not recomputed for the report).
            Assert.Same(context.FocalTherapy, report.FocalTherapy);
            Assert.True(context.ComputedConcepts.HasFlag(DerivedConcepts.FocalTherapy | DerivedConcepts.Timing | DerivedConcepts.ImagingPlan));
        }
    }

    [Fact]
    public void A_concept_computed_a_second_time_on_one_context_is_recorded()
    {
        var context = Vignettes.MetachronousLiverOnlyOmd().Context();
        _ = context.BiopsyPlan;
        _ = BiopsyPlan.Assess(context);
        Assert.Equal(DerivedConcepts.None, context.RecomputedConcepts);

        // What an evaluator computing its own plan would do: the context notices.
        _ = BiopsyPlan.Compute(context);

        Assert.Equal(DerivedConcepts.BiopsyPlan, context.RecomputedConcepts);
    }

    [Fact]
    public void The_concept_factories_return_the_context_instance()
    {
        var context = Vignettes.MetachronousLiverOnlyOmd().Context();

        Assert.Same(context.FocalTherapy, FocalTherapyAssessment.Assess(context));
        Assert.Same(context.BiopsyPlan, BiopsyPlan.Assess(context));
        Assert.Same(context.OriginUncertainty, OriginUncertaintyAssessment.Assess(context));
        Assert.Same(context.OriginUncertainty, context.BiopsyPlan.OriginUncertainty);
        Assert.Same(context.PreoperativeChemotherapyFactors, PreoperativeChemotherapyFactors.Assess(context));
        Assert.Same(context.RemetastasectomyWindow, RemetastasectomyWindow.Assess(context));
        Assert.Same(context.FollowUpSchedule, FollowUpSchedule.ForPatient(context));
    }

    // Patient-level factories, and the context-level computations, may be called only by the context (or, for the
    // disease-free interval, by the timing assessment that holds it); evaluators never construct another evaluator.
    private static readonly (string Pattern, string[] AllowedIn)[] Forbidden =
    {
        (@"\bTimingAssessment\.Assess\(", new[] { "Evaluation/EvaluationContext.cs" }),
        (@"\bOligometastaticAssessment\.Assess\(", new[] { "Evaluation/EvaluationContext.cs" }),
        (@"\bIntervalAssessment\.TreatmentFree\(", new[] { "Evaluation/EvaluationContext.cs" }),
        (@"\bIntervalAssessment\.DiseaseFree\(", new[] { "Timing/TimingAssessment.cs" }),
        (@"\bSurgicalFitness\.Assess\(", new[] { "Evaluation/EvaluationContext.cs" }),
        (@"\bLiverResectionCandidacy\.Assess\(", new[] { "Evaluation/EvaluationContext.cs" }),
        (@"\bImagingPlan\.Assess\(", new[] { "Evaluation/EvaluationContext.cs" }),
        (@"\b\w+\.Compute\(", new[] { "Evaluation/EvaluationContext.cs" }),
        (@"\bnew\s+\w+Evaluator\s*\(", new[] { "Evaluation/EvaluatorRegistry.cs" }),
    };

    [Fact]
    public void Only_the_context_computes_derived_concepts_and_no_evaluator_constructs_another()
    {
        var root = Path.Combine(TraceabilityTests.RepositoryRoot(), "src", "Sarcoma.Consensus");
        var offences = new List<string>();
        foreach (var path in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var code = string.Join("\n", File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
            foreach (var (pattern, allowed) in Forbidden)
            {
                if (!allowed.Contains(relative) && Regex.IsMatch(code, pattern))
                {
                    offences.Add($"{relative}: {pattern}");
                }
            }
        }

        Assert.Empty(offences);
    }

    private static EvaluationContext ContextFor(string patient)
    {
        if (patient.StartsWith("vignette:", StringComparison.Ordinal))
        {
            var method = typeof(Vignettes).GetMethod(patient.Substring("vignette:".Length), BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)!;
            return ((PatientBuilder)method.Invoke(null, null)!).Context();
        }

        var document = PatientJson.Parse(File.ReadAllText(Path.Combine(TraceabilityTests.RepositoryRoot(), patient)));
        return new EvaluationContext(document, DocumentsAsOf);
    }

    private static IEnumerable<string> VignetteNames() => typeof(Vignettes)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(PatientBuilder) && m.GetParameters().Length == 0)
        .Select(m => m.Name)
        .OrderBy(n => n, StringComparer.Ordinal);

    private static IEnumerable<string> DocumentPaths()
    {
        var root = TraceabilityTests.RepositoryRoot();
        return new[] { Path.Combine(root, "samples", "patients"), Path.Combine(root, "tests", "cases") }
            .SelectMany(d => Directory.GetFiles(d, "*.json", SearchOption.AllDirectories))
            .Where(p => !Path.GetFileName(p).StartsWith("expected", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal);
    }
}
