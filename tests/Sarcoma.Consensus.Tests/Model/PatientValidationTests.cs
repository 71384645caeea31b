using System;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Model;

/// <summary>Inconsistent input gets one error naming every offending field, and never the patient's values.</summary>
public sealed class PatientValidationTests
{
    [Fact]
    public void Every_problem_is_reported_at_once_by_field()
    {
        var builder = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new LocalDate(2022, 5, 10))
            .MetastasesDetectedOn(new LocalDate(2022, 2, 8))
            .AddLesion(MetastaticSite.Liver, sizeMm: -3)
            .AddLesion(MetastaticSite.Liver, sizeMm: 612)
            .AddLesion(MetastaticSite.Lung, sizeMm: 10, l => l.InSegments(3))
            .AddLesion(MetastaticSite.Liver, sizeMm: 10, l => l.InSegments(9))
            .WithPerformanceStatus(6)
            .WithAsaClass(0)
            .WithLiverSurgeryPlan(futureLiverRemnantPercent: 140);

        var error = Assert.Throws<PatientValidationException>(() => builder.Build());

        Assert.Equal(
            new[]
            {
                "metastases.detectedOn",
                "metastases.lesions[0].sizeMm",
                "metastases.lesions[1].sizeMm",
                "metastases.lesions[2].segments",
                "metastases.lesions[3].segments",
                "clinical.ecog",
                "clinical.asaClass",
                "liverSurgery.futureLiverRemnantPercent",
            },
            error.Errors.Select(e => e.Field).ToArray());
        Assert.StartsWith("The patient record is invalid (8 problems)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_never_contain_the_patients_values()
    {
        var builder = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new LocalDate(2022, 5, 10))
            .MetastasesDetectedOn(new LocalDate(2019, 7, 23))
            .AddLesion(MetastaticSite.Liver, sizeMm: 777.5m)
            .WithPerformanceStatus(17);

        var message = Assert.Throws<PatientValidationException>(() => builder.Build()).Message;

        foreach (var value in new[] { "2022", "2019", "777", "17" })
        {
            Assert.DoesNotContain(value, message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0.1, true)]
    [InlineData(500, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(500.1, false)]
    public void Lesion_sizes_must_be_positive_and_plausible(double size, bool valid)
    {
        var patient = new Patient { Metastases = new MetastaticDisease { Lesions = new[] { new Lesion { Site = MetastaticSite.Liver, SizeMm = (decimal)size } } } };

        Assert.Equal(valid, PatientValidator.Validate(patient).Count == 0);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(-1, false)]
    [InlineData(6, false)]
    public void Ecog_must_be_0_to_5(int ecog, bool valid) =>
        Assert.Equal(valid, PatientValidator.Validate(new Patient { Clinical = new ClinicalStatus { Ecog = ecog } }).Count == 0);

    [Theory]
    [InlineData(1, true)]
    [InlineData(6, true)]
    [InlineData(0, false)]
    [InlineData(7, false)]
    public void Asa_class_must_be_1_to_6(int asa, bool valid) =>
        Assert.Equal(valid, PatientValidator.Validate(new Patient { Clinical = new ClinicalStatus { AsaClass = asa } }).Count == 0);

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(-0.1, false)]
    [InlineData(100.1, false)]
    public void Future_liver_remnant_must_be_0_to_100_percent(double flr, bool valid) =>
        Assert.Equal(valid, PatientValidator.Validate(new Patient { LiverSurgery = new LiverSurgeryPlan { FutureLiverRemnantPercent = (decimal)flr } }).Count == 0);

    [Fact]
    public void More_than_1000_lesions_are_rejected()
    {
        var lesions = Enumerable.Range(0, 1001).Select(_ => new Lesion { Site = MetastaticSite.Lung }).ToArray();

        var errors = PatientValidator.Validate(new Patient { Metastases = new MetastaticDisease { Lesions = lesions } });

        Assert.Equal("metastases.lesions", Assert.Single(errors).Field);
    }

    [Fact]
    public void Dates_after_the_evaluation_date_are_future_dates()
    {
        var patient = Vignettes.MetachronousLiverOnlyOmd().Build();

        var errors = PatientValidator.Validate(patient, asOf: new LocalDate(2023, 1, 1));

        Assert.Equal(new[] { "metastases.detectedOn" }, errors.Select(e => e.Field).ToArray());
        Assert.Contains("future", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_evaluation_date_before_the_primary_diagnosis_is_rejected()
    {
        var errors = PatientValidator.Validate(Vignettes.MetachronousLiverOnlyOmd().Build(), asOf: new LocalDate(2020, 1, 1));

        Assert.Contains(errors, e => e.Field == FactNames.AsOf);
        Assert.Contains(errors, e => e.Field == FactNames.PrimaryDiagnosedOn);
    }

    [Fact]
    public void Liver_only_facts_on_a_lung_lesion_are_rejected()
    {
        var patient = new Patient
        {
            Metastases = new MetastaticDisease
            {
                Lesions = new[] { new Lesion { Site = MetastaticSite.Lung, Lobe = LiverLobe.Right, CentralLocation = true } },
            },
        };

        var fields = PatientValidator.Validate(patient).Select(e => e.Field).ToArray();

        Assert.Equal(new[] { "metastases.lesions[0].lobe", "metastases.lesions[0].centralLocation" }, fields);
    }

    [Fact]
    public void Listing_liver_resections_contradicts_no_previous_liver_resection()
    {
        var builder = Vignettes.MetachronousLiverOnlyOmd().AddLiverResection(new LocalDate(2024, 1, 10), ResectionMargin.R0);

        var error = Assert.Throws<PatientValidationException>(() => builder.Build());

        Assert.Equal(FactNames.PreviousLiverResection, Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Undefined_enum_values_are_rejected_by_field()
    {
        var patient = new Patient { Primary = new PrimaryTumor { Site = (PrimarySite)42 } };

        Assert.Equal(FactNames.PrimarySite, Assert.Single(PatientValidator.Validate(patient)).Field);
    }

    [Fact]
    public void A_consistent_record_has_no_errors()
    {
        Assert.Empty(PatientValidator.Validate(Vignettes.MetachronousLiverOnlyOmd().Build(), Vignettes.AsOf));
    }
}

public sealed class LesionLocationValidationTests
{
    [Fact]
    public void A_lobe_that_contradicts_the_segments_is_rejected()
    {
        var builder = Patient.Builder().AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(6).InLobe(LiverLobe.Left));

        Assert.Equal("metastases.lesions[0].lobe", Assert.Single(Assert.Throws<PatientValidationException>(() => builder.Build()).Errors).Field);
    }

    [Fact]
    public void A_single_lobe_for_a_lesion_whose_segments_span_both_hemilivers_is_rejected()
    {
        // Section 3.5 / 5.5: a lesion recorded in one lobe must not reach the other, or removing its segments would make
        // the metastases look confined to one lobe.
        var builder = Patient.Builder().AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(4, 5).InLobe(LiverLobe.Right));

        var error = Assert.Single(Assert.Throws<PatientValidationException>(() => builder.Build()).Errors);
        Assert.Equal("metastases.lesions[0].lobe", error.Field);
        Assert.Contains("leave lobe empty", error.Message);
    }

    [Fact]
    public void A_lesion_spanning_both_hemilivers_without_a_lobe_is_accepted() =>
        Patient.Builder().AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(4, 5)).Build();

    [Fact]
    public void A_lobe_with_the_caudate_segment_alongside_is_accepted() =>
        Patient.Builder().AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(1, 4).InLobe(LiverLobe.Left)).Build();

    [Fact]
    public void A_caudate_lobe_with_segments_beyond_the_caudate_is_rejected()
    {
        var builder = Patient.Builder().AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(1, 4).InLobe(LiverLobe.Caudate));

        Assert.Equal("metastases.lesions[0].lobe", Assert.Single(Assert.Throws<PatientValidationException>(() => builder.Build()).Errors).Field);
    }

    [Fact]
    public void Duplicate_segments_are_rejected()
    {
        var patient = new Patient { Metastases = new MetastaticDisease { Lesions = new[] { new Lesion { Site = MetastaticSite.Liver, Segments = new[] { 6, 6 } } } } };

        Assert.Equal("metastases.lesions[0].segments", Assert.Single(PatientValidator.Validate(patient)).Field);
    }

    [Fact]
    public void No_evidence_of_disease_with_current_lesions_is_rejected()
    {
        var builder = Patient.Builder().NoEvidenceOfDisease().AddLesion(MetastaticSite.Liver, 20);

        Assert.Equal(FactNames.NoEvidenceOfDisease, Assert.Single(Assert.Throws<PatientValidationException>(() => builder.Build()).Errors).Field);
    }
}
