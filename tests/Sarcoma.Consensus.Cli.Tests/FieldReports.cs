using System.IO;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>The inputs in <c>tests/field-reports/</c>, copied from <c>../shared/cases/field-reports/</c> (see its README).</summary>
internal static class FieldReports
{
    public static string Folder => Path.Combine(Repo.Root, "tests", "field-reports");

    public static string File(string name) => Path.Combine(Folder, name);
}
