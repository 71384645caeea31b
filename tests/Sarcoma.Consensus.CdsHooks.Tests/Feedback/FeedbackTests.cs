using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sarcoma.Consensus.CdsHooks.Feedback;
using Sarcoma.Consensus.CdsHooks.Tests.Support;

namespace Sarcoma.Consensus.CdsHooks.Tests.Feedback;

public sealed class FeedbackTests : IDisposable
{
    private readonly CdsHooksFactory factory = new();

    public void Dispose() => factory.Dispose();

    private IFeedbackStore Store => factory.Services.GetRequiredService<IFeedbackStore>();

    [Theory]
    [InlineData("hl7-spec_feedback-accepted.json", "accepted")]
    [InlineData("hl7-spec_feedback-overridden.json", "overridden")]
    [InlineData("hl7-spec_feedback-overridden-with-reason.json", "overridden")]
    public async System.Threading.Tasks.Task The_specifications_feedback_documents_are_stored_in_sqlite(string file, string outcome)
    {
        var document = JsonDocument.Parse(Http.Fixture(file)).RootElement.GetProperty("feedback")[0];
        var card = document.GetProperty("card").GetString()!;

        var (status, _) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath + "/feedback", Http.Fixture(file));

        Assert.Equal(200, status);
        var stored = Assert.Single(await Store.ForCardAsync(card, default));
        Assert.Equal(outcome, stored.Outcome);
        Assert.Equal(CdsHooksFactory.ServiceId, stored.ServiceId);
        Assert.Equal(DateTimeOffset.Parse(document.GetProperty("outcomeTimestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture), stored.OutcomeTimestamp);
        if (document.TryGetProperty("acceptedSuggestions", out var accepted))
        {
            Assert.Equal(accepted.EnumerateArray().Select(a => a.GetProperty("id").GetString()), stored.AcceptedSuggestions);
        }

        if (document.TryGetProperty("overrideReason", out var reason))
        {
            Assert.Equal(reason.GetProperty("reason").GetProperty("code").GetString(), stored.OverrideReasonCode);
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task The_clinicians_free_text_comment_is_not_stored()
    {
        await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath + "/feedback", Http.Fixture("hl7-spec_feedback-overridden-with-reason.json"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var bytes = string.Join("\n", Directory.GetFiles(Path.GetDirectoryName(factory.DatabasePath)!, Path.GetFileName(factory.DatabasePath) + "*").Select(f => File.ReadAllText(f)));
        Assert.Contains("d7ecf885", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("A comment entered by the clinician", bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Feedback_on_a_card_this_service_returned_is_stored_under_its_uuid()
    {
        var client = factory.CreateClient();
        // A bundle alone decides no recommendation on lesions it lists (pending confirmation): the follow-up sample still gets a card with a suggestion.
        var (_, cards) = await Http.PostAsync(client, CdsHooksFactory.HookPath, Prefetch.Request(Prefetch.SampleBundle("post-resection-follow-up")));
        var card = cards.GetProperty("cards").EnumerateArray().First(c => c.TryGetProperty("suggestions", out _));
        var suggestion = card.GetProperty("suggestions")[0].GetProperty("uuid").GetString();
        var feedback = new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = card.GetProperty("uuid").GetString(),
                ["outcome"] = "accepted",
                ["acceptedSuggestions"] = new JsonArray(new JsonObject { ["id"] = suggestion }),
                ["outcomeTimestamp"] = "2026-11-26T10:05:00Z",
            }),
        };

        Assert.Equal(200, (await Http.PostAsync(client, CdsHooksFactory.HookPath + "/feedback", feedback)).Status);
        var stored = Assert.Single(await Store.ForCardAsync(card.GetProperty("uuid").GetString()!, default));
        Assert.Equal(new[] { suggestion! }, stored.AcceptedSuggestions);
    }

    [Theory]
    [InlineData("{}", "feedback")]
    [InlineData("{\"feedback\":[]}", "feedback")]
    [InlineData("{\"feedback\":[{\"card\":\"x\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2020-12-11T00:00:00Z\"}]}", "feedback[0].card")]
    [InlineData("{\"feedback\":[{\"card\":\"9368d37b-283f-44a0-93ea-547cebab93ed\",\"outcome\":\"ignored\",\"outcomeTimestamp\":\"2020-12-11T00:00:00Z\"}]}", "feedback[0].outcome")]
    [InlineData("{\"feedback\":[{\"card\":\"9368d37b-283f-44a0-93ea-547cebab93ed\",\"outcome\":\"accepted\"}]}", "feedback[0].outcomeTimestamp")]
    public async System.Threading.Tasks.Task Malformed_feedback_is_400_naming_the_member_and_nothing_is_stored(string body, string member)
    {
        var (status, answer) = await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath + "/feedback", body);

        Assert.Equal(400, status);
        Assert.Contains(answer.GetProperty("problems").EnumerateArray(), p => p.GetString()!.StartsWith(member, StringComparison.Ordinal));
        Assert.Empty(await Store.ForCardAsync("9368d37b-283f-44a0-93ea-547cebab93ed", default));
    }
}
