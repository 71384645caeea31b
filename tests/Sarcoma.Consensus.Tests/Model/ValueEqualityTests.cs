using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Model;

/// <summary>The model compares by value everywhere: lists, decimals and the lesions the evaluators pair up.</summary>
public sealed class ValueEqualityTests
{
    [Fact]
    public void Two_patients_built_by_the_same_builder_calls_are_equal_with_equal_hash_codes()
    {
        static Patient Build() => Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new LocalDate(2021, 3, 1))
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .AddLesion(MetastaticSite.Liver, 32.50m, l => l.InSegments(7, 6).Resectable())
            .AddLesion(MetastaticSite.Lung, 8)
            .AddLiverResection(new LocalDate(2022, 1, 10), ResectionMargin.R0)
            .Build();
        var first = Build();
        var second = Build();

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Patients_made_with_object_initialisers_compare_their_lists_by_value()
    {
        static Patient Make() => new()
        {
            Metastases = new MetastaticDisease
            {
                Lesions = new[] { new Lesion { Site = MetastaticSite.Liver, SizeMm = 20, Segments = new[] { 5, 6 } } },
            },
            Treatment = new TreatmentHistory { LiverResections = new[] { new LiverResection { PerformedOn = new LocalDate(2023, 2, 1) } } },
        };

        Assert.Equal(Make(), Make());
        Assert.Equal(Make().GetHashCode(), Make().GetHashCode());
    }

    [Fact]
    public void Lists_with_different_items_or_order_are_not_equal()
    {
        var a = new Lesion { Site = MetastaticSite.Liver, Segments = new[] { 5, 6 } };

        Assert.NotEqual(a, a with { Segments = new[] { 6, 5 } });
        Assert.NotEqual(a, a with { Segments = new[] { 5 } });
        Assert.NotEqual(new MetastaticDisease { Lesions = new[] { a } }, new MetastaticDisease { Lesions = new[] { a, a } });
    }

    [Fact]
    public void A_list_set_from_a_List_equals_the_same_items_set_from_an_array()
    {
        var lesion = new Lesion { Site = MetastaticSite.Lung };

        Assert.Equal(
            new MetastaticDisease { Lesions = new[] { lesion } },
            new MetastaticDisease { Lesions = new System.Collections.Generic.List<Lesion> { lesion with { } } });
    }

    [Theory]
    [InlineData("25.5", "25.50")]
    [InlineData("100", "100.000")]
    [InlineData("0", "0.0")]
    public void Equal_decimals_are_held_in_one_form(string shorter, string longer)
    {
        var a = decimal.Parse(shorter, System.Globalization.CultureInfo.InvariantCulture);
        var b = decimal.Parse(longer, System.Globalization.CultureInfo.InvariantCulture);

        var plans = new[] { new LiverSurgeryPlan { FutureLiverRemnantPercent = a }, new LiverSurgeryPlan { FutureLiverRemnantPercent = b } };
        var lesions = new[] { new Lesion { SizeMm = a }, new Lesion { SizeMm = b } };

        Assert.Equal(plans[0], plans[1]);
        Assert.Equal(shorter, plans[1].FutureLiverRemnantPercent!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(shorter, lesions[1].SizeMm!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_same_lesion_listed_twice_is_evaluated_like_two_equal_lesions()
    {
        // 5.5 pairs a left-lobe lesion with a different right-lobe one; "different" means another entry of the list.
        var bilobar = new Lesion { Site = MetastaticSite.Liver, SizeMm = 20, Segments = new[] { 4, 5 }, VascularInvolvement = true, CentralLocation = false, Resectable = true };
        Patient With(params Lesion[] lesions) => Vignettes.MetachronousLiverOnlyOmd().Build() with
        {
            Metastases = Vignettes.MetachronousLiverOnlyOmd().Build().Metastases! with { Lesions = lesions },
        };

        var sameInstance = ConsensusEngine.Default.Evaluate(With(bilobar, bilobar), Vignettes.AsOf);
        var equalInstances = ConsensusEngine.Default.Evaluate(With(bilobar, bilobar with { }), Vignettes.AsOf);

        Assert.Equal(Describe(equalInstances), Describe(sameInstance));
        Assert.Equal(Evaluation.EvaluationStatus.Applies, sameInstance["5.5"]!.Status);
    }

    private static string[] Describe(ConsensusReport report) =>
        report.Results.Select(r => r.Id + " " + r.Status + " " + string.Join(" | ", r.Rationale)).ToArray();
}
