using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Model;

/// <summary>What the library hands out cannot be changed by the caller, and what the caller hands in is copied.</summary>
public sealed class ImmutabilityTests
{
    [Fact]
    public void Model_lists_cannot_be_cast_back_to_arrays_or_written_through_IList()
    {
        var patient = Patient.Builder()
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(6))
            .AddLiverResection(new LocalDate(2022, 1, 10))
            .Build();

        AssertReadOnly(patient.Metastases!.Lesions);
        AssertReadOnly(patient.Metastases.Lesions[0].Segments);
        AssertReadOnly(patient.Treatment.LiverResections);
        Assert.IsNotType<SortedSet<LiverLobe>>(patient.Metastases.Lesions[0].LobesTouched);
    }

    [Fact]
    public void Changing_an_array_after_giving_it_to_the_model_does_not_change_the_patient()
    {
        var segments = new[] { 6 };
        var lesions = new[] { new Lesion { Site = MetastaticSite.Liver, Segments = segments } };
        var patient = new Patient { Metastases = new MetastaticDisease { Lesions = lesions } };

        segments[0] = 2;
        lesions[0] = new Lesion { Site = MetastaticSite.Lung };

        Assert.Equal(MetastaticSite.Liver, patient.Metastases!.Lesions[0].Site);
        Assert.Equal(new[] { 6 }, patient.Metastases.Lesions[0].Segments);
    }

    [Fact]
    public void The_builder_hands_out_copies_so_later_calls_do_not_reach_a_built_patient()
    {
        var builder = Patient.Builder()
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(6))
            .AddLesion(MetastaticSite.Liver, 12, l => l.InSegments(7));
        var built = builder.Build();

        builder.AddLesion(MetastaticSite.Lung, 10).AddLiverResection(new LocalDate(2022, 5, 1));
        var rebuilt = builder.Build();

        Assert.Equal(2, built.Metastases!.Lesions.Count);
        Assert.Empty(built.Treatment.LiverResections);
        Assert.Equal(3, rebuilt.Metastases!.Lesions.Count);
    }

    [Fact]
    public void Segments_given_to_the_lesion_builder_are_copied()
    {
        var segments = new[] { 6, 7 };
        var patient = Patient.Builder().AddLesion(MetastaticSite.Liver, 12, l => l.InSegments(segments)).Build();

        segments[0] = 1;

        Assert.Equal(new[] { 6, 7 }, patient.Metastases!.Lesions[0].Segments);
    }

    [Fact]
    public void The_evaluator_list_cannot_be_overwritten_through_any_engine()
    {
        var engine = new ConsensusEngine();
        var evaluators = engine.Evaluators;

        Assert.IsNotType<RecommendationEvaluatorInfo[]>(evaluators);
        var list = Assert.IsAssignableFrom<IList<RecommendationEvaluatorInfo>>(evaluators);
        Assert.True(list.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => list[0] = list[1]);
        Assert.Equal("1.1", ConsensusEngine.Default.Evaluators[0].Recommendation.Id);
        Assert.Equal("1.1", ConsensusEngine.Default.Evaluate(Vignettes.MetachronousLiverOnlyOmd().Build(), Vignettes.AsOf).Results[0].Id);
    }

    [Fact]
    public void Report_lists_are_read_only()
    {
        var report = ConsensusEngine.Default.Evaluate(Vignettes.MetachronousLiverOnlyOmd().Build(), Vignettes.AsOf);

        AssertReadOnly(report.Results);
        AssertReadOnly(report.Results[0].Findings);
        AssertReadOnly(report.Results[0].Rationale);
        AssertReadOnly(report.Timing!.Findings);
        AssertReadOnly(report.ImagingPlan!.Items);
        AssertReadOnly(report.Oligometastatic!.Findings);
    }

    private static void AssertReadOnly<T>(IEnumerable<T> list)
    {
        Assert.False(list is T[], "an array behind a read-only interface");
        if (list is IList<T> writable)
        {
            Assert.True(writable.IsReadOnly);
            if (writable.Count > 0)
            {
                Assert.Throws<NotSupportedException>(() => writable[0] = writable[0]);
            }

            Assert.Throws<NotSupportedException>(() => writable.Add(default!));
        }
    }
}
