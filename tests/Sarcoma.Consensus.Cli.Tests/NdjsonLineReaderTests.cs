using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Sarcoma.Consensus.Cli.Input;

namespace Sarcoma.Consensus.Cli.Tests;

public sealed class NdjsonLineReaderTests
{
    [Fact]
    public void Splits_on_line_feeds_dropping_carriage_returns_and_a_leading_byte_order_mark()
    {
        var lines = ReadAll(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"a\":1}\r\n\n  \n{\"b\":2}")).ToArray());

        Assert.Equal(new[] { "{\"a\":1}", string.Empty, "  ", "{\"b\":2}" }, lines.Select(l => l.Text));
        Assert.Equal(new[] { 1L, 2L, 3L, 4L }, lines.Select(l => l.Number));
    }

    [Fact]
    public void A_final_line_end_does_not_make_an_extra_line()
    {
        Assert.Equal(2, ReadAll(Encoding.UTF8.GetBytes("a\nb\n")).Count);
        Assert.Empty(ReadAll(Array.Empty<byte>()));
    }

    [Fact]
    public void Lines_longer_than_the_buffer_are_read_whole()
    {
        var longLine = new string('x', 200_000);

        var lines = ReadAll(Encoding.UTF8.GetBytes(longLine + "\nshort"));

        Assert.Equal(new[] { longLine, "short" }, lines.Select(l => l.Text));
    }

    [Fact]
    public void A_line_over_the_limit_is_reported_too_long_and_skipped_and_the_next_line_is_read()
    {
        var tooLong = new string('x', NdjsonLineReader.MaximumLineBytes + 1);

        var lines = ReadAll(Encoding.UTF8.GetBytes(tooLong + "\nnext\n"));

        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].TooLong);
        Assert.Equal(string.Empty, lines[0].Text);
        Assert.Equal(("next", false, 2L), (lines[1].Text, lines[1].TooLong, lines[1].Number));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(" \t\r", true)]
    [InlineData(" {} ", false)]
    public void Blank_lines_hold_only_white_space(string line, bool blank)
    {
        Assert.Equal(blank, NdjsonLineReader.IsBlank(Encoding.UTF8.GetBytes(line)));
    }

    private static List<(string Text, bool TooLong, long Number)> ReadAll(byte[] bytes)
    {
        var reader = new NdjsonLineReader(new MemoryStream(bytes));
        var lines = new List<(string, bool, long)>();
        while (reader.ReadLine(out var content, out var tooLong))
        {
            lines.Add((Encoding.UTF8.GetString(content.Span), tooLong, reader.LineNumber));
        }

        return lines;
    }
}
