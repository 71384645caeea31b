using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>Issue #13: asynchronous writing (ASP.NET Core forbids synchronous writes to a response) and the schemas shipped in the package.</summary>
public sealed class ReportJsonAsyncAndSchemaTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);

    [Theory]
    [InlineData(ReportLayout.Full)]
    [InlineData(ReportLayout.Compact)]
    public async Task WriteAsync_writes_the_same_bytes_without_a_synchronous_write(ReportLayout layout)
    {
        var report = Evaluate("metachronous-liver-omd.json");
        var options = new ReportJsonOptions { Layout = layout, Label = "A case" };
        using var stream = new AsyncOnlyStream();

        await ReportJson.WriteAsync(stream, report, options, CancellationToken.None);

        Assert.Equal(ReportJson.SerializeToUtf8Bytes(report, options), stream.ToArray());
    }

    [Fact]
    public async Task WriteAsync_honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var stream = new AsyncOnlyStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReportJson.WriteAsync(stream, Evaluate("gist-out-of-scope.json"), null, cancelled.Token));
    }

    [Fact]
    public async Task Patient_document_is_written_asynchronously_as_it_is_serialised()
    {
        var document = PatientJson.ParseDocument(RepositoryFiles.Sample("liver-and-lung-omd.json"));
        using var stream = new AsyncOnlyStream();
        await PatientJson.WriteAsync(stream, document, JsonLayout.SingleLine);
        Assert.Equal(PatientJson.Serialize(document, JsonLayout.SingleLine), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void The_schemas_in_the_package_are_the_repository_schemas()
    {
        Assert.Equal(File.ReadAllText(RepositoryFiles.PatientSchemaPath), PatientJson.Schema);
        Assert.Equal(File.ReadAllText(RepositoryFiles.ReportSchemaPath), ReportJson.Schema(ReportLayout.Full));
        Assert.Equal(File.ReadAllText(RepositoryFiles.CompactReportSchemaPath), ReportJson.Schema(ReportLayout.Compact));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportJson.Schema((ReportLayout)7));
    }

    [Fact]
    public async Task Null_arguments_of_the_asynchronous_writers_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => ReportJson.WriteAsync(null!, Evaluate("gist-out-of-scope.json")));
        await Assert.ThrowsAsync<ArgumentNullException>(() => ReportJson.WriteAsync(new MemoryStream(), null!));
    }

    private static ConsensusReport Evaluate(string name) =>
        ConsensusEngine.Default.Evaluate(PatientJson.Parse(RepositoryFiles.Sample(name)), AsOf);

    /// <summary>A stream that, like an ASP.NET Core response body, refuses synchronous writes.</summary>
    internal sealed class AsyncOnlyStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Write(ReadOnlySpan<byte> buffer) =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            base.Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            base.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }
}
