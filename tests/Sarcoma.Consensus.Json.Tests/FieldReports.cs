using System.IO;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>The inputs in <c>tests/field-reports/</c> (copied from <c>../shared/cases/field-reports/</c>).</summary>
internal static class FieldReports
{
    public static string Directory => Path.Combine(RepositoryFiles.Root, "tests", "field-reports");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));
}
