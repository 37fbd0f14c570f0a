using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Core.Errors;
using FocusMate.Core.Timers;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;

namespace FocusMate.IntegrationTests;

public sealed class TimerTests : AppTest
{
    private static string Timer(Guid roomId, string command) => $"{Rest.Rooms}/{roomId}/timer/{command}";

    [Fact]
    public async Task StartRunsTheNextPhaseUntilNowPlusItsLength()
    {
        var room = await Client.CreateRoomAsync();

        var state = await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);

        Assert.Equal(TimerStatus.Running, state.Status);
        Assert.Equal(SessionType.Work, state.SessionType);
        Assert.Equal(FocusMateFactory.Start.AddMinutes(25), state.TargetTimestamp);
        Assert.Equal(1500, state.RemainingSeconds);
        Assert.Equal(2, state.Version);
    }

    [Fact]
    public async Task StartTakesAnOptionalPhase()
    {
        var room = await Client.CreateRoomAsync();

        var state = await Client.TimerAsync(room.RoomId, "start", room.Participant.Token, new { session_type = "long_break" });

        Assert.Equal(SessionType.LongBreak, state.SessionType);
        Assert.Equal(900, state.DurationSeconds);
    }

    [Theory]
    [InlineData("""{"session_type":"nap"}""")]
    [InlineData("""{"session_type":1}""")]
    [InlineData("""{"session_type":"work","extra":true}""")]
    public async Task StartWithABadPhaseIsAValidationError(string body)
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.SendRawAsync(HttpMethod.Post, Timer(room.RoomId, "start"), body, token: room.Participant.Token);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
    }

    [Fact]
    public async Task PauseKeepsTheTimeLeftAndResumeRunsItFromNow()
    {
        var room = await Client.CreateRoomAsync();
        var token = room.Participant.Token;
        await Client.TimerAsync(room.RoomId, "start", token);
        App.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromMilliseconds(500));

        var paused = await Client.TimerAsync(room.RoomId, "pause", token);
        App.Advance(TimeSpan.FromHours(1));
        var resumed = await Client.TimerAsync(room.RoomId, "resume", token);

        Assert.Equal(TimerStatus.Paused, paused.Status);
        Assert.Null(paused.TargetTimestamp);
        Assert.Equal(899.5, paused.RemainingSeconds);
        Assert.Equal(TimerStatus.Running, resumed.Status);
        Assert.Equal(FocusMateFactory.Start.AddMinutes(70).AddMilliseconds(500).AddSeconds(899.5), resumed.TargetTimestamp);
        Assert.Equal(4, resumed.Version);
    }

    [Fact]
    public async Task ResetGoesBackToAFullWorkPhaseAndRecordsTheInterruption()
    {
        var room = await Client.CreateRoomAsync();
        var token = room.Participant.Token;
        await Client.TimerAsync(room.RoomId, "start", token);
        App.Advance(TimeSpan.FromMinutes(5));

        var reset = await Client.TimerAsync(room.RoomId, "reset", token);

        Assert.Equal(TimerStatus.Idle, reset.Status);
        Assert.Equal(1500, reset.RemainingSeconds);
        var sessions = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}/sessions")).ReadAsync<List<SessionResponse>>();
        var interrupted = Assert.Single(sessions);
        Assert.Equal(Core.Timers.SessionOutcome.Interrupted, interrupted.Outcome);
        Assert.Equal(300, interrupted.ActualSeconds);
    }

    [Fact]
    public async Task SkipEndsThePhaseAndAutoStartsTheBreak()
    {
        var room = await Client.CreateRoomAsync();
        var token = room.Participant.Token;
        await Client.TimerAsync(room.RoomId, "start", token);
        App.Advance(TimeSpan.FromMinutes(1));

        var skipped = await Client.TimerAsync(room.RoomId, "skip", token);

        Assert.Equal(TimerStatus.Running, skipped.Status);
        Assert.Equal(SessionType.Break, skipped.SessionType);
        Assert.Equal(FocusMateFactory.Start.AddMinutes(6), skipped.TargetTimestamp);
        Assert.Equal(1, skipped.CompletedWorkSessions);
    }

    [Fact]
    public async Task CommandsInTheWrongStateAreRefusedWithTheirCodes()
    {
        var room = await Client.CreateRoomAsync();
        var token = room.Participant.Token;

        await (await Client.SendAsync(HttpMethod.Post, Timer(room.RoomId, "pause"), token)).ProblemAsync(HttpStatusCode.Conflict, ErrorCodes.TimerNotRunning);
        await (await Client.SendAsync(HttpMethod.Post, Timer(room.RoomId, "resume"), token)).ProblemAsync(HttpStatusCode.Conflict, ErrorCodes.TimerNotRunning);
        await (await Client.SendAsync(HttpMethod.Post, Timer(room.RoomId, "skip"), token)).ProblemAsync(HttpStatusCode.Conflict, ErrorCodes.TimerNotRunning);
        await Client.TimerAsync(room.RoomId, "start", token);
        await (await Client.SendAsync(HttpMethod.Post, Timer(room.RoomId, "start"), token)).ProblemAsync(HttpStatusCode.Conflict, ErrorCodes.TimerAlreadyRunning);
        await (await Client.SendAsync(HttpMethod.Post, Timer(room.RoomId, "resume"), token)).ProblemAsync(HttpStatusCode.Conflict, ErrorCodes.TimerAlreadyRunning);
        await Client.TimerAsync(room.RoomId, "pause", token);
        await (await Client.SendAsync(HttpMethod.Post, Timer(room.RoomId, "start"), token)).ProblemAsync(HttpStatusCode.Conflict, ErrorCodes.TimerAlreadyRunning);
        await (await Client.SendAsync(HttpMethod.Post, Timer(room.RoomId, "pause"), token)).ProblemAsync(HttpStatusCode.Conflict, ErrorCodes.TimerNotRunning);
        var state = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}")).ReadAsync<RoomResponse>();
        Assert.Equal(3, state.TimerState.Version);
    }

    [Fact]
    public async Task OnlyTheHostControlsTheTimerUnlessAllMayControl()
    {
        var closed = await Client.CreateRoomAsync();
        var open = await Client.CreateRoomAsync(new { allow_all_control = true });
        var guestOfClosed = await Client.JoinAsync(closed.RoomId);
        var guestOfOpen = await Client.JoinAsync(open.RoomId);

        var refused = await Client.SendAsync(HttpMethod.Post, Timer(closed.RoomId, "start"), guestOfClosed.Token);
        var allowed = await Client.TimerAsync(open.RoomId, "start", guestOfOpen.Token);

        await refused.ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        Assert.Equal(TimerStatus.Running, allowed.Status);
    }

    [Fact]
    public async Task ATokenOfRoomAIsRefusedOnRoomB()
    {
        var roomA = await Client.CreateRoomAsync(new { allow_all_control = true });
        var roomB = await Client.CreateRoomAsync(new { allow_all_control = true });

        var response = await Client.SendAsync(HttpMethod.Post, Timer(roomB.RoomId, "start"), roomA.Participant.Token);

        await response.ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        var roomBNow = await (await Client.GetAsync($"{Rest.Rooms}/{roomB.RoomId}")).ReadAsync<RoomResponse>();
        Assert.Equal(TimerStatus.Idle, roomBNow.TimerState.Status);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("reset")]
    [InlineData("skip")]
    public async Task EveryCommandNeedsAToken(string command)
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.SendAsync(HttpMethod.Post, Timer(room.RoomId, command));

        await response.ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task ATamperedTokenIsRefused()
    {
        var room = await Client.CreateRoomAsync();
        var parts = room.Participant.Token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";

        var response = await Client.SendAsync(HttpMethod.Post, Timer(room.RoomId, "start"), forged);

        await response.ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task CommandsOnAnUnknownRoomAreRoomNotFound()
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.SendAsync(HttpMethod.Post, Timer(Guid.NewGuid(), "start"), room.Participant.Token);

        await response.ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
    }

    [Fact]
    public async Task ConcurrentCommandsNeverLoseAChange()
    {
        var room = await Client.CreateRoomAsync();
        var token = room.Participant.Token;

        // Ten starts at once: exactly one wins, the rest see it running.
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Client.SendAsync(HttpMethod.Post, Timer(room.RoomId, "start"), token)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var state = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}")).ReadAsync<RoomResponse>();
        Assert.Equal(2, state.TimerState.Version);
    }
}
