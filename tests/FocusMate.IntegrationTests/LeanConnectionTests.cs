using System.Security.Claims;
using FocusMate.Api.Auth;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusMate.IntegrationTests;

/// <summary>What every joined client costs the server: it must not hold more than the app reads.</summary>
public sealed class LeanConnectionTests : AppTest
{
    [Fact]
    public void AValidatedTokenKeepsOnlyTheClaimsTheAppReadsAndStillNamesItsCaller()
    {
        var room = Guid.NewGuid();
        var participant = Guid.NewGuid();
        // What the JWT handler hands over: the token's every claim, each with the token's issuer and properties.
        var validated = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", participant.ToString(), ClaimValueTypes.String, "focusmate"),
            new Claim("room_id", room.ToString(), ClaimValueTypes.String, "focusmate"),
            new Claim("role", "host", ClaimValueTypes.String, "focusmate"),
            new Claim("tv", "3", ClaimValueTypes.Integer32, "focusmate"),
            new Claim("jti", Guid.NewGuid().ToString(), ClaimValueTypes.String, "focusmate"),
            new Claim("iat", "1764500000", ClaimValueTypes.Integer64, "focusmate"),
            new Claim("nbf", "1764500000", ClaimValueTypes.Integer64, "focusmate"),
            new Claim("exp", "1765500000", ClaimValueTypes.Integer64, "focusmate"),
            new Claim("iss", "focusmate", ClaimValueTypes.String, "focusmate"),
            new Claim("aud", "focusmate-api", ClaimValueTypes.String, "focusmate"),
        ], "AuthenticationTypes.Federation"));

        var slim = ParticipantTokenSetup.Slim(validated, "Bearer");

        Assert.Equal(["role", "room_id", "sub", "tv"], slim.Claims.Select(c => c.Type).Order(StringComparer.Ordinal));
        Assert.True(slim.Identity?.IsAuthenticated);
        Assert.Equal(participant.ToString(), slim.Identity?.Name);
        Assert.True(slim.IsInRole("host"));
        Assert.Equal(validated.ToCaller(), slim.ToCaller());
        Assert.Equal(3, slim.ToCaller()?.TokenVersion);
    }

    [Fact]
    public async Task ARealTokenStillOpensTheRoomAndItsHub()
    {
        var room = await Client.CreateRoomAsync();
        await using var hub = await App.ConnectHubAsync(room.Participant.Token);

        var started = await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        var heard = await hub.NextAsync<Api.Contracts.TimerStateResponse>("timer_update", e => e.Data.Version >= started.Version);

        Assert.Equal(started.Version, heard.Data.Version);
    }

    [Fact]
    public void TheAppKeepsOneLoggerPerCategory()
    {
        var loggers = App.Services.GetRequiredService<ILoggerFactory>();

        // SignalR and Kestrel ask for a logger per connection: each ask must not build a new one.
        Assert.Same(loggers.CreateLogger("Microsoft.AspNetCore.SignalR.HubConnectionContext"), loggers.CreateLogger("Microsoft.AspNetCore.SignalR.HubConnectionContext"));
        Assert.NotSame(loggers.CreateLogger("A"), loggers.CreateLogger("B"));
    }
}
