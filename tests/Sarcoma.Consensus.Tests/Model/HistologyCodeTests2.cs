using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Engine;

namespace Sarcoma.Consensus.Tests.Model;

/// <summary>
/// Codes found in records that the breaking check of issue #9 showed unrecognised: SNOMED CT concepts still used in
/// records, and ICD-O-3 given by its OID. Each is classified by a documented table row, never guessed.
/// </summary>
public sealed class HistologyCodeTests2
{
    [Theory]
    [InlineData("68453008", HistologyScope.NotSoftTissueSarcoma)]        // Carcinoma, no subtype (RCPath colorectal dataset, SNOMED M-80103)
    [InlineData("420120006", HistologyScope.GastrointestinalStromalTumor)] // Gastrointestinal stromal tumor (disorder)
    public void Snomed_ct_codes_still_found_in_records_are_classified_by_the_table(string conceptId, HistologyScope scope)
    {
        Assert.True(HistologyMap.Default.TryResolve(HistologyMap.SnomedCtSystem, conceptId, out var histology));

        Assert.Equal(scope, histology.Scope);
        Assert.False(histology.IsInScope);
    }

    [Fact]
    public void A_snomed_ct_code_no_source_at_hand_pairs_with_its_meaning_stays_unclassified()
    {
        // 21708004 was reported as an osteosarcoma concept; no artefact at hand confirms it, so it is not guessed.
        Assert.True(HistologyMap.Default.TryResolve(HistologyMap.SnomedCtSystem, "21708004", out var histology));

        Assert.Equal(HistologyScope.Unclassified, histology.Scope);
    }

    [Theory]
    [InlineData("8890/3", "leiomyosarcoma")]
    [InlineData("8936/3", "gist")]
    [InlineData("8046/3", "not-soft-tissue-sarcoma")]
    public void Icd_o_3_given_by_its_oid_is_read_like_the_canonical_uri(string code, string expected)
    {
        Assert.True(HistologyMap.Default.TryResolve(HistologyMap.IcdO3Oid, code, out var byOid));
        Assert.True(HistologyMap.Default.TryResolve(HistologyMap.IcdO3System, code, out var byUri));

        Assert.Equal(expected, byOid.Code);
        Assert.Equal(byUri, byOid);
    }

    [Theory]
    [InlineData(HistologyMap.IcdO3System, true)]
    [InlineData("urn:oid:2.16.840.1.113883.6.43.1", true)]
    [InlineData("urn:oid:2.16.840.1.113883.6.43", false)]
    [InlineData("http://terminology.hl7.org/CodeSystem/ICD-O-3", false)]
    [InlineData(HistologyMap.SnomedCtSystem, false)]
    [InlineData(null, false)]
    public void Only_the_canonical_uri_and_the_oid_name_icd_o_3(string? system, bool expected) =>
        Assert.Equal(expected, HistologyMap.IsIcdO3System(system));

    [Fact]
    public void The_snomed_ct_table_of_the_documentation_is_the_table_of_the_code()
    {
        var markdown = File.ReadAllText(Path.Combine(TraceabilityTests.RepositoryRoot(), "docs", "histology.md"));
        var section = markdown.Substring(markdown.IndexOf("## SNOMED CT → ICD-O-3 table", StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\nSources:", StringComparison.Ordinal));
        var documented = Regex.Matches(section, @"^\| ([0-9]+) \| [^|]+ \| ([0-9]{4}/[0-9]) \|", RegexOptions.Multiline)
            .Select(m => (Code: m.Groups[1].Value, Morphology: m.Groups[2].Value))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToArray();

        var inCode = IcdO3Morphology.SnomedCtToIcdO3.Select(p => (Code: p.Key, Morphology: p.Value))
            .Concat(Histology.All.SelectMany(h => h.SnomedCtCodes.Select(c => (Code: c, Morphology: h.IcdO3Codes[0]))))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(inCode, documented);
    }
}
