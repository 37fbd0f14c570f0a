using System.Text.Json;
using System.Text.Json.Nodes;
using FocusMate.IntegrationTests.Support;

namespace FocusMate.IntegrationTests;

/// <summary>
/// The browser app's wire types are generated from the OpenAPI document committed at frontend/openapi.json: a
/// change to the API's shapes without regenerating it fails here. To regenerate: run this test with
/// FOCUSMATE_UPDATE_OPENAPI=1, then `npm run gen:api` in frontend/ (scripts/openapi.sh does both).
/// </summary>
public sealed class OpenApiDocumentTests : AppTest
{
    private static string Committed([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "frontend", "openapi.json"));

    [Fact]
    public async Task TheCommittedOpenApiDocumentIsTheOneTheApiServes()
    {
        var served = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("FOCUSMATE_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(Committed(), served);
        }

        var committed = File.Exists(Committed()) ? await File.ReadAllTextAsync(Committed()) : "";

        Assert.True(served == committed,
            "frontend/openapi.json is not the document the API serves: regenerate it (scripts/openapi.sh) and commit it with the generated types.");
    }

    [Fact]
    public async Task TheDocumentDescribesTheHubsEventsAndAnswers()
    {
        var schemas = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!["components"]!["schemas"]!.AsObject();

        Assert.All(["TimerUpdateEvent", "TimerCompleteEvent", "ParticipantUpdateEvent", "RoomUpdatedEvent", "RoomDeletedEvent", "ChatMessageEvent",
            "ErrorEvent", "RoomSnapshot", "SyncResult", "LastCompletion"], name => Assert.True(schemas.ContainsKey(name), $"{name} is missing"));
        Assert.True(schemas["TimerCompleteData"]!["properties"]!.AsObject().ContainsKey("completed_at"));
    }
}
