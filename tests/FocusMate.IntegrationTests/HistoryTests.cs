using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Core.Errors;
using FocusMate.Core.History;
using FocusMate.Core.Timers;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;

namespace FocusMate.IntegrationTests;

public sealed class HistoryTests : AppTest
{
    [Fact]
    public async Task EveryFinishedPhaseIsListedNewestFirstWithItsOutcome()
    {
        var room = await Client.CreateRoomAsync(new { auto_start_break = false });
        var token = room.Participant.Token;
        await Client.TimerAsync(room.RoomId, "start", token);
        App.Advance(TimeSpan.FromMinutes(25));
        await Client.TimerAsync(room.RoomId, "start", token);          // completes the work phase first, then starts the break
        App.Advance(TimeSpan.FromMinutes(2));
        await Client.TimerAsync(room.RoomId, "skip", token);           // break skipped after 2 minutes
        await Client.TimerAsync(room.RoomId, "start", token);
        App.Advance(TimeSpan.FromMinutes(4));
        await Client.TimerAsync(room.RoomId, "reset", token);          // work interrupted after 4 minutes

        var sessions = await Client.SessionsAsync(room.RoomId);

        Assert.Equal(
            [(SessionType.Work, SessionOutcome.Interrupted, 240), (SessionType.Break, SessionOutcome.Skipped, 120), (SessionType.Work, SessionOutcome.Completed, 1500)],
            sessions.Select(s => (s.SessionType, s.Outcome, s.ActualSeconds)));
        Assert.All(sessions, s => Assert.True(s.EndedAt >= s.StartedAt));
        Assert.Equal(FocusMateFactory.Start.AddMinutes(25), sessions[2].EndedAt);
        Assert.Equal(300, sessions[1].PlannedSeconds);
    }

    [Fact]
    public async Task TheHistoryHonoursItsLimit()
    {
        var room = await Client.CreateRoomAsync();
        for (var i = 0; i < 3; i++)
        {
            await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
            await Client.TimerAsync(room.RoomId, "reset", room.Participant.Token);
        }

        var two = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}/sessions?limit=2")).ReadAsync<List<SessionResponse>>();

        Assert.Equal(2, two.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("ten")]
    public async Task ABadLimitIsAValidationError(string limit)
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}/sessions?limit={limit}");

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Equal(["limit"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task StatisticsCountTheWorkOfThePeriod()
    {
        var room = await Client.CreateRoomAsync(new { auto_start_break = false });
        var token = room.Participant.Token;
        await Client.TimerAsync(room.RoomId, "start", token);
        App.Advance(TimeSpan.FromMinutes(25));
        await Client.TimerAsync(room.RoomId, "skip", token);           // completes work (due), then skips the pending break
        await Client.TimerAsync(room.RoomId, "start", token);
        App.Advance(TimeSpan.FromMinutes(10));
        await Client.TimerAsync(room.RoomId, "skip", token);           // work skipped after 10 minutes

        var stats = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}/statistics?period=today&tz=Asia/Seoul"))
            .ReadAsync<StatisticsResponse>();

        Assert.Equal(StatisticsPeriod.Today, stats.Period);
        Assert.Equal("Asia/Seoul", stats.Tz);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero), stats.Since);
        Assert.Equal(1, stats.CompletedSessions);
        Assert.Equal(1500 + 600, stats.TotalFocusTimeSeconds);
        Assert.Equal(1500, stats.AverageSessionDuration);
        Assert.Equal(0.5, stats.CompletionRate);
    }

    [Fact]
    public async Task StatisticsDefaultToTodayInUtc()
    {
        var room = await Client.CreateRoomAsync();

        var stats = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}/statistics")).ReadAsync<StatisticsResponse>();

        Assert.Equal(StatisticsPeriod.Today, stats.Period);
        Assert.Equal("UTC", stats.Tz);
        Assert.Equal(0, stats.CompletionRate);
    }

    [Fact]
    public async Task AWeekEarlierPhaseIsOutsideTodayButInsideTheMonth()
    {
        var room = await Client.CreateRoomAsync(new { auto_start_break = false });
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        App.Advance(TimeSpan.FromMinutes(25));
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        App.Advance(TimeSpan.FromDays(7));

        var today = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}/statistics?period=today")).ReadAsync<StatisticsResponse>();
        var week = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}/statistics?period=week")).ReadAsync<StatisticsResponse>();
        var month = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}/statistics?period=month")).ReadAsync<StatisticsResponse>();

        Assert.Equal(0, today.CompletedSessions);
        Assert.Equal(0, week.CompletedSessions);
        Assert.Equal(1, month.CompletedSessions);
    }

    [Theory]
    [InlineData("period=year", "period")]
    [InlineData("period=today&tz=Mars/Olympus", "tz")]
    public async Task AnUnknownPeriodOrZoneIsAValidationError(string query, string field)
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}/statistics?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Equal([field], problem.Errors!.Keys);
    }

    [Fact]
    public async Task HistoryOfAnUnknownRoomIsRoomNotFound()
    {
        await (await Client.GetAsync($"{Rest.Rooms}/{Guid.NewGuid()}/sessions")).ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        await (await Client.GetAsync($"{Rest.Rooms}/{Guid.NewGuid()}/statistics")).ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
    }
}
