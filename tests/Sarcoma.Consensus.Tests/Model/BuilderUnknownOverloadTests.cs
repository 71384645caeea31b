using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Tests.Model;

/// <summary>
/// The builder's nullable overloads let an integrator map optional EHR values without an <c>if</c> per fact:
/// <see langword="null"/> is unknown (as if never said), a value is the same as the non-nullable call, and
/// unknown is never read as "no".
/// </summary>
public sealed class BuilderUnknownOverloadTests
{
    private static readonly LocalDate Diagnosed = new(2021, 3, 1);
    private static readonly LocalDate Detected = new(2023, 9, 1);
    private static readonly LocalDate AsOf = new(2024, 1, 15);

    private static PatientBuilder Base() => Patient.Builder()
        .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: Diagnosed, grade: HistologicGrade.G2)
        .AddLesion(MetastaticSite.Liver, sizeMm: 32, l => l.InSegments(6));

    /// <summary>Each nullable overload, called with <see langword="null"/>.</summary>
    public static TheoryData<string> Facts() => new(Unknown.Keys);

    private static readonly IReadOnlyDictionary<string, Func<PatientBuilder, PatientBuilder>> Unknown =
        new Dictionary<string, Func<PatientBuilder, PatientBuilder>>(StringComparer.Ordinal)
        {
            ["PrimaryResected"] = b => b.PrimaryResected(null),
            ["MetastasesDetectedOn"] = b => b.MetastasesDetectedOn((LocalDate?)null),
            ["NoEvidenceOfDisease"] = b => b.NoEvidenceOfDisease(null),
            ["WithPerformanceStatus"] = b => b.WithPerformanceStatus((int?)null),
            ["WithAsaClass"] = b => b.WithAsaClass((int?)null),
            ["WithComorbidities"] = b => b.WithComorbidities((bool?)null),
            ["FitForSurgery"] = b => b.FitForSurgery((bool?)null),
            ["WithSystemicTherapy"] = b => b.WithSystemicTherapy(null, null, null),
            ["InductionTherapyPlanned"] = b => b.InductionTherapyPlanned((bool?)null),
            ["LastTreatmentEndedOn"] = b => b.LastTreatmentEndedOn((LocalDate?)null),
            ["PreviousLiverResection"] = b => b.PreviousLiverResection(null),
            ["AdjuvantTherapyAfterFirstLiverResection"] = b => b.AdjuvantTherapyAfterFirstLiverResection((bool?)null),
            ["PreviousAbdominalSurgeries"] = b => b.PreviousAbdominalSurgeries((int?)null),
            ["Lesion.InLobe"] = b => b.AddLesion(MetastaticSite.Liver, 10, l => l.InLobe((LiverLobe?)null)),
            ["Lesion.WithVascularInvolvement"] = b => b.AddLesion(MetastaticSite.Liver, 10, l => l.WithVascularInvolvement((bool?)null)),
            ["Lesion.Central"] = b => b.AddLesion(MetastaticSite.Liver, 10, l => l.Central((bool?)null)),
            ["Lesion.Symptomatic"] = b => b.AddLesion(MetastaticSite.Liver, 10, l => l.Symptomatic((bool?)null)),
            ["Lesion.Resectable"] = b => b.AddLesion(MetastaticSite.Liver, 10, l => l.Resectable((bool?)null)),
            ["Lesion.Ablatable"] = b => b.AddLesion(MetastaticSite.Liver, 10, l => l.Ablatable((bool?)null)),
        };

    [Theory]
    [MemberData(nameof(Facts))]
    public void Null_leaves_the_patient_as_if_the_fact_had_never_been_recorded(string fact)
    {
        // A lesion-level overload adds a lesion; the reference adds the same lesion without the call.
        var reference = fact.StartsWith("Lesion.", StringComparison.Ordinal)
            ? Base().AddLesion(MetastaticSite.Liver, 10).Build()
            : Base().Build();

        var withNull = Unknown[fact](Base()).Build();

        Assert.Equal(reference, withNull);
    }

    [Fact]
    public void A_value_through_a_nullable_overload_gives_the_same_patient_as_the_non_nullable_call()
    {
        int? ecog = 1, asa = 2, surgeries = 3;
        bool? yes = true, no = false;
        LocalDate? detected = Detected, ended = new LocalDate(2022, 6, 1);
        LiverLobe? lobe = LiverLobe.Right;

        var plain = Base()
            .Resected()
            .MetastasesDetectedOn(Detected)
            .WithPerformanceStatus(1).WithAsaClass(2).WithComorbidities(false).FitForSurgery()
            .WithSystemicTherapy(true, TreatmentResponse.StableDisease, false)
            .InductionTherapyPlanned(false)
            .LastTreatmentEndedOn(new LocalDate(2022, 6, 1))
            .NoPreviousLiverResection()
            .PreviousAbdominalSurgeries(3)
            .AddLesion(MetastaticSite.Liver, 12, l => l.InLobe(LiverLobe.Right).WithVascularInvolvement(false).Central().Symptomatic(false).Resectable().Ablatable(false))
            .Build();
        var nullable = Base()
            .PrimaryResected(yes)
            .MetastasesDetectedOn(detected)
            .WithPerformanceStatus(ecog).WithAsaClass(asa).WithComorbidities(no).FitForSurgery(yes)
            .WithSystemicTherapy(yes, TreatmentResponse.StableDisease, no)
            .InductionTherapyPlanned(no)
            .LastTreatmentEndedOn(ended)
            .PreviousLiverResection(no)
            .PreviousAbdominalSurgeries(surgeries)
            .AddLesion(MetastaticSite.Liver, 12, l => l.InLobe(lobe).WithVascularInvolvement(no).Central(yes).Symptomatic(no).Resectable(yes).Ablatable(no))
            .Build();

        Assert.Equal(plain, nullable);
    }

    [Fact]
    public void Null_after_a_value_makes_the_fact_unknown_again()
    {
        var patient = Base()
            .MetastasesDetectedOn(Detected).MetastasesDetectedOn((LocalDate?)null)
            .WithPerformanceStatus(0).WithPerformanceStatus((int?)null)
            .FitForSurgery().FitForSurgery((bool?)null)
            .Resected(on: new LocalDate(2021, 4, 12)).PrimaryResected(null)
            .Build();

        Assert.Null(patient.Metastases!.DetectedOn);
        Assert.Null(patient.Clinical.Ecog);
        Assert.Null(patient.Clinical.FitForSurgery);
        Assert.Null(patient.Primary!.Resected);
        Assert.Null(patient.Primary.ResectedOn);
    }

    [Fact]
    public void Primary_resected_false_keeps_a_recorded_resectability_and_true_keeps_a_recorded_date()
    {
        var inPlace = Base().PrimaryInPlace(resectable: true).PrimaryResected(false).Build();
        var resected = Base().Resected(on: new LocalDate(2021, 4, 12)).PrimaryResected(true).Build();

        Assert.Equal(Base().PrimaryInPlace(resectable: true).Build(), inPlace);
        Assert.Equal(Base().Resected(on: new LocalDate(2021, 4, 12)).Build(), resected);
    }

    [Fact]
    public void An_ehr_record_with_gaps_maps_without_a_branch_per_fact_and_its_unknowns_are_named_not_denied()
    {
        // What an integrator's EHR row looks like: every optional fact may be missing.
        var row = (Ecog: (int?)null, Fit: (bool?)null, Detected: (LocalDate?)Detected, Resectable: (bool?)null);

        var patient = Base()
            .MetastasesDetectedOn(row.Detected)
            .WithPerformanceStatus(row.Ecog)
            .FitForSurgery(row.Fit)
            .AddLesion(MetastaticSite.Liver, 18, l => l.InSegments(7).Resectable(row.Resectable))
            .Build();
        var report = ConsensusEngine.Default.Evaluate(patient, AsOf);

        Assert.Null(patient.Clinical.Ecog);
        Assert.Null(patient.Clinical.FitForSurgery);
        // 5.3 (liver resection for metachronous liver-only OMD) cannot be denied on unknown resectability or fitness.
        var resection = report.Results.Single(r => r.Id == "5.3");
        Assert.NotEqual(EvaluationStatus.DoesNotApply, resection.Status);
        Assert.Contains(report.Results, r => r.Missing.Contains(FactNames.LesionResectable));
    }
}
