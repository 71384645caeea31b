using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Sarcoma.Consensus.Fhir.Tests.Support;

namespace Sarcoma.Consensus.CdsHooks.Tests.Support;

public static class Http
{
    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(Repo.Root, "tests", "Sarcoma.Consensus.CdsHooks.Tests", "Fixtures", "cds-hooks", name));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    /// <summary>
    /// A JSON body already encoded as UTF-8 (the same bytes and <c>Content-Type</c> as <see cref="Json(string)"/>): the load
    /// tests encode their request once, so the client's per-call encoding is not counted as the service's cost.
    /// </summary>
    public static ByteArrayContent Json(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    public static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient client, string path, JsonNode body, string? bearer = null) =>
        await PostAsync(client, path, body.ToJsonString(), bearer);

    public static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient client, string path, string body, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var element = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, element);
    }
}
