using Snapshooter.Xunit;

namespace Sarcoma.Consensus.Reporting.Tests;

/// <summary>
/// The whole page of the flagship sample, so any change to the HTML shows up in review. Update it by deleting the
/// .snap file and running the tests without SNAPSHOOTER_STRICT_MODE (CI runs strict: a missing snapshot fails).
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void The_flagship_sample_renders_the_page_in_the_snapshot() =>
        Snapshot.Match(Samples.Html("metachronous-liver-omd"));
}
