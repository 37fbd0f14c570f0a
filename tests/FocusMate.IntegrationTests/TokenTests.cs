using System.Net;
using System.Security.Claims;
using System.Text;
using FocusMate.Api.Auth;
using FocusMate.Api.Contracts;
using FocusMate.Core.Errors;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FocusMate.IntegrationTests;

/// <summary>Participant tokens: one algorithm, an expiry, a key kept private, rotation, and hub tickets.</summary>
public sealed class TokenTests : AppTest
{
    private string SigningKey => File.ReadAllText(Path.Combine(App.DataDirectory, "signing-key")).Trim();

    private static string Forge(Guid roomId, Guid participantId, SigningCredentials? credentials, DateTime? expires, string audience = "focusmate")
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "focusmate",
            Audience = audience,
            Expires = expires,
            IssuedAt = FocusMateFactory.Start.UtcDateTime,
            NotBefore = FocusMateFactory.Start.UtcDateTime,
            SigningCredentials = credentials,
            Subject = new ClaimsIdentity([new Claim("sub", participantId.ToString()), new Claim("room_id", roomId.ToString())]),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(descriptor);
    }

    private async Task<HttpStatusCode> StartAsync(Guid roomId, string token) =>
        (await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{roomId}/timer/start", token)).StatusCode;

    [Fact]
    public async Task AnUnsignedTokenIsRefused()
    {
        var room = await Client.CreateRoomAsync();

        var unsigned = Forge(room.RoomId, room.Participant.ParticipantId, credentials: null, FocusMateFactory.Start.UtcDateTime.AddHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, await StartAsync(room.RoomId, unsigned));
    }

    [Fact]
    public async Task ATokenWithTheRightKeyButAnotherAlgorithmIsRefused()
    {
        var room = await Client.CreateRoomAsync();
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)) { KeyId = "focusmate" };

        var hs512 = Forge(room.RoomId, room.Participant.ParticipantId, new SigningCredentials(key, SecurityAlgorithms.HmacSha512),
            FocusMateFactory.Start.UtcDateTime.AddHours(1));
        var hs256 = Forge(room.RoomId, room.Participant.ParticipantId, new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            FocusMateFactory.Start.UtcDateTime.AddHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, await StartAsync(room.RoomId, hs512));
        Assert.Equal(HttpStatusCode.OK, await StartAsync(room.RoomId, hs256));
    }

    [Fact]
    public async Task ATokenWithoutAnExpiryIsRefused()
    {
        var room = await Client.CreateRoomAsync();
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)) { KeyId = "focusmate" };

        var endless = Forge(room.RoomId, room.Participant.ParticipantId, new SigningCredentials(key, SecurityAlgorithms.HmacSha256), expires: null);

        Assert.Equal(HttpStatusCode.Unauthorized, await StartAsync(room.RoomId, endless));
    }

    [Fact]
    public void TheGeneratedKeyFileIsReadableByItsOwnerOnly()
    {
        _ = Client; // the app has started and made its key
        var mode = File.GetUnixFileMode(Path.Combine(App.DataDirectory, "signing-key"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public void AnAppWhoseKeyFileWasCutShortRefusesToStart()
    {
        var data = FocusMateFactory.NewDataDirectory();
        try
        {
            File.WriteAllText(Path.Combine(data, "signing-key"), "too-short");
            using var app = new FocusMateFactory(data);

            var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

            Assert.Contains("shorter than 32 characters", failure.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            FocusMateFactory.DeleteQuietly(data);
        }
    }

    [Fact]
    public async Task RotatingATokenStopsTheOldOneAtOnceAndClosesItsConnections()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId);
        await using var old = await App.ConnectHubAsync(jun.Token);
        var closed = old.ClosedAsync();

        var rotated = await (await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/participants/me/token", jun.Token))
            .ReadAsync<JoinedParticipantResponse>();
        await closed.WaitAsync(RoomHubClient.Patience);
        var withOld = await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", jun.Token, new { text = "hi" });
        var withNew = await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", rotated.Token, new { text = "hi" });
        await using var again = await App.ConnectHubAsync(rotated.Token);

        Assert.Equal(jun.ParticipantId, rotated.ParticipantId);
        Assert.NotEqual(jun.Token, rotated.Token);
        await withOld.ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        Assert.Equal(HttpStatusCode.Created, withNew.StatusCode);
        Assert.Equal(HubConnectionState.Connected, again.Connection.State);
        await Assert.ThrowsAnyAsync<Exception>(() => App.ConnectHubAsync(jun.Token));
    }

    [Fact]
    public async Task AHubTicketOpensOneConnectionAndNothingElse()
    {
        var room = await Client.CreateRoomAsync();
        var ticket = await (await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/participants/me/hub-ticket", room.Participant.Token))
            .ReadAsync<HubTicketResponse>();

        await using var hub = await App.ConnectHubAsync(ticket.Ticket);
        var twice = await Record.ExceptionAsync(() => App.ConnectHubAsync(ticket.Ticket));
        var onRest = await StartAsync(room.RoomId, ticket.Ticket);

        Assert.Equal(HubConnectionState.Connected, hub.Connection.State);
        Assert.NotEqual(room.Participant.Token, ticket.Ticket);
        Assert.Equal(FocusMateFactory.Start + HubTickets.Lifetime, ticket.ExpiresAt);
        Assert.NotNull(twice);
        Assert.Equal(HttpStatusCode.Unauthorized, onRest);
    }

    [Fact]
    public async Task AnExpiredHubTicketIsRefused()
    {
        var room = await Client.CreateRoomAsync();
        var ticket = await (await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/participants/me/hub-ticket", room.Participant.Token))
            .ReadAsync<HubTicketResponse>();

        App.Advance(TimeSpan.FromMinutes(3));

        await Assert.ThrowsAnyAsync<Exception>(() => App.ConnectHubAsync(ticket.Ticket));
    }
}
