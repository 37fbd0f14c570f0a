using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Core.Services;
using FocusMate.Core.Timers;
using FocusMate.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FocusMate.IntegrationTests;

public sealed class SchedulerTests : IDisposable
{
    private readonly string _data = FocusMateFactory.NewDataDirectory();

    public void Dispose() => FocusMateFactory.DeleteQuietly(_data);

    [Fact]
    public async Task APhaseCompletesOnTimeWithNoClientConnected()
    {
        using var app = new FocusMateFactory(_data);
        var client = app.CreateClient();
        var room = await client.CreateRoomAsync(new { auto_start_break = false });
        await client.TimerAsync(room.RoomId, "start", room.Participant.Token);

        app.Advance(TimeSpan.FromMinutes(25));

        var state = await WaitForAsync(client, room.RoomId, s => s.Status == TimerStatus.Completed);
        Assert.Equal(SessionType.Break, state.SessionType);
        var session = Assert.Single(await client.SessionsAsync(room.RoomId));
        Assert.Equal(SessionOutcome.Completed, session.Outcome);
        Assert.Equal(FocusMateFactory.Start.AddMinutes(25), session.EndedAt);
    }

    [Fact]
    public async Task ACompletionIsAnnouncedAndTheNextPhaseChainsFromTheExactTarget()
    {
        using var app = new FocusMateFactory(_data);
        var client = app.CreateClient();
        var room = await client.CreateRoomAsync();
        await client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        await using var hub = await app.ConnectHubAsync(room.Participant.Token);

        // The scheduler is woken late on purpose: the break still ends 5 minutes after the work target.
        app.Advance(TimeSpan.FromMinutes(25) + TimeSpan.FromSeconds(2));

        var complete = await hub.NextAsync<TimerCompleteData>("timer_complete");
        var update = await hub.NextAsync<TimerStateResponse>("timer_update");
        Assert.Equal(new TimerCompleteData(SessionType.Work, SessionType.Break, true), complete.Data);
        Assert.Equal(SessionType.Break, update.Data.SessionType);
        Assert.Equal(FocusMateFactory.Start.AddMinutes(30), update.Data.TargetTimestamp);
        Assert.Equal(3, update.Data.Version);
    }

    [Fact]
    public async Task TheSchedulerSleepsUntilTheEarliestTarget()
    {
        using var app = new FocusMateFactory(_data);
        var client = app.CreateClient();
        var longer = await client.CreateRoomAsync(new { work_duration_minutes = 3 });
        var shorter = await client.CreateRoomAsync(new { work_duration_minutes = 1 });
        await client.TimerAsync(longer.RoomId, "start", longer.Participant.Token);
        await client.TimerAsync(shorter.RoomId, "start", shorter.Participant.Token);

        var sleep = await app.RunSchedulerPassAsync();

        Assert.Equal(TimeSpan.FromMinutes(1), sleep);
    }

    [Fact]
    public async Task WithNothingRunningTheSchedulerOnlyRescansForOtherInstances()
    {
        using var app = new FocusMateFactory(_data);

        var sleep = await app.RunSchedulerPassAsync();

        Assert.Equal(TimeSpan.FromMinutes(5), sleep);
    }

    [Fact]
    public async Task TwoSchedulersOverOneDatabaseCompleteEachPhaseExactlyOnce()
    {
        var clock = new FakeTimeProvider(FocusMateFactory.Start);
        using var first = new FocusMateFactory(_data, clock);
        using var second = new FocusMateFactory(_data, clock);
        var client = first.CreateClient();
        var rooms = new List<CreatedRoomResponse>();
        for (var i = 0; i < 12; i++)
        {
            var room = await client.CreateRoomAsync(new { auto_start_break = false });
            await client.TimerAsync(room.RoomId, "start", room.Participant.Token);
            rooms.Add(room);
        }

        _ = second.Server; // both instances (and both schedulers) are up
        clock.Advance(TimeSpan.FromMinutes(25));
        // Both schedulers also race explicitly on every room, several times over.
        var passes = Enumerable.Range(0, 4).SelectMany(_ => new[] { first.RunSchedulerPassAsync(), second.RunSchedulerPassAsync() });
        await Task.WhenAll(passes);

        foreach (var room in rooms)
        {
            var state = await WaitForAsync(client, room.RoomId, s => s.Status == TimerStatus.Completed);
            Assert.Equal(3, state.Version);
            var session = Assert.Single(await client.SessionsAsync(room.RoomId));
            Assert.Equal(SessionOutcome.Completed, session.Outcome);
        }
    }

    [Fact]
    public async Task CompletionsRacingDirectlyOnOneRoomHaveOneWinner()
    {
        var clock = new FakeTimeProvider(FocusMateFactory.Start);
        using var first = new FocusMateFactory(_data, clock);
        using var second = new FocusMateFactory(_data, clock);
        var client = first.CreateClient();
        var room = await client.CreateRoomAsync(new { auto_start_break = false });
        await client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        _ = second.Server;
        clock.Advance(TimeSpan.FromMinutes(25));

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = (i % 2 == 0 ? first : second).Services.CreateAsyncScope();
            return await scope.Scoped<TimerService>().CompleteDueAsync(room.RoomId, CancellationToken.None);
        });
        var results = await Task.WhenAll(attempts);

        Assert.True(results.Count(won => won) <= 1);
        Assert.Single(await client.SessionsAsync(room.RoomId));
        var state = await WaitForAsync(client, room.RoomId, s => s.Status == TimerStatus.Completed);
        Assert.Equal(3, state.Version);
    }

    [Fact]
    public async Task ANewInstanceOverTheSameDatabaseContinuesARunningTimer()
    {
        var clock = new FakeTimeProvider(FocusMateFactory.Start);
        CreatedRoomResponse room;
        TimerStateResponse started;
        using (var before = new FocusMateFactory(_data, clock))
        {
            var client = before.CreateClient();
            room = await client.CreateRoomAsync();
            started = await client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        using var after = new FocusMateFactory(_data, clock);
        var afterClient = after.CreateClient();
        var read = await (await afterClient.GetAsync($"{Rest.Rooms}/{room.RoomId}")).ReadAsync<RoomResponse>();

        Assert.Equal(TimerStatus.Running, read.TimerState.Status);
        Assert.Equal(started.TargetTimestamp, read.TimerState.TargetTimestamp);
        Assert.Equal(900, read.TimerState.RemainingSeconds);
        // The token issued before the restart still works: the signing key was kept in the data folder.
        var paused = await afterClient.TimerAsync(room.RoomId, "pause", room.Participant.Token);
        Assert.Equal(900, paused.RemainingSeconds);
    }

    [Fact]
    public async Task PhasesThatFellDueWhileTheServerWasDownAreCaughtUpAtStartUp()
    {
        var clock = new FakeTimeProvider(FocusMateFactory.Start);
        CreatedRoomResponse room;
        using (var before = new FocusMateFactory(_data, clock))
        {
            var client = before.CreateClient();
            room = await client.CreateRoomAsync(new { auto_start_work = true });
            await client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        }

        // Down for 57 minutes: work (25), break (5) and the second work session (25) ended while nobody ran;
        // the second break has run 2 of its 5 minutes.
        clock.Advance(TimeSpan.FromMinutes(57));
        using var after = new FocusMateFactory(_data, clock);
        var afterClient = after.CreateClient();

        var state = await WaitForAsync(afterClient, room.RoomId, s => s.SessionType == SessionType.Break && s.CompletedWorkSessions == 2);
        Assert.Equal(TimerStatus.Running, state.Status);
        Assert.Equal(FocusMateFactory.Start.AddMinutes(60), state.TargetTimestamp);
        var sessions = await afterClient.SessionsAsync(room.RoomId);
        Assert.Equal([SessionType.Work, SessionType.Break, SessionType.Work], sessions.Select(s => s.SessionType).Reverse());
        Assert.All(sessions, s => Assert.Equal(SessionOutcome.Completed, s.Outcome));
        Assert.Equal(FocusMateFactory.Start.AddMinutes(55), sessions[0].EndedAt);
    }

    /// <summary>Reads the room until its timer meets the condition (the scheduler runs on its own task).</summary>
    private static Task<TimerStateResponse> WaitForAsync(HttpClient client, Guid roomId, Func<TimerStateResponse, bool> condition) =>
        Eventually.WaitAsync(
            async () => (await (await client.GetAsync($"{Rest.Rooms}/{roomId}")).ReadAsync<RoomResponse>()).TimerState,
            condition);
}

internal static class SessionQueries
{
    public static async Task<List<SessionResponse>> SessionsAsync(this HttpClient client, Guid roomId)
    {
        var response = await client.GetAsync($"{Rest.Rooms}/{roomId}/sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<List<SessionResponse>>();
    }
}
