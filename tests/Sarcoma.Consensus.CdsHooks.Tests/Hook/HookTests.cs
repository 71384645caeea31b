using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sarcoma.Consensus.CdsHooks.Tests.Support;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Questionnaires;
using Sarcoma.Consensus.Fhir.Tests.Support;
using Sarcoma.Consensus.Reporting;
using Xunit.Abstractions;

namespace Sarcoma.Consensus.CdsHooks.Tests.Hook;

public sealed class HookTests : IClassFixture<CdsHooksFactory>
{
    private readonly CdsHooksFactory factory;
    private readonly ITestOutputHelper output;

    public HookTests(CdsHooksFactory factory, ITestOutputHelper output)
    {
        this.factory = factory;
        this.output = output;
    }

    public static TheoryData<string> Samples() => Repo.SampleData();

    [Theory]
    [MemberData(nameof(Samples))]
    public async System.Threading.Tasks.Task Each_sample_patient_as_prefetch_gets_well_formed_cards(string sample)
    {
        var (status, body) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, Prefetch.Request(Prefetch.SampleBundle(sample)));

        Assert.Equal(200, status);
        Assert.Empty(CdsShape.CardsResponse(body, requireUuids: true));
        var cards = body.GetProperty("cards").EnumerateArray().ToArray();
        output.WriteLine($"{sample}: {cards.Length} cards: " + string.Join(" | ", cards.Select(c => c.GetProperty("indicator").GetString() + ": " + c.GetProperty("summary").GetString())));
        if (sample == "gist-out-of-scope")
        {
            Assert.Empty(cards);
            return;
        }

        Assert.NotEmpty(cards);
        foreach (var card in cards)
        {
            Assert.Equal("https://doi.org/10.3390/cancers17081295", card.GetProperty("source").GetProperty("url").GetString());
            Assert.Contains("Cancers 2025", card.GetProperty("source").GetProperty("label").GetString());
            Assert.Contains(card.GetProperty("links").EnumerateArray(), l => l.GetProperty("url").GetString()!.Contains("/reports?token=", StringComparison.Ordinal));
            foreach (var action in card.TryGetProperty("suggestions", out var s) ? s.EnumerateArray().SelectMany(x => x.GetProperty("actions").EnumerateArray()) : Enumerable.Empty<JsonElement>())
            {
                var request = FhirJson.Parse<ServiceRequest>(action.GetProperty("resource").GetRawText());
                Assert.Empty(FhirValidation.Errors(request));
                Assert.Equal("Patient/" + Prefetch.PatientId, request.Subject.Reference);
                Assert.Equal(RequestStatus.Draft, request.Status);
                Assert.Equal(RequestIntent.Proposal, request.Intent);
            }
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task The_specifications_patient_view_request_is_refused_with_412_when_the_data_cannot_be_had()
    {
        // The spec's request prefetches only a Patient and names a FHIR server this service does not allow.
        var (status, body) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, Http.Fixture("hl7-spec_patient-view-request.json"));

        Assert.Equal(412, status);
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetString()!.StartsWith("prefetch.cancerConditions", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task Without_prefetch_the_service_fetches_from_the_fhir_server_with_the_ehrs_token()
    {
        factory.Fhir.Source = Prefetch.SampleBundle("metachronous-liver-omd");
        var request = JsonNode.Parse(Http.Fixture("hl7-spec_patient-view-request.json"))!.AsObject();
        request["fhirServer"] = CdsHooksFactory.FhirServer;
        request["context"]!["patientId"] = Prefetch.PatientId;
        var before = factory.Fhir.Requests.Count;

        var (status, fetched) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, request);
        var (_, prefetched) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, Prefetch.Request(Prefetch.SampleBundle("metachronous-liver-omd")));

        Assert.Equal(200, status);
        var calls = factory.Fhir.Requests.Skip(before).ToArray();
        Assert.Equal(Sarcoma.Consensus.Fhir.DataRequirements.FhirDataRequirements.Prefetch.Count, calls.Length);
        Assert.All(calls, c => Assert.Equal("Bearer some-opaque-fhir-access-token", c.Authorization));
        Assert.All(calls, c => Assert.StartsWith(CdsHooksFactory.FhirServer + "/", c.Url.AbsoluteUri, StringComparison.Ordinal));
        Assert.Equal(WithoutLinks(prefetched), WithoutLinks(fetched));
    }

    [Fact]
    public async System.Threading.Tasks.Task Keys_neither_prefetched_nor_fetchable_are_named_as_unknown_not_read_as_no()
    {
        var request = Prefetch.Request(Prefetch.SampleBundle("metachronous-liver-omd"), keys: new[] { "cancerConditions", "tumors", "tumorSize" });
        var (status, body) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, request);

        Assert.Equal(200, status);
        var facts = body.GetProperty("cards").EnumerateArray().Single(c => Kind(c) == "facts-needed");
        Assert.Contains("`performanceStatus`", facts.GetProperty("detail").GetString());
        Assert.Contains("`procedures`", facts.GetProperty("detail").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task A_patient_without_liver_metastases_gets_an_empty_card_list()
    {
        var bundle = Prefetch.SampleBundle("metachronous-liver-omd");
        bundle.Entry.RemoveAll(e => e.Resource?.Id is "metastasis-liver" or "tumor-1" or "tumor-2" or "tumor-size-1" or "tumor-size-2");

        var (status, body) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, Prefetch.Request(bundle));

        Assert.Equal(200, status);
        Assert.Equal(JsonDocument.Parse(Http.Fixture("hl7-spec_empty-cards-response.json")).RootElement.GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal), body.GetRawText());
    }

    [Fact]
    public async System.Threading.Tasks.Task The_same_request_gets_the_same_cards_and_another_hook_instance_other_uuids()
    {
        var bundle = Prefetch.SampleBundle("liver-and-lung-omd");
        var (_, first) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, Prefetch.Request(bundle));
        var (_, second) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, Prefetch.Request(bundle));
        var (_, other) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, Prefetch.Request(bundle, Guid.NewGuid()));

        Assert.Equal(WithoutLinks(first), WithoutLinks(second));
        var uuids = first.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("uuid").GetString()).ToArray();
        Assert.NotEmpty(uuids);
        Assert.Empty(uuids.Intersect(other.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("uuid").GetString())));
    }

    [Theory]
    [InlineData("{", "(body)")]
    [InlineData("[]", "(body)")]
    [InlineData("{\"hook\":\"patient-view\",\"context\":{\"patientId\":\"patient\"}}", "hookInstance")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"not-a-uuid\",\"context\":{\"patientId\":\"patient\"}}", "hookInstance")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\",\"context\":{}}", "context.patientId")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\",\"context\":{\"patientId\":\"patient\"},\"prefetch\":{\"cancerConditions\":{\"resourceType\":\"Nonsense\"}}}", "prefetch.cancerConditions")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\",\"context\":{\"patientId\":\"patient\"},\"fhirAuthorization\":{\"access_token\":\"t\"}}", "fhirAuthorization")]
    public async System.Threading.Tasks.Task A_malformed_request_gets_400_naming_the_member(string body, string member)
    {
        var (status, answer) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, body);

        Assert.Equal(400, status);
        Assert.Contains(answer.GetProperty("problems").EnumerateArray(), p => p.GetString()!.StartsWith(member, StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task Another_hook_is_refused_with_400()
    {
        var (status, answer) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, Http.Fixture("crd-test-kit_encounter_start_hook_request.json"));

        Assert.Equal(400, status);
        Assert.Contains(answer.GetProperty("problems").EnumerateArray(), p => p.GetString()!.StartsWith("hook", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_prefetched_resource_whose_id_cannot_be_shown_is_refused_naming_the_id()
    {
        // The in-place prefetch reader leaves ids to the mapper, which holds every input to FhirJson's id rule (docs/fhir.md).
        var source = Prefetch.SampleBundle("metachronous-liver-omd");
        var condition = source.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Condition>().First();
        condition.Id = "zq\u200Bprimary";

        var (status, answer) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, Prefetch.Request(source));

        Assert.Equal(400, status);
        Assert.Contains(answer.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("(Condition).id: holds a character that cannot be shown as a label", StringComparison.Ordinal));
        Assert.DoesNotContain("zq", answer.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Prefetched_data_of_another_patient_is_refused_not_mixed_in()
    {
        var (status, answer) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, Prefetch.Request(Prefetch.SampleBundle("metachronous-liver-omd"), patientId: "someone-else"));

        Assert.Equal(400, status);
        Assert.DoesNotContain("someone-else", answer.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_card_links_open_the_html_report_and_the_questionnaire_privately()
    {
        var client = factory.CreateClient();
        var (_, body) = await Http.PostAsync(client, CdsHooksFactory.HookPath, Prefetch.Request(Prefetch.SampleBundle("metachronous-liver-omd")));
        var links = body.GetProperty("cards").EnumerateArray().SelectMany(c => c.GetProperty("links").EnumerateArray()).Select(l => new Uri(l.GetProperty("url").GetString()!)).Distinct().ToArray();
        var report = links.First(l => l.AbsolutePath.EndsWith("/reports", StringComparison.Ordinal));
        var questionnaire = links.First(l => l.AbsolutePath.EndsWith("/questionnaires", StringComparison.Ordinal));

        using var html = await client.GetAsync(report.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", html.Headers.CacheControl!.ToString());
        Assert.Contains("<html", await html.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        using var fhir = await client.GetAsync(questionnaire.PathAndQuery);
        var parsed = FhirJson.Parse<Questionnaire>(await fhir.Content.ReadAsStringAsync());
        Assert.NotEmpty(parsed.Item);

        using var unknown = await client.GetAsync("/cds-services/" + CdsHooksFactory.ServiceId + "/reports?token=not-a-token");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_card_links_serve_the_report_and_questionnaire_of_the_hook_calls_own_evaluation()
    {
        // The link store keeps the mapped patient and the date, not the report: opening a link must still serve exactly
        // what the hook call evaluated (the same report rendered, the same Questionnaire).
        var client = factory.CreateClient();
        var source = Prefetch.SampleBundle("metachronous-liver-omd");
        var (_, body) = await Http.PostAsync(client, CdsHooksFactory.HookPath, Prefetch.Request(source));
        var links = body.GetProperty("cards").EnumerateArray().SelectMany(c => c.GetProperty("links").EnumerateArray()).Select(l => new Uri(l.GetProperty("url").GetString()!)).Distinct().ToArray();
        var resources = Prefetch.For(source).Select(p => FhirJson.ParseResource(p.Value!.ToJsonString())).ToArray();
        var mapping = McodeMapper.Default.Map(resources);
        var patient = mapping.Patient;
        var evaluator = factory.Services.GetRequiredService<IConsensusEvaluator>();
        var report = evaluator.EvaluateToday(patient);

        var html = await client.GetStringAsync(links.First(l => l.AbsolutePath.EndsWith("/reports", StringComparison.Ordinal)).PathAndQuery);
        var questionnaire = await client.GetStringAsync(links.First(l => l.AbsolutePath.EndsWith("/questionnaires", StringComparison.Ordinal)).PathAndQuery);

        Assert.Equal(new LocalDate(2026, 11, 26), report.AsOf);
        Assert.Equal(ReportHtml.Render(report, patient, new ReportHtmlOptions { Label = CdsHooksEndpoints.ReportLabel }), html);
        Assert.Equal(FhirJson.Serialize(MissingFactsQuestionnaire.Create(mapping, report.AsOf, evaluator)), questionnaire);

        // The record's lesions wait for a clinician's confirmation: the card's Questionnaire asks for it (safety rule 1).
        Assert.NotEmpty(mapping.PendingLesions);
        Assert.Contains("\"metastases.lesionListConfirmed\"", questionnaire, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Logs_carry_the_hook_instance_and_no_patient_data()
    {
        const string patientId = "pat-7f3c9e";
        var bundle = FhirJson.ParseBundle(FhirJson.Serialize(Prefetch.SampleBundle("metachronous-liver-omd")).Replace("Patient/patient", "Patient/" + patientId, StringComparison.Ordinal));
        var request = Prefetch.Request(bundle, new Guid("0f8e0c1e-5b39-4d4a-9d0e-6a4b7c2d1e3f"), patientId: patientId);

        var (status, _) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, request);

        Assert.Equal(200, status);
        var lines = factory.Logs.Lines;
        Assert.Contains(lines, l => l.Contains("answered with", StringComparison.Ordinal) && l.Contains("hookInstance=0f8e0c1e-5b39-4d4a-9d0e-6a4b7c2d1e3f", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(patientId, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("leiomyosarcoma", StringComparison.OrdinalIgnoreCase) || l.Contains("2025-09-02", StringComparison.Ordinal));
    }

    internal static string Kind(JsonElement card) => card.GetProperty("source").GetProperty("topic").GetProperty("code").GetString()!;

    internal static string WithoutLinks(JsonElement body)
    {
        var node = JsonNode.Parse(body.GetRawText())!;
        foreach (var card in node["cards"]!.AsArray())
        {
            card!.AsObject().Remove("links");
        }

        return node.ToJsonString();
    }
}
