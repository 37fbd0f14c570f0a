using FocusMate.Api.Contracts;
using FocusMate.Core.History;
using FocusMate.Core.Timers;
using FocusMate.Infrastructure.Data;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace FocusMate.IntegrationTests;

/// <summary>
/// Statistics per person: the server records when each participant focuses — online, showing focusing, while a work
/// phase runs — and the statistics add it up per participant, and the room's focus per local day.
/// </summary>
public sealed class FocusStatisticsTests : AppTest
{
    private async Task<StatisticsResponse> StatisticsAsync(Guid roomId, string period = "today", string tz = "UTC") =>
        await (await Client.SendAsync(HttpMethod.Get, $"{Rest.Rooms}/{roomId}/statistics?period={period}&tz={tz}")).ReadAsync<StatisticsResponse>();

    private static long FocusOf(StatisticsResponse statistics, Guid participantId) =>
        statistics.Participants.Single(p => p.ParticipantId == participantId).FocusSeconds;

    [Fact]
    public async Task FocusIntervalsAreKeyedInTheOrderTheyEnded()
    {
        // New intervals go to the end of the key's index, not to a random page of it (docs/operations.md, "Timer writes").
        var room = await Client.CreateRoomAsync();
        var host = room.Participant.ParticipantId;
        var start = App.Clock.GetUtcNow();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var focus = scope.ServiceProvider.GetRequiredService<IFocusLog>();
            for (var i = 0; i < 10; i++)
            {
                await focus.StartAsync(room.RoomId, [host], start.AddMinutes(i), CancellationToken.None);
                await focus.EndAsync(room.RoomId, [host], start.AddMinutes(i).AddSeconds(30), CancellationToken.None);
            }
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FocusMateDbContext>();
            var byKey = (await db.FocusIntervals.AsNoTracking().Where(f => f.RoomId == room.RoomId).ToListAsync())
                .OrderBy(f => f.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal).Select(f => f.EndedAt).ToList();
            Assert.Equal(10, byKey.Count);
            Assert.Equal(byKey.Order(), byKey);
        }
    }

    [Fact]
    public async Task OnlyTimeOnlineShowingFocusingDuringARunningWorkPhaseCounts()
    {
        var room = await Client.CreateRoomAsync(new { work_duration_minutes = 25 }, host: "Mina");
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        var kai = await Client.JoinAsync(room.RoomId, "Kai"); // never connects: offline all along
        await using var mina = await App.ConnectHubAsync(room.Participant.Token);
        await using var junHub = await App.ConnectHubAsync(jun.Token);
        var token = room.Participant.Token;

        await Client.TimerAsync(room.RoomId, "start", token);
        App.Advance(TimeSpan.FromMinutes(5));
        await junHub.Connection.InvokeAsync<ParticipantResponse>("set_status", "away"); // Jun stops at 5 min
        App.Advance(TimeSpan.FromMinutes(5));
        await Client.TimerAsync(room.RoomId, "pause", token);                          // Mina stops at 10 min
        App.Advance(TimeSpan.FromMinutes(5));
        await Client.TimerAsync(room.RoomId, "resume", token);                         // Mina goes on at 15 min
        App.Advance(TimeSpan.FromMinutes(5));

        var midway = await StatisticsAsync(room.RoomId);

        Assert.Equal(600 + 300, FocusOf(midway, room.Participant.ParticipantId)); // 0–10 closed, 15–20 still open
        Assert.Equal(300, FocusOf(midway, jun.ParticipantId));
        Assert.Equal(0, FocusOf(midway, kai.ParticipantId));
        Assert.Equal(["Mina", "Jun", "Kai"], midway.Participants.Select(p => p.UserName));
    }

    [Fact]
    public async Task FocusEndsAtThePhasesTargetEvenWhenTheCompletionComesLaterAndLeaversStayListed()
    {
        var room = await Client.CreateRoomAsync(new { work_duration_minutes = 25, auto_start_break = true }, host: "Mina");
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        await using var mina = await App.ConnectHubAsync(room.Participant.Token);
        await using var junHub = await App.ConnectHubAsync(jun.Token);
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);

        App.Advance(TimeSpan.FromMinutes(27)); // the scheduler completes the phase; its target was at 25 min
        await Eventually.WaitAsync(() => Client.RoomAsync(room.RoomId), r => r.TimerState.SessionType == SessionType.Break);
        await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}/participants/{jun.ParticipantId}", jun.Token);
        App.Advance(TimeSpan.FromMinutes(3)); // a break: nobody focuses

        var statistics = await StatisticsAsync(room.RoomId);

        Assert.Equal(1500, FocusOf(statistics, room.Participant.ParticipantId));
        Assert.Equal(1500, FocusOf(statistics, jun.ParticipantId));
        Assert.Equal("Jun", statistics.Participants.Single(p => p.ParticipantId == jun.ParticipantId).UserName);
    }

    [Fact]
    public async Task GoingOfflineStopsTheCountAndComingBackStartsItAgain()
    {
        var room = await Client.CreateRoomAsync(new { work_duration_minutes = 60 });
        var mina = await App.ConnectHubAsync(room.Participant.Token);
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        App.Advance(TimeSpan.FromMinutes(10));
        await mina.DisposeAsync();
        await Eventually.WaitAsync(async () => (await (await Client.SendAsync(HttpMethod.Get, $"{Rest.Rooms}/{room.RoomId}/participants"))
            .ReadAsync<List<ParticipantResponse>>()).Single().Online, online => !online);
        App.Advance(TimeSpan.FromMinutes(10));
        await using var back = await App.ConnectHubAsync(room.Participant.Token);
        App.Advance(TimeSpan.FromMinutes(5));

        var statistics = await StatisticsAsync(room.RoomId);

        Assert.Equal(600 + 300, FocusOf(statistics, room.Participant.ParticipantId));
    }

    [Fact]
    public async Task DaysListEveryLocalDayOfThePeriodWithTheWorkThatEndedOnIt()
    {
        // The suite's clock starts on Monday 2 March 2026, 09:00 UTC.
        var room = await Client.CreateRoomAsync(new { work_duration_minutes = 25, auto_start_break = false });
        var token = room.Participant.Token;
        await Client.TimerAsync(room.RoomId, "start", token);
        App.Advance(TimeSpan.FromMinutes(25));
        await Eventually.WaitAsync(() => Client.RoomAsync(room.RoomId), r => r.TimerState.Status == TimerStatus.Completed);
        App.Advance(TimeSpan.FromDays(1));
        await Client.TimerAsync(room.RoomId, "start", token, new { session_type = "work" }); // the room waits with a break next
        App.Advance(TimeSpan.FromMinutes(10));
        await Client.TimerAsync(room.RoomId, "reset", token); // 10 minutes on Tuesday

        var week = await StatisticsAsync(room.RoomId, "week");
        var month = await StatisticsAsync(room.RoomId, "month", "Asia/Seoul");

        Assert.Equal([(new DateOnly(2026, 3, 2), 1500L), (new DateOnly(2026, 3, 3), 600L)], week.Days.Select(d => (d.Date, d.FocusSeconds)));
        Assert.Equal(3, month.Days.Count); // 1–3 March in Seoul (it is 18:35 on the 3rd there)
        Assert.Equal([0L, 1500L, 600L], month.Days.Select(d => d.FocusSeconds));
        Assert.Equal(week.TotalFocusTimeSeconds, week.Days.Sum(d => d.FocusSeconds));
    }

    [Fact]
    public async Task EachStopOfRunningWorkStoresOneRunWithTheTimersChangeAndNothingForTheParticipants()
    {
        var room = await Client.CreateRoomAsync(new { work_duration_minutes = 25 }, host: "Mina");
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        await using var mina = await App.ConnectHubAsync(room.Participant.Token);
        await using var junHub = await App.ConnectHubAsync(jun.Token);
        var token = room.Participant.Token;
        var start = App.Clock.GetUtcNow();
        await Eventually.WaitAsync(ReadySinceAsync, ready => ready.Count == 2 && ready.All(r => r.Since is not null));
        var readyBefore = await ReadySinceAsync();

        await Client.TimerAsync(room.RoomId, "start", token);
        App.Advance(TimeSpan.FromMinutes(10));
        await Client.TimerAsync(room.RoomId, "pause", token);
        var again = await Client.CommandAsync(room.RoomId, "pause", token);
        App.Advance(TimeSpan.FromMinutes(5));
        await Client.TimerAsync(room.RoomId, "resume", token);
        App.Advance(TimeSpan.FromMinutes(3));
        await Client.TimerAsync(room.RoomId, "reset", token);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FocusMateDbContext>();
        var runs = (await db.WorkRuns.AsNoTracking().Where(r => r.RoomId == room.RoomId).ToListAsync()).OrderBy(r => r.EndedAt).Select(r => r.Run);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal([new WorkRun(start, start.AddMinutes(10)), new WorkRun(start.AddMinutes(15), start.AddMinutes(18))], runs);
        Assert.Equal(readyBefore, await ReadySinceAsync()); // the timer's commands did not touch the participants
        Assert.Empty(await db.FocusIntervals.AsNoTracking().Where(f => f.RoomId == room.RoomId).ToListAsync());
        var statistics = await StatisticsAsync(room.RoomId);
        Assert.Equal(780, FocusOf(statistics, room.Participant.ParticipantId));
        Assert.Equal(780, FocusOf(statistics, jun.ParticipantId));

        async Task<List<(Guid Id, DateTimeOffset? Since)>> ReadySinceAsync()
        {
            await using var read = App.Services.CreateAsyncScope();
            var participants = read.ServiceProvider.GetRequiredService<FocusMateDbContext>().Participants.AsNoTracking();
            return [.. (await participants.Where(p => p.RoomId == room.RoomId).ToListAsync()).OrderBy(p => p.Id).Select(p => (p.Id, p.FocusSince))];
        }
    }

    [Fact]
    public async Task ReadinessSetDuringABreakCountsOnceWorkRunsAndAPauseDoesNot()
    {
        var room = await Client.CreateRoomAsync(new { work_duration_minutes = 25, break_duration_minutes = 5, auto_start_break = true }, host: "Mina");
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        await using var mina = await App.ConnectHubAsync(room.Participant.Token);
        await using var junHub = await App.ConnectHubAsync(jun.Token);
        await junHub.Connection.InvokeAsync<ParticipantResponse>("set_status", "break"); // Jun rests through the first work phase
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        App.Advance(TimeSpan.FromMinutes(25));
        await Eventually.WaitAsync(() => Client.RoomAsync(room.RoomId), r => r.TimerState.SessionType == SessionType.Break);
        await junHub.Connection.InvokeAsync<ParticipantResponse>("set_status", "focusing"); // ready during the break
        App.Advance(TimeSpan.FromMinutes(5));
        await Eventually.WaitAsync(() => Client.RoomAsync(room.RoomId), r => r.TimerState.SessionType == SessionType.Work);
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        App.Advance(TimeSpan.FromMinutes(4));
        await Client.TimerAsync(room.RoomId, "pause", room.Participant.Token);
        App.Advance(TimeSpan.FromMinutes(6));

        var statistics = await StatisticsAsync(room.RoomId);

        Assert.Equal(1500 + 240, FocusOf(statistics, room.Participant.ParticipantId));
        Assert.Equal(240, FocusOf(statistics, jun.ParticipantId));
    }

    [Fact]
    public async Task FocusStoredBeforeTheWorkRunsStillCountsAfterTheMigration()
    {
        // Before the migration WorkRuns, focus was stored already cut to the work runs; the migration fills the runs in
        // from the work phases of the history, so such focus keeps counting in full.
        var room = await Client.CreateRoomAsync(new { work_duration_minutes = 25, auto_start_break = false });
        var start = App.Clock.GetUtcNow();
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        App.Advance(TimeSpan.FromMinutes(25));
        await Eventually.WaitAsync(() => Client.RoomAsync(room.RoomId), r => r.TimerState.Status == TimerStatus.Completed);
        var before = Guid.NewGuid();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FocusMateDbContext>();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("FocusTasksAndPush");
            db.FocusIntervals.Add(new FocusInterval(Guid.NewGuid(), room.RoomId, before, "Before", start.AddMinutes(5), start.AddMinutes(15)));
            await db.SaveChangesAsync();
            await migrator.MigrateAsync();
        }

        var statistics = await StatisticsAsync(room.RoomId);

        Assert.Equal(600, FocusOf(statistics, before));
    }
}
