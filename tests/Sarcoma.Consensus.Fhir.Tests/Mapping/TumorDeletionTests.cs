using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Tests.Samples;
using Sarcoma.Consensus.Fhir.Tests.Support;
using Sarcoma.Consensus.Model;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// Clinical safety rule 1 inside the lesions (fresh breaker of issue #9): deleting a Tumor BodyStructure's location, or the
/// Tumor while its TumorSize Observation still points to it, dropped the lesion, and 5.5 went from insufficient data to
/// does not apply. A lesion the record shows with an unknown site is unknown, never absent. <see cref="AbsenceTests"/>
/// deletes whole resources and statuses; this deletes every element (each property and each array item, at any depth) of
/// every Tumor BodyStructure and TumorSize Observation of every sample bundle in turn.
/// </summary>
public sealed class TumorDeletionTests
{
    [Theory]
    [MemberData(nameof(Repo.SampleData), MemberType = typeof(Repo))]
    public void Deleting_any_element_of_a_tumor_or_its_size_never_decides_a_recommendation_differently(string name)
    {
        var bundle = SampleBundleTests.SampleBundle(name);
        var before = Statuses(bundle);
        if (before.Count == 0)
        {
            return; // out of scope (GIST): no recommendation's status to compare
        }

        var flips = new List<string>();
        var deletions = 0;
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var resource = bundle.Entry[i].Resource!;
            if (!IsTumorOrSize(resource))
            {
                continue;
            }

            var json = JsonNode.Parse(FhirJson.Serialize(resource))!;
            foreach (var path in ElementPaths(json, string.Empty).Where(p => p != "resourceType" && p != "id"))
            {
                var copy = (Bundle)bundle.DeepCopy();
                var edited = JsonNode.Parse(FhirJson.Serialize(resource))!;
                Remove(edited, path);
                Dictionary<string, EvaluationStatus> after;
                try
                {
                    copy.Entry[i].Resource = FhirJson.ParseResource(edited.ToJsonString());
                    after = Statuses(copy);
                }
                catch (FhirInputException)
                {
                    continue; // refused input (a required element removed) decides nothing
                }

                deletions++;
                foreach (var (id, status) in after)
                {
                    if (status != EvaluationStatus.InsufficientData && (!before.TryGetValue(id, out var was) || was != status))
                    {
                        flips.Add($"{resource.TypeName}/{resource.Id} without {path}: {id} {(before.TryGetValue(id, out var b) ? b.ToString() : "absent")} -> {status}");
                    }
                }
            }
        }

        Assert.True(flips.Count == 0, string.Join("\n", flips));
        Assert.True(!bundle.Entry.Any(e => IsTumorOrSize(e.Resource!)) || deletions > 0, "no element was deleted: the test would prove nothing");
    }

    [Fact]
    public void A_tumor_deleted_while_its_size_observation_points_to_it_leaves_the_lesions_unknown_not_fewer()
    {
        var bundle = (Bundle)SampleBundleTests.SampleBundle("synchronous-omd-induction").DeepCopy();
        var before = Statuses(bundle);
        Assert.Equal(1, bundle.Entry.RemoveAll(e => e.Resource is BodyStructure { Id: "tumor-1" }));

        var mapping = McodeMapper.Default.Map(bundle);

        Assert.Empty(mapping.PendingLesions);
        var unknown = mapping.Report.UnknownEntry(FactNames.Lesions)!;
        Assert.Equal(UnknownReason.Ambiguous, unknown.Reason);
        Assert.Contains(".focus", unknown.Explanation, System.StringComparison.Ordinal);
        Assert.Equal(EvaluationStatus.InsufficientData, before["5.5"]);
        Assert.Equal(EvaluationStatus.InsufficientData, Statuses(bundle)["5.5"]); // was does-not-apply: two lesions listed instead of three
    }

    [Fact]
    public void A_tumor_without_a_readable_site_and_no_single_site_condition_leaves_the_lesions_unknown()
    {
        // Two liver tumours linked to a metastasis condition at two sites: the second's location is removed.
        var secondary = Secondary("met", "128462008", bodySite: "10200004").Replace("\"bodySite\":[", "\"bodySite\":[" + Coding(Sct, "39607008") + ",", System.StringComparison.Ordinal);
        var siteless = Tumor("t2", "met").Replace("\"location\":{\"coding\":[{\"system\":\"" + Sct + "\",\"code\":\"10200004\"}]},", string.Empty, System.StringComparison.Ordinal);
        var mapping = McodeMapper.Default.Map(Bundle(Primary(), secondary, Tumor("t1", "met"), Tumor("t3", "met", site: "39607008"), siteless, TumorSize("s2", "t2", 2.1m, "cm")));

        Assert.Empty(mapping.PendingLesions);
        var unknown = mapping.Report.UnknownEntry(FactNames.Lesions)!;
        Assert.Equal(UnknownReason.Ambiguous, unknown.Reason);
        Assert.Contains("BodyStructure/t2", unknown.Explanation, System.StringComparison.Ordinal);
        Assert.Contains("unknown site", unknown.Explanation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_tumor_whose_location_is_outside_the_value_set_takes_the_single_site_of_its_related_condition()
    {
        var mapping = McodeMapper.Default.Map(Bundle(Primary(), Secondary("met", "94381002"), Tumor("t1", "met", site: "999999999", text: "segment 6")));

        var lesion = Assert.Single(mapping.PendingLesions);
        Assert.Equal(MetastaticSite.Liver, lesion.Site);
        Assert.Equal(new[] { 6 }, lesion.Segments);
    }

    private static bool IsTumorOrSize(Resource resource) =>
        resource is BodyStructure ||
        (resource is Observation o && o.Code.Coding.Any(c => c.System == Loinc && c.Code is "21889-1" or "33728-7"));

    /// <summary>Every property and array item under a node, as paths (<c>location.coding[0].code</c>).</summary>
    private static IEnumerable<string> ElementPaths(JsonNode node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var path = prefix.Length == 0 ? key : prefix + "." + key;
                    yield return path;
                    if (value is not null)
                    {
                        foreach (var inner in ElementPaths(value, path))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var path = prefix + "[" + i + "]";
                    yield return path;
                    foreach (var inner in ElementPaths(array[i]!, path))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static void Remove(JsonNode root, string path)
    {
        var node = root;
        var steps = Steps(path).ToList();
        for (var s = 0; s < steps.Count - 1; s++)
        {
            node = steps[s] is int index ? node[index]! : node[(string)steps[s]]!;
        }

        if (steps[^1] is int last)
        {
            ((JsonArray)node).RemoveAt(last);
        }
        else
        {
            ((JsonObject)node).Remove((string)steps[^1]);
        }
    }

    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            yield return bracket < 0 ? part : part.Substring(0, bracket);
            var rest = bracket < 0 ? string.Empty : part.Substring(bracket);
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']');
                yield return int.Parse(rest.Substring(1, close - 1), System.Globalization.CultureInfo.InvariantCulture);
                rest = rest.Substring(close + 1);
            }
        }
    }

    // With the lesions read confirmed complete (the Questionnaire's yes): the bundle alone decides no lesion-based
    // recommendation, so the deletions are checked where the lesion list is used.
    private static Dictionary<string, EvaluationStatus> Statuses(Bundle bundle) =>
        ConsensusEngine.Default.Evaluate(ConfirmedLesions.Patient(McodeMapper.Default.Map(bundle)), SampleBundleTests.AsOf)
            .Results.ToDictionary(r => r.Id, r => r.Status);
}
