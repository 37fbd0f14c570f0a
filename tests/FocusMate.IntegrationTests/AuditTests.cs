using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Core.Audit;
using FocusMate.Core.Errors;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace FocusMate.IntegrationTests;

/// <summary>Host actions are on record with who and when, for every member to read.</summary>
public sealed class AuditTests : AppTest
{
    private Task<HttpResponseMessage> AuditAsync(Guid roomId, string? token, string query = "") =>
        Client.SendAsync(HttpMethod.Get, $"{Rest.Rooms}/{roomId}/audit{query}", token);

    [Fact]
    public async Task EveryHostActionIsRecordedWithWhoAndWhenNewestFirst()
    {
        var room = await Client.CreateRoomAsync(host: "Mina");
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        var ann = await Client.JoinAsync(room.RoomId, "Ann");
        var host = room.Participant.Token;

        await Client.SendAsync(HttpMethod.Patch, $"{Rest.Rooms}/{room.RoomId}", host, new { work_duration_minutes = 50, allow_all_control = true });
        App.Advance(TimeSpan.FromMinutes(1));
        await Client.TimerAsync(room.RoomId, "start", jun.Token);
        await Client.TimerAsync(room.RoomId, "reset", jun.Token);
        App.Advance(TimeSpan.FromMinutes(1));
        await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}/participants/{ann.ParticipantId}", host);
        App.Advance(TimeSpan.FromMinutes(1));
        await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/participants/{jun.ParticipantId}/host", host);
        var entries = await (await AuditAsync(room.RoomId, jun.Token)).ReadAsync<List<AuditEntryResponse>>();

        Assert.Equal([AuditAction.HostChanged, AuditAction.ParticipantRemoved, AuditAction.TimerReset, AuditAction.SettingsChanged],
            entries.Select(e => e.Action));
        Assert.Equal("to Jun", entries[0].Details);
        Assert.Equal("Ann", entries[1].Details);
        Assert.Equal(("Jun", jun.ParticipantId), (entries[2].ActorName, entries[2].ActorId));
        Assert.Equal("work_duration_minutes 25 → 50, allow_all_control false → true", entries[3].Details);
        Assert.Equal(("Mina", FocusMateFactory.Start), (entries[3].ActorName, entries[3].At));
        Assert.Equal(FocusMateFactory.Start.AddMinutes(3), entries[0].At);
    }

    [Fact]
    public async Task AResetOverTheHubIsRecordedToo()
    {
        var room = await Client.CreateRoomAsync();
        await using var hub = await App.ConnectHubAsync(room.Participant.Token);

        await hub.Connection.InvokeAsync<TimerStateResponse>("reset_timer");
        var entries = await (await AuditAsync(room.RoomId, room.Participant.Token)).ReadAsync<List<AuditEntryResponse>>();

        Assert.Equal(AuditAction.TimerReset, Assert.Single(entries).Action);
    }

    [Fact]
    public async Task OnlyMembersReadTheRecordAndTheLimitIsChecked()
    {
        var room = await Client.CreateRoomAsync();
        var other = await Client.CreateRoomAsync();

        await (await AuditAsync(room.RoomId, null)).ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await AuditAsync(room.RoomId, other.Participant.Token)).ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await AuditAsync(Guid.NewGuid(), other.Participant.Token)).ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        await (await AuditAsync(room.RoomId, room.Participant.Token, "?limit=0")).ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        await (await AuditAsync(room.RoomId, room.Participant.Token, "?limit=201")).ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Empty(await (await AuditAsync(room.RoomId, room.Participant.Token, "?limit=200")).ReadAsync<List<AuditEntryResponse>>());
    }
}
