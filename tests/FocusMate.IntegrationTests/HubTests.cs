using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Core.Errors;
using FocusMate.Core.Participants;
using FocusMate.Core.Timers;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.IntegrationTests;

public sealed class HubTests : AppTest
{
    [Fact]
    public async Task JoiningTheRoomAnswersWithTheFullSnapshot()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        await using var hub = await App.ConnectHubAsync(jun.Token, join: false);

        var snapshot = await hub.JoinAsync();

        Assert.Equal(room.RoomId, snapshot.Room.RoomId);
        Assert.Equal(jun.ParticipantId, snapshot.ParticipantId);
        Assert.Equal(TimerStatus.Idle, snapshot.Timer.Status);
        Assert.Equal(["Mina", "Jun"], snapshot.Participants.Select(p => p.UserName));
        Assert.True(snapshot.Participants.Single(p => p.ParticipantId == jun.ParticipantId).Online);
        Assert.Equal(FocusMateFactory.Start, snapshot.ServerTime);
    }

    [Fact]
    public async Task AStartByOneClientReachesBothWithTheSameVersion()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId);
        await using var host = await App.ConnectHubAsync(room.Participant.Token);
        await using var guest = await App.ConnectHubAsync(jun.Token);

        var answer = await host.Connection.InvokeAsync<TimerStateResponse>("start_timer", null);

        var atHost = await host.NextAsync<TimerStateResponse>("timer_update");
        var atGuest = await guest.NextAsync<TimerStateResponse>("timer_update");
        Assert.Equal(room.RoomId, atGuest.RoomId);
        Assert.Equal(2, answer.Version);
        Assert.Equal(answer.Version, atHost.Data.Version);
        Assert.Equal(answer.Version, atGuest.Data.Version);
        Assert.Equal(answer.TargetTimestamp, atGuest.Data.TargetTimestamp);
        Assert.Equal(TimerStatus.Running, atGuest.Data.Status);
    }

    [Fact]
    public async Task EveryHubCommandChangesTheTimerForTheWholeRoom()
    {
        var room = await Client.CreateRoomAsync(new { allow_all_control = true });
        var jun = await Client.JoinAsync(room.RoomId);
        await using var host = await App.ConnectHubAsync(room.Participant.Token);
        await using var guest = await App.ConnectHubAsync(jun.Token);

        await guest.Connection.InvokeAsync<TimerStateResponse>("start_timer", "break");
        Assert.Equal(SessionType.Break, (await host.NextAsync<TimerStateResponse>("timer_update")).Data.SessionType);
        await guest.Connection.InvokeAsync<TimerStateResponse>("pause_timer");
        Assert.Equal(TimerStatus.Paused, (await host.NextAsync<TimerStateResponse>("timer_update")).Data.Status);
        await guest.Connection.InvokeAsync<TimerStateResponse>("resume_timer");
        Assert.Equal(TimerStatus.Running, (await host.NextAsync<TimerStateResponse>("timer_update")).Data.Status);
        await guest.Connection.InvokeAsync<TimerStateResponse>("skip_timer");
        Assert.Equal(SessionType.Work, (await host.NextAsync<TimerStateResponse>("timer_update")).Data.SessionType);
        var reset = await guest.Connection.InvokeAsync<TimerStateResponse>("reset_timer");
        var last = await host.NextAsync<TimerStateResponse>("timer_update");

        Assert.Equal(TimerStatus.Idle, last.Data.Status);
        Assert.Equal(reset.Version, last.Data.Version);
        Assert.Equal(6, last.Data.Version);
    }

    [Fact]
    public async Task RestAndHubCommandsProduceTheSameEvents()
    {
        var room = await Client.CreateRoomAsync();
        await using var watcher = await App.ConnectHubAsync(room.Participant.Token);

        var overRest = await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        var restEvent = await watcher.NextAsync<TimerStateResponse>("timer_update");
        await Client.TimerAsync(room.RoomId, "reset", room.Participant.Token);
        await watcher.NextAsync<TimerStateResponse>("timer_update");
        var overHub = await watcher.Connection.InvokeAsync<TimerStateResponse>("start_timer", null);
        var hubEvent = await watcher.NextAsync<TimerStateResponse>("timer_update");

        Assert.Equal(overRest, restEvent.Data);
        Assert.Equal(overHub, hubEvent.Data);
        Assert.Equal(restEvent.Data with { Version = 0 }, hubEvent.Data with { Version = 0 });
    }

    [Fact]
    public async Task ARefusedHubCommandGetsTheSameCodeAsRestAndKeepsTheConnection()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId);
        await using var guest = await App.ConnectHubAsync(jun.Token);

        var forbidden = await Assert.ThrowsAsync<HubException>(() => guest.Connection.InvokeAsync<TimerStateResponse>("start_timer", null));
        var errorEvent = await guest.NextAsync<ErrorData>("error");
        await using var host = await App.ConnectHubAsync(room.Participant.Token);
        var notRunning = await Assert.ThrowsAsync<HubException>(() => host.Connection.InvokeAsync<TimerStateResponse>("pause_timer"));

        Assert.Contains($"HubException: {ErrorCodes.Forbidden}: ", forbidden.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Forbidden, errorEvent.Data.Code);
        Assert.Equal(room.RoomId, errorEvent.RoomId);
        Assert.Contains($"HubException: {ErrorCodes.TimerNotRunning}: ", notRunning.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, guest.Connection.State);
        Assert.NotNull(await guest.Connection.InvokeAsync<SyncResult>("sync", 1.0));
    }

    [Theory]
    [InlineData("nap")]
    [InlineData(7)]
    public async Task AWrongHubArgumentIsAValidationError(object sessionType)
    {
        var room = await Client.CreateRoomAsync();
        await using var host = await App.ConnectHubAsync(room.Participant.Token);

        var error = await Assert.ThrowsAsync<HubException>(() => host.Connection.InvokeAsync<TimerStateResponse>("start_timer", sessionType));
        var syncError = await Assert.ThrowsAsync<HubException>(() => host.Connection.InvokeAsync<SyncResult>("sync", "yesterday"));

        Assert.Contains($"HubException: {ErrorCodes.ValidationError}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"HubException: {ErrorCodes.ValidationError}: ", syncError.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, host.Connection.State);
    }

    [Fact]
    public async Task SyncEchoesTheClientTimeWithTheServerClock()
    {
        var room = await Client.CreateRoomAsync();
        await using var hub = await App.ConnectHubAsync(room.Participant.Token, join: false);

        var sample = await hub.Connection.InvokeAsync<SyncResult>("sync", 1_700_000_000_123.5);

        Assert.Equal(1_700_000_000_123.5, sample.ClientTime);
        Assert.Equal(FocusMateFactory.Start.ToUnixTimeMilliseconds(), sample.ServerTime);
    }

    [Fact]
    public async Task AReconnectingClientGetsTheCurrentStateFromJoinRoom()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId);
        var guest = await App.ConnectHubAsync(jun.Token);
        await guest.Connection.StopAsync();

        var started = await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        App.Advance(TimeSpan.FromMinutes(3));
        var paused = await Client.TimerAsync(room.RoomId, "pause", room.Participant.Token);
        await guest.Connection.StartAsync();
        var snapshot = await guest.JoinAsync();

        Assert.Equal(paused, snapshot.Timer with { ServerTime = paused.ServerTime });
        Assert.Equal(started.Version + 1, snapshot.Timer.Version);
        Assert.Equal(1320, snapshot.Timer.RemainingSeconds);
        await guest.DisposeAsync();
    }

    [Fact]
    public async Task PresenceChangesReachTheRoomAndSeveralTabsCountOnce()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        await using var host = await App.ConnectHubAsync(room.Participant.Token);

        var firstTab = await App.ConnectHubAsync(jun.Token);
        var online = await host.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Participant.ParticipantId == jun.ParticipantId);
        var secondTab = await App.ConnectHubAsync(jun.Token);
        await firstTab.DisposeAsync();
        // The second tab keeps Jun online: the next presence event about Jun must be the offline after the last tab.
        await secondTab.DisposeAsync();
        var offline = await host.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Participant.ParticipantId == jun.ParticipantId);

        Assert.Equal(ParticipantAction.Online, online.Data.Action);
        Assert.True(online.Data.Participant.Online);
        Assert.Equal(2, online.Data.CurrentCount);
        Assert.Equal(ParticipantAction.Offline, offline.Data.Action);
        Assert.False(offline.Data.Participant.Online);
        Assert.DoesNotContain(host.Pending<ParticipantUpdateData>("participant_update"), e => e.Data.Participant.ParticipantId == jun.ParticipantId);
    }

    [Fact]
    public async Task JoiningAndLeavingOverRestIsAnnouncedInTheRoom()
    {
        var room = await Client.CreateRoomAsync();
        await using var host = await App.ConnectHubAsync(room.Participant.Token);

        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        var joined = await host.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.Joined);
        await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}/participants/{jun.ParticipantId}", jun.Token);
        var left = await host.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.Left);

        Assert.Equal("Jun", joined.Data.Participant.UserName);
        Assert.Equal(2, joined.Data.CurrentCount);
        Assert.Equal(jun.ParticipantId, left.Data.Participant.ParticipantId);
        Assert.Equal(1, left.Data.CurrentCount);
    }

    [Fact]
    public async Task ChangedSettingsReachTheRoom()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId);
        await using var guest = await App.ConnectHubAsync(jun.Token);

        await Client.SendAsync(HttpMethod.Patch, $"{Rest.Rooms}/{room.RoomId}", room.Participant.Token, new { break_duration_minutes = 7 });

        var updated = await guest.NextAsync<RoomResponse>("room_updated");
        Assert.Equal(7, updated.Data.BreakDurationMinutes);
    }

    [Fact]
    public async Task DeletingTheRoomTellsEveryoneAndClosesTheirConnections()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId);
        await using var guest = await App.ConnectHubAsync(jun.Token);
        var closed = guest.ClosedAsync();

        await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}", room.Participant.Token);

        var deleted = await guest.NextAsync<RoomDeletedData>("room_deleted");
        Assert.Equal(room.RoomId, deleted.RoomId);
        await closed.WaitAsync(RoomHubClient.Patience);
        Assert.Equal(HubConnectionState.Disconnected, guest.Connection.State);
    }

    [Fact]
    public async Task TheHubRefusesAMissingOrForeignlySignedToken()
    {
        var missing = await Assert.ThrowsAnyAsync<Exception>(() => App.ConnectHubAsync(null));
        var forged = await Assert.ThrowsAnyAsync<Exception>(() => App.ConnectHubAsync("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"));

        Assert.Contains("401", missing.Message, StringComparison.Ordinal);
        Assert.Contains("401", forged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenWhoseParticipantLeftOpensNothing()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId);
        await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}/participants/{jun.ParticipantId}", jun.Token);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => App.ConnectHubAsync(jun.Token));

        Assert.NotNull(refused);
        var list = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}/participants")).ReadAsync<List<ParticipantResponse>>();
        Assert.Single(list);
    }

    [Fact]
    public async Task CommandsWorkBeforeJoinRoomButEventsNeedIt()
    {
        var room = await Client.CreateRoomAsync();
        await using var early = await App.ConnectHubAsync(room.Participant.Token, join: false);

        var state = await early.Connection.InvokeAsync<TimerStateResponse>("start_timer", null);

        Assert.Equal(TimerStatus.Running, state.Status);
        var snapshot = await early.JoinAsync();
        Assert.Equal(state.Version, snapshot.Timer.Version);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}")).StatusCode);
    }
}
