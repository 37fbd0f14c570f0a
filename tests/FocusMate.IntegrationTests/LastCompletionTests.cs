using FocusMate.Core.Timers;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;

namespace FocusMate.IntegrationTests;

/// <summary>A phase end a page missed (a reconnect, a crash before the broadcast) still reaches it through its snapshot.</summary>
public sealed class LastCompletionTests : AppTest
{
    [Fact]
    public async Task TheSnapshotCarriesTheRoomsLatestPhaseEnd()
    {
        var room = await Client.CreateRoomAsync(new { work_duration_minutes = 1, auto_start_break = false });
        await using var hub = await App.ConnectHubAsync(room.Participant.Token);
        var before = await hub.JoinAsync();
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);

        App.Advance(TimeSpan.FromMinutes(1));
        await App.RunSchedulerPassAsync();
        var live = await hub.NextAsync<Api.Hubs.TimerCompleteData>("timer_complete");
        var after = await hub.JoinAsync();

        Assert.Equal(FocusMateFactory.Start.AddMinutes(1), live.Data.CompletedAt);
        Assert.Null(before.LastCompletion);
        Assert.Equal(SessionType.Work, after.LastCompletion!.CompletedSessionType);
        Assert.Equal(FocusMateFactory.Start.AddMinutes(1), after.LastCompletion.CompletedAt);
    }

    [Fact]
    public async Task ASkippedPhaseIsNoCompletion()
    {
        var room = await Client.CreateRoomAsync();
        await using var hub = await App.ConnectHubAsync(room.Participant.Token);
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        await Client.TimerAsync(room.RoomId, "skip", room.Participant.Token);

        var snapshot = await hub.JoinAsync();

        Assert.Null(snapshot.LastCompletion);
    }
}
