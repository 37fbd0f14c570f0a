using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Core.Background;
using FocusMate.Core.Errors;
using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FocusMate.IntegrationTests;

public sealed class RoomLifeTests : AppTest
{
    private async Task<List<ParticipantResponse>> ParticipantsAsync(Guid roomId) =>
        await (await Client.GetAsync($"{Rest.Rooms}/{roomId}/participants")).ReadAsync<List<ParticipantResponse>>();

    private Task<(int Participants, int Rooms)> SweepAsync() =>
        App.Services.GetServices<IHostedService>().OfType<RoomJanitor>().Single().SweepAsync(CancellationToken.None);

    [Fact]
    public async Task StatusFollowsTheRoomsPhaseUntilSomeoneSetsTheirOwn()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        await using var host = await App.ConnectHubAsync(room.Participant.Token);
        await using var guest = await App.ConnectHubAsync(jun.Token);
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);

        var duringWork = await ParticipantsAsync(room.RoomId);
        var mine = await guest.Connection.InvokeAsync<ParticipantResponse>("set_status", "away");
        var heard = await host.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.Status);
        var afterSetting = await ParticipantsAsync(room.RoomId);
        await guest.Connection.InvokeAsync<ParticipantResponse>("set_status", null);
        var afterClearing = await ParticipantsAsync(room.RoomId);

        Assert.All(duringWork, p => Assert.Equal((ParticipantStatus.Focusing, StatusSource.Room), (p.Status, p.StatusSource)));
        Assert.Equal((ParticipantStatus.Away, StatusSource.Self), (mine.Status, mine.StatusSource));
        Assert.Equal(jun.ParticipantId, heard.Data.Participant.ParticipantId);
        Assert.Equal(ParticipantStatus.Away, heard.Data.Participant.Status);
        Assert.True(heard.Data.Participant.Online);
        Assert.Equal(ParticipantStatus.Away, afterSetting.Single(p => p.ParticipantId == jun.ParticipantId).Status);
        Assert.Equal((ParticipantStatus.Focusing, StatusSource.Room),
            afterClearing.Select(p => (p.Status, p.StatusSource)).Last());
    }

    [Fact]
    public async Task AnUnknownStatusIsAValidationError()
    {
        var room = await Client.CreateRoomAsync();
        await using var host = await App.ConnectHubAsync(room.Participant.Token);

        var error = await Assert.ThrowsAsync<HubException>(() => host.Connection.InvokeAsync<ParticipantResponse>("set_status", "sleeping"));

        Assert.Contains($"HubException: {ErrorCodes.ValidationError}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARemovedParticipantIsToldItsConnectionClosesAndItsTokenStopsWorking()
    {
        var room = await Client.CreateRoomAsync(new { allow_all_control = true });
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        await using var guest = await App.ConnectHubAsync(jun.Token);
        var closed = guest.ClosedAsync();

        var response = await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}/participants/{jun.ParticipantId}", room.Participant.Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var told = await guest.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.Removed);
        Assert.Equal(jun.ParticipantId, told.Data.Participant.ParticipantId);
        await closed.WaitAsync(RoomHubClient.Patience);
        await (await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/timer/start", jun.Token))
            .ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await Assert.ThrowsAnyAsync<Exception>(() => App.ConnectHubAsync(jun.Token));
        var again = await Client.JoinAsync(room.RoomId, "Jun");
        Assert.NotEqual(jun.ParticipantId, again.ParticipantId);
    }

    [Fact]
    public async Task WhenTheHostLeavesTheLongestPresentOnlineParticipantTakesOver()
    {
        var room = await Client.CreateRoomAsync(host: "Mina");
        App.Advance(TimeSpan.FromSeconds(1));
        var offlineElder = await Client.JoinAsync(room.RoomId, "Ara");
        App.Advance(TimeSpan.FromSeconds(1));
        var onlineYounger = await Client.JoinAsync(room.RoomId, "Jun");
        await using var jun = await App.ConnectHubAsync(onlineYounger.Token);

        await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}/participants/{room.Participant.ParticipantId}", room.Participant.Token);

        var changed = await jun.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.HostChanged);
        Assert.Equal(onlineYounger.ParticipantId, changed.Data.Participant.ParticipantId);
        Assert.True(changed.Data.Participant.IsHost);
        var list = await ParticipantsAsync(room.RoomId);
        Assert.Equal([onlineYounger.ParticipantId], list.Where(p => p.IsHost).Select(p => p.ParticipantId));
        Assert.False(list.Single(p => p.ParticipantId == offlineElder.ParticipantId).IsHost);
        // The new host's old token now controls the timer: the role is read from the room, not the token.
        var started = await jun.Connection.InvokeAsync<TimerStateResponse>("start_timer", null);
        Assert.Equal(Core.Timers.TimerStatus.Running, started.Status);
    }

    [Fact]
    public async Task WhenNobodyIsOnlineTheLongestPresentParticipantTakesOver()
    {
        var room = await Client.CreateRoomAsync();
        App.Advance(TimeSpan.FromSeconds(1));
        var ara = await Client.JoinAsync(room.RoomId, "Ara");
        App.Advance(TimeSpan.FromSeconds(1));
        await Client.JoinAsync(room.RoomId, "Jun");

        await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}/participants/{room.Participant.ParticipantId}", room.Participant.Token);

        var list = await ParticipantsAsync(room.RoomId);
        Assert.Equal([ara.ParticipantId], list.Where(p => p.IsHost).Select(p => p.ParticipantId));
    }

    [Fact]
    public async Task SomeoneJoiningARoomEverybodyLeftBecomesItsHost()
    {
        var room = await Client.CreateRoomAsync();
        await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}/participants/{room.Participant.ParticipantId}", room.Participant.Token);

        var newcomer = await Client.JoinAsync(room.RoomId, "Jun");

        Assert.True(newcomer.IsHost);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/timer/start", newcomer.Token)).StatusCode);
    }

    [Fact]
    public async Task TheHostHandsTheRoleOverExplicitly()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        await using var guest = await App.ConnectHubAsync(jun.Token);

        var response = await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/participants/{jun.ParticipantId}/host", room.Participant.Token);

        var newHost = await response.ReadAsync<ParticipantResponse>();
        Assert.True(newHost.IsHost);
        var told = await guest.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.HostChanged);
        Assert.Equal(jun.ParticipantId, told.Data.Participant.ParticipantId);
        await (await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/timer/start", room.Participant.Token))
            .ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        var back = await guest.Connection.InvokeAsync<ParticipantResponse>("transfer_host", room.Participant.ParticipantId.ToString());
        Assert.Equal(room.Participant.ParticipantId, back.ParticipantId);
        Assert.Single(await ParticipantsAsync(room.RoomId), p => p.IsHost);
    }

    [Fact]
    public async Task OnlyTheHostHandsTheRoleOverAndOnlyToSomeoneInTheRoom()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        var path = $"{Rest.Rooms}/{room.RoomId}/participants";

        await (await Client.SendAsync(HttpMethod.Post, $"{path}/{jun.ParticipantId}/host", jun.Token)).ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await Client.SendAsync(HttpMethod.Post, $"{path}/{Guid.NewGuid()}/host", room.Participant.Token))
            .ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.ParticipantNotFound);
        await (await Client.SendAsync(HttpMethod.Post, $"{path}/{jun.ParticipantId}/host")).ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        Assert.True((await ParticipantsAsync(room.RoomId)).Single(p => p.ParticipantId == room.Participant.ParticipantId).IsHost);
    }

    [Fact]
    public async Task ARoomUnusedForThirtyDaysIsDeletedAndAnyoneStillConnectedIsTold()
    {
        var unused = await Client.CreateRoomAsync();
        await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{unused.RoomId}/messages", unused.Participant.Token, new { text = "hello" });
        var busy = await Client.CreateRoomAsync();
        await using var lurker = await App.ConnectHubAsync(unused.Participant.Token);
        var closed = lurker.ClosedAsync();

        App.Advance(TimeSpan.FromDays(29));
        await Client.TimerAsync(busy.RoomId, "start", busy.Participant.Token);
        await Client.TimerAsync(busy.RoomId, "reset", busy.Participant.Token);
        App.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var (_, rooms) = await SweepAsync();

        Assert.Equal(1, rooms);
        var told = await lurker.NextAsync<RoomDeletedData>("room_deleted");
        Assert.Equal(RoomDeletion.Expired, told.Data.Reason);
        await closed.WaitAsync(RoomHubClient.Patience);
        await (await Client.GetAsync($"{Rest.Rooms}/{unused.RoomId}")).ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"{Rest.Rooms}/{busy.RoomId}")).StatusCode);
    }

    [Fact]
    public async Task AParticipantOfflineTooLongIsDroppedButOneOnlineIsKept()
    {
        var room = await Client.CreateRoomAsync();
        var gone = await Client.JoinAsync(room.RoomId, "Gone");
        var here = await Client.JoinAsync(room.RoomId, "Here");
        await using var connected = await App.ConnectHubAsync(here.Token);

        App.Advance(TimeSpan.FromDays(8));
        var (dropped, _) = await SweepAsync();

        // The host too was offline for 8 days: it is dropped, and the online participant takes over.
        Assert.Equal(2, dropped);
        var list = await ParticipantsAsync(room.RoomId);
        var left = Assert.Single(list);
        Assert.Equal(here.ParticipantId, left.ParticipantId);
        Assert.True(left.IsHost);
        await (await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", gone.Token, new { text = "hi" }))
            .ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task ReconnectingWithinTheOfflinePeriodKeepsYourPlace()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        App.Advance(TimeSpan.FromDays(6));
        await using (await App.ConnectHubAsync(jun.Token))
        {
        }

        App.Advance(TimeSpan.FromDays(2));
        await SweepAsync();

        Assert.Contains(await ParticipantsAsync(room.RoomId), p => p.ParticipantId == jun.ParticipantId);
    }
}
