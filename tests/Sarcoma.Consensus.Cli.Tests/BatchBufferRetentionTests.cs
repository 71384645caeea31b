using System;
using Sarcoma.Consensus.Cli.Commands;
using Xunit;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>
/// #12: a line item of the batch window is reused for later lines with its buffers, but never keeps an array grown for
/// a rare long line, so the memory the window holds stays bounded whatever mix of line lengths comes in.
/// </summary>
public sealed class BatchBufferRetentionTests
{
    [Fact]
    public void A_recycled_line_gives_back_an_input_array_grown_for_a_long_line()
    {
        var work = new BatchEvaluation.LineWork();

        work.Queue(1, new byte[3 * 1024 * 1024]).Recycle();

        Assert.Equal(0, work.InputCapacity);
    }

    [Fact]
    public void A_recycled_line_keeps_an_input_array_of_ordinary_size_for_the_next_line()
    {
        var work = new BatchEvaluation.LineWork();

        work.Queue(1, new byte[4 * 1024]).Recycle();

        Assert.InRange(work.InputCapacity, 4 * 1024, BatchEvaluation.LineWork.RetainedInputBytes);
    }

    [Fact]
    public void A_recycled_line_gives_back_a_report_array_grown_beyond_what_it_retains()
    {
        var work = new BatchEvaluation.LineWork();
        work.Output.GetSpan(BatchEvaluation.LineWork.RetainedReportBytes + 1);
        work.Output.Advance(BatchEvaluation.LineWork.RetainedReportBytes + 1);

        work.Recycle();

        Assert.Equal(0, work.Output.WrittenCount);
        Assert.True(work.Output.Capacity < BatchEvaluation.LineWork.RetainedReportBytes, "the large report array was kept after Recycle");
    }

    [Fact]
    public void A_recycled_line_keeps_a_report_array_of_ordinary_size_for_the_next_line()
    {
        var work = new BatchEvaluation.LineWork();
        work.Output.GetSpan(8 * 1024);
        work.Output.Advance(8 * 1024);

        work.Recycle();

        Assert.Equal(0, work.Output.WrittenCount);
        Assert.InRange(work.Output.Capacity, 8 * 1024, BatchEvaluation.LineWork.RetainedReportBytes);
    }
}
