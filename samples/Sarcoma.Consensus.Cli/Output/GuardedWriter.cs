using System;
using System.IO;
using System.Text;

namespace Sarcoma.Consensus.Cli.Output;

/// <summary>
/// Wraps a writer (standard output) so that a failure to write it surfaces as an <see cref="OutputFailureException"/>
/// naming the output, instead of an unexplained exception.
/// </summary>
internal sealed class GuardedWriter : TextWriter
{
    private readonly TextWriter inner;
    private readonly string name;

    public GuardedWriter(TextWriter inner, string name)
        : base(inner.FormatProvider)
    {
        this.inner = inner;
        this.name = name;
        NewLine = inner.NewLine;
    }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var copy = buffer.ToString();
        Guard(() => inner.Write(copy));
    }

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void WriteLine() => Guard(() => inner.WriteLine());

    public override void Flush() => Guard(inner.Flush);

    public override string ToString() => inner.ToString() ?? string.Empty;

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new OutputFailureException(name, OutputFailureException.Describe(e));
        }
    }
}
