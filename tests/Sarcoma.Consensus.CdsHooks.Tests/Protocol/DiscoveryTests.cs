using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Sarcoma.Consensus.CdsHooks.Tests.Support;
using Sarcoma.Consensus.Fhir.DataRequirements;

namespace Sarcoma.Consensus.CdsHooks.Tests.Protocol;

public sealed class DiscoveryTests : IClassFixture<CdsHooksFactory>
{
    private readonly CdsHooksFactory factory;

    public DiscoveryTests(CdsHooksFactory factory)
    {
        this.factory = factory;
    }

    [Fact]
    public void The_shape_checker_accepts_the_specifications_discovery_example()
    {
        var spec = JsonDocument.Parse(Http.Fixture("hl7-spec_discovery-response.json")).RootElement;
        Assert.Empty(CdsShape.Discovery(spec));
    }

    [Fact]
    public async Task Discovery_lists_one_patient_view_service_with_the_data_requirements_as_prefetch()
    {
        var client = factory.CreateClient();
        var body = JsonDocument.Parse(await client.GetStringAsync("/cds-services")).RootElement;

        Assert.Empty(CdsShape.Discovery(body));
        var service = Assert.Single(body.GetProperty("services").EnumerateArray());
        Assert.Equal("patient-view", service.GetProperty("hook").GetString());
        Assert.Equal(CdsHooksFactory.ServiceId, service.GetProperty("id").GetString());
        var prefetch = service.GetProperty("prefetch").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(FhirDataRequirements.Prefetch.Select(q => q.Key), prefetch.Keys);
        Assert.All(FhirDataRequirements.Prefetch, q => Assert.Equal(q.Template, prefetch[q.Key]));
        Assert.All(prefetch.Values, t => Assert.Contains("{{context.patientId}}", t));
    }

    [Fact]
    public async Task Discovery_has_the_members_of_the_specifications_patient_view_service()
    {
        var spec = JsonDocument.Parse(Http.Fixture("hl7-spec_discovery-response.json")).RootElement
            .GetProperty("services").EnumerateArray().First(s => s.GetProperty("hook").GetString() == "patient-view");
        var ours = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/cds-services")).RootElement.GetProperty("services")[0];

        foreach (var member in spec.EnumerateObject())
        {
            Assert.True(ours.TryGetProperty(member.Name, out var value), member.Name);
            Assert.Equal(member.Value.ValueKind, value.ValueKind);
        }
    }

    [Fact]
    public async Task Health_is_healthy_with_the_feedback_store_reachable()
    {
        var text = await factory.CreateClient().GetStringAsync("/health");
        Assert.Equal("Healthy", text);
    }

    [Fact]
    public async Task A_browser_based_ehr_gets_cors_headers_on_preflight()
    {
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Options, CdsHooksFactory.HookPath);
        request.Headers.Add("Origin", "https://ehr.test");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal("https://ehr.test", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task An_origin_not_configured_gets_no_cors_headers()
    {
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Options, CdsHooksFactory.HookPath);
        request.Headers.Add("Origin", "https://elsewhere.test");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await factory.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
