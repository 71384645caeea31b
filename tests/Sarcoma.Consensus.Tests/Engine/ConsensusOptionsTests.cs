using System.Linq;

namespace Sarcoma.Consensus.Tests.Engine;

public sealed class ConsensusOptionsTests
{
    [Fact]
    public void The_defaults_are_the_consensus_reading_and_valid()
    {
        var options = new ConsensusOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(6, options.SynchronousWindowMonths);
        Assert.Equal(BoundaryTiming.Synchronous, options.AtWindowBoundary);
        Assert.Equal(12, options.RemetastasectomyMinimumTfiMonths);
        Assert.Equal(18, options.RemetastasectomyClearTfiMonths);
        Assert.Equal(1, options.GoodPerformanceStatusMaximumEcog);
        Assert.Equal(25m, options.NormalLiverMinimumFlrPercent);
        Assert.Equal(30m, options.ChemotherapyLiverMinimumFlrPercent);
        Assert.Equal(40m, options.ChemotherapyLiverEvaluationCeilingFlrPercent);
        Assert.Equal(10, options.FollowUpHorizonYears);
        Assert.Equal(60, options.LongDiseaseFreeIntervalMonths);
        Assert.Equal(3, options.SurgeryPrecludingMinimumEcog);
        Assert.Equal(90, options.DetectionBeforeDiagnosisToleranceDays);
    }

    [Theory]
    [InlineData(1, 2, true)]
    [InlineData(1, 1, false)]
    [InlineData(0, 1, true)]
    [InlineData(2, 2, false)]
    public void The_ECOG_that_precludes_surgery_must_be_worse_than_good_performance_status(int good, int precluding, bool valid)
    {
        var options = new ConsensusOptions { GoodPerformanceStatusMaximumEcog = good, SurgeryPrecludingMinimumEcog = precluding };

        Assert.Equal(valid, options.Validate().Count == 0);
    }

    [Fact]
    public void Every_impossible_setting_is_named()
    {
        var options = new ConsensusOptions
        {
            SynchronousWindowMonths = 0,
            AtWindowBoundary = (BoundaryTiming)7,
            RemetastasectomyMinimumTfiMonths = 24,
            RemetastasectomyClearTfiMonths = 18,
            GoodPerformanceStatusMaximumEcog = 5,
            NormalLiverMinimumFlrPercent = 0,
            ChemotherapyLiverMinimumFlrPercent = 100,
            ChemotherapyLiverEvaluationCeilingFlrPercent = 20,
            LongDiseaseFreeIntervalMonths = 11,
            SurgeryPrecludingMinimumEcog = 6,
            DetectionBeforeDiagnosisToleranceDays = 184,
            FollowUpHorizonYears = 4,
            TimeZoneId = "Mars/Olympus",
        };

        Assert.Equal(
            new[]
            {
                nameof(ConsensusOptions.SynchronousWindowMonths),
                nameof(ConsensusOptions.AtWindowBoundary),
                nameof(ConsensusOptions.RemetastasectomyClearTfiMonths),
                nameof(ConsensusOptions.GoodPerformanceStatusMaximumEcog),
                nameof(ConsensusOptions.NormalLiverMinimumFlrPercent),
                nameof(ConsensusOptions.ChemotherapyLiverMinimumFlrPercent),
                nameof(ConsensusOptions.ChemotherapyLiverEvaluationCeilingFlrPercent),
                nameof(ConsensusOptions.LongDiseaseFreeIntervalMonths),
                nameof(ConsensusOptions.SurgeryPrecludingMinimumEcog),
                nameof(ConsensusOptions.DetectionBeforeDiagnosisToleranceDays),
                nameof(ConsensusOptions.FollowUpHorizonYears),
                nameof(ConsensusOptions.TimeZoneId),
            },
            options.Validate().Select(e => e.Field).ToArray());
    }
}
