using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Tests.Model;

public sealed class LesionTests
{
    [Theory]
    [InlineData(new[] { 1 }, LiverLobe.Caudate)]
    [InlineData(new[] { 2, 3 }, LiverLobe.Left)]
    [InlineData(new[] { 4 }, LiverLobe.Left)]
    [InlineData(new[] { 5, 8 }, LiverLobe.Right)]
    public void Lobe_is_derived_from_Couinaud_segments(int[] segments, LiverLobe lobe) =>
        Assert.Equal(lobe, new Lesion { Site = MetastaticSite.Liver, Segments = segments }.EffectiveLobe);

    [Fact]
    public void A_lesion_spanning_lobes_has_no_single_lobe_but_touches_both()
    {
        var lesion = new Lesion { Site = MetastaticSite.Liver, Segments = new[] { 4, 5 } };

        Assert.Null(lesion.EffectiveLobe);
        Assert.Equal(new[] { LiverLobe.Left, LiverLobe.Right }, lesion.LobesTouched);
    }

    [Fact]
    public void A_recorded_lobe_wins_and_unknown_segments_leave_the_lobe_unknown()
    {
        Assert.Equal(LiverLobe.Right, new Lesion { Site = MetastaticSite.Liver, Lobe = LiverLobe.Right }.EffectiveLobe);
        Assert.Null(new Lesion { Site = MetastaticSite.Liver }.EffectiveLobe);
    }
}
