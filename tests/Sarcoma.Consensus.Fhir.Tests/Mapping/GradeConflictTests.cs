using System;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Model;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>docs/fhir.md, "Conflicting resources": two histologic grades of the same date that disagree leave the grade unknown (Conflicting), never settled by entry order.</summary>
public sealed class GradeConflictTests
{
    [Theory]
    [InlineData("\"valueInteger\":2", "\"valueInteger\":3")]
    [InlineData("\"valueInteger\":3", "\"valueInteger\":2")]
    public void Two_grades_of_the_same_date_that_disagree_leave_the_grade_unknown_naming_both_paths(string first, string second)
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Observation("grade-a", "21858-6", first, date: "2022-03-20"),
            Observation("grade-b", "21858-6", second, date: "2022-03-20")));

        Assert.Null(mapping.Patient.Primary!.Grade);
        var unknown = mapping.Report.UnknownEntry(FactNames.PrimaryGrade);
        Assert.NotNull(unknown);
        Assert.Equal(UnknownReason.Conflicting, unknown!.Reason);
        Assert.Contains("Bundle.entry[1].resource(Observation).valueInteger", unknown.Explanation, StringComparison.Ordinal);
        Assert.Contains("Bundle.entry[2].resource(Observation).valueInteger", unknown.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coded_and_an_integer_grade_of_the_same_date_that_disagree_are_a_conflict()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Observation("grade-a", "21858-6", "\"valueCodeableConcept\":" + Coding(Sct, "54102005"), date: "2022-03-20"),
            Observation("grade-b", "21858-6", "\"valueInteger\":3", date: "2022-03-20")));

        var unknown = mapping.Report.UnknownEntry(FactNames.PrimaryGrade);
        Assert.Equal(UnknownReason.Conflicting, unknown!.Reason);
        Assert.Contains("Bundle.entry[1].resource(Observation).valueCodeableConcept", unknown.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_grade_twice_on_one_date_is_read()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Observation("grade-a", "21858-6", "\"valueInteger\":2", date: "2022-03-20"),
            Observation("grade-b", "21858-6", "\"valueCodeableConcept\":" + Coding(Sct, "1663004"), date: "2022-03-20")));

        Assert.Equal(HistologicGrade.G2, mapping.Patient.Primary!.Grade);
    }

    [Fact]
    public void Grades_of_different_dates_are_not_a_conflict_the_latest_is_read()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Observation("grade-a", "21858-6", "\"valueInteger\":3", date: "2022-04-20"),
            Observation("grade-b", "21858-6", "\"valueInteger\":2", date: "2022-03-20")));

        Assert.Equal(HistologicGrade.G3, mapping.Patient.Primary!.Grade);
    }
}
