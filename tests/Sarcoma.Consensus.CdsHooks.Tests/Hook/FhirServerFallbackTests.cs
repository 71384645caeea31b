using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Sarcoma.Consensus.CdsHooks.Tests.Support;

namespace Sarcoma.Consensus.CdsHooks.Tests.Hook;

public sealed class FhirServerFallbackTests : IDisposable
{
    private readonly CdsHooksFactory factory = new(new Dictionary<string, string?> { ["CdsHooks:FhirServer:TimeoutSeconds"] = "1" });

    public void Dispose() => factory.Dispose();

    private static JsonObject RequestWithoutPrefetch()
    {
        var request = JsonNode.Parse(Http.Fixture("hl7-spec_patient-view-request.json"))!.AsObject();
        request["fhirServer"] = CdsHooksFactory.FhirServer;
        request["context"]!["patientId"] = Prefetch.PatientId;
        return request;
    }

    [Fact]
    public async System.Threading.Tasks.Task A_fhir_server_that_hangs_is_cut_off_at_the_timeout_and_answered_with_412()
    {
        factory.Fhir.Source = Prefetch.SampleBundle("metachronous-liver-omd");
        factory.Fhir.Delay = TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();

        var (status, _) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, RequestWithoutPrefetch());

        Assert.Equal(412, status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "the one-second budget was not applied");
    }

    [Fact]
    public async System.Threading.Tasks.Task A_fhir_server_error_is_not_retried()
    {
        factory.Fhir.Source = Prefetch.SampleBundle("metachronous-liver-omd");
        factory.Fhir.Status = HttpStatusCode.ServiceUnavailable;
        var before = factory.Fhir.Requests.Count;

        var (status, _) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, RequestWithoutPrefetch());

        Assert.Equal(412, status);
        Assert.Equal(Sarcoma.Consensus.Fhir.DataRequirements.FhirDataRequirements.Prefetch.Count, factory.Fhir.Requests.Count - before);
    }
}
