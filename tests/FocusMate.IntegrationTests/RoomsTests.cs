using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Core.Errors;
using FocusMate.Core.Timers;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;

namespace FocusMate.IntegrationTests;

public sealed class RoomsTests : AppTest
{
    [Fact]
    public async Task CreatingARoomReturnsItWithDefaultsTheHostTokenAndItsLocation()
    {
        var response = await Client.SendAsync(HttpMethod.Post, Rest.Rooms, body: new { room_name = "Team_Alpha-1", host_name = "  Mina  " });

        var room = await response.ReadAsync<CreatedRoomResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/rooms/{room.RoomId}", response.Headers.Location?.AbsolutePath);
        Assert.Equal("Team_Alpha-1", room.RoomName);
        Assert.Equal((25, 5, 15, 4), (room.WorkDurationMinutes, room.BreakDurationMinutes, room.LongBreakDurationMinutes, room.LongBreakInterval));
        Assert.Equal((1500, 300, 900), (room.WorkDuration, room.BreakDuration, room.LongBreakDuration));
        Assert.True(room.AutoStartBreak);
        Assert.False(room.AutoStartWork);
        Assert.False(room.AllowAllControl);
        Assert.Equal(50, room.MaxParticipants);
        Assert.Equal(1, room.CurrentParticipants);
        Assert.EndsWith($"/room/{room.RoomId}", room.ShareUrl, StringComparison.Ordinal);
        Assert.Equal(FocusMateFactory.Start, room.CreatedAt);
        Assert.Equal(TimerStatus.Idle, room.TimerState.Status);
        Assert.Equal(1, room.TimerState.Version);
        Assert.True(room.Participant.IsHost);
        Assert.Equal("Mina", room.Participant.UserName);
        Assert.False(string.IsNullOrEmpty(room.Participant.Token));
    }

    [Fact]
    public async Task CreatingARoomTakesEverySetting()
    {
        var room = await Client.CreateRoomAsync(new
        {
            work_duration_minutes = 50,
            break_duration_minutes = 10,
            long_break_duration_minutes = 30,
            long_break_interval = 2,
            auto_start_break = false,
            auto_start_work = true,
            allow_all_control = true,
            max_participants = 2,
        });

        Assert.Equal((50, 10, 30, 2, 2), (room.WorkDurationMinutes, room.BreakDurationMinutes, room.LongBreakDurationMinutes,
            room.LongBreakInterval, room.MaxParticipants));
        Assert.Equal((false, true, true), (room.AutoStartBreak, room.AutoStartWork, room.AllowAllControl));
        Assert.Equal(3000, room.TimerState.DurationSeconds);
    }

    [Fact]
    public async Task CreatingARoomWithoutItsRequiredFieldsNamesEachField()
    {
        var response = await Client.SendRawAsync(HttpMethod.Post, Rest.Rooms, "{}");

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Contains("room_name", problem.Errors!.Keys);
        Assert.Contains("host_name", problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("ab", "room_name")]
    [InlineData("has space", "room_name")]
    [InlineData("한국어방", "room_name")]
    [InlineData("a-name-that-is-much-too-long-for-a-room-name-honestly", "room_name")]
    public async Task CreatingARoomWithABadNameIsAValidationError(string name, string field)
    {
        var response = await Client.SendAsync(HttpMethod.Post, Rest.Rooms, body: new { room_name = name, host_name = "Mina" });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Equal([field], problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("""{"room_name":"okname","host_name":"   "}""", "host_name")]
    [InlineData("""{"room_name":"okname","host_name":"bad\u0007name"}""", "host_name")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","work_duration_minutes":0}""", "work_duration_minutes")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","work_duration_minutes":61}""", "work_duration_minutes")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","break_duration_minutes":31}""", "break_duration_minutes")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","long_break_duration_minutes":61}""", "long_break_duration_minutes")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","long_break_interval":11}""", "long_break_interval")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","max_participants":1}""", "max_participants")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","work_duration_minutes":"25"}""", "work_duration_minutes")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","work_duration_minutes":25.5}""", "work_duration_minutes")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","auto_start_work":"true"}""", "auto_start_work")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","auto_start_work":1}""", "auto_start_work")]
    [InlineData("""{"room_name":12345,"host_name":"Mina"}""", "room_name")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","colour":"blue"}""", "colour")]
    [InlineData("""{"room_name":"okname","host_name":"Mina","Room_Name":"other"}""", "Room_Name")]
    public async Task CreatingARoomWithAWrongFieldIsAValidationErrorNamingIt(string body, string field)
    {
        var response = await Client.SendRawAsync(HttpMethod.Post, Rest.Rooms, body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("{\"room_name\": \"x\",")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"room_name\":\"okname\"} trailing")]
    public async Task CreatingARoomWithMalformedJsonIsAMalformedRequest(string body)
    {
        var response = await Client.SendRawAsync(HttpMethod.Post, Rest.Rooms, body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.MalformedRequest);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task CreatingARoomWithAnotherContentTypeIsAMalformedRequest(string contentType)
    {
        var response = await Client.SendRawAsync(HttpMethod.Post, Rest.Rooms, """{"room_name":"okname","host_name":"Mina"}""", contentType);

        await response.ProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.MalformedRequest);
    }

    [Fact]
    public async Task CreatingARoomWithAnEmptyBodyIsAMalformedRequest()
    {
        var response = await Client.SendRawAsync(HttpMethod.Post, Rest.Rooms, "");

        await response.ProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.MalformedRequest);
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedAsTooLargeWithoutCreatingAnything()
    {
        var name = Rest.UniqueName();
        var body = $$"""{"room_name":"{{name}}","host_name":"{{new string('x', 40_000)}}"}""";

        var response = await Client.SendRawAsync(HttpMethod.Post, Rest.Rooms, body);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, ErrorCodes.PayloadTooLarge);
        var again = await Client.SendAsync(HttpMethod.Post, Rest.Rooms, body: new { room_name = name, host_name = "Mina" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task ARoomNameIsTakenIgnoringCase()
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.SendAsync(HttpMethod.Post, Rest.Rooms, body: new { room_name = room.RoomName.ToUpperInvariant(), host_name = "Jun" });

        await response.ProblemAsync(HttpStatusCode.Conflict, ErrorCodes.RoomNameTaken);
    }

    [Fact]
    public async Task GettingARoomShowsItsTimerAndHowManyAreIn()
    {
        var room = await Client.CreateRoomAsync();
        await Client.JoinAsync(room.RoomId);

        var read = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}")).ReadAsync<RoomResponse>();

        Assert.Equal(room.RoomName, read.RoomName);
        Assert.Equal(2, read.CurrentParticipants);
        Assert.Equal(TimerStatus.Idle, read.TimerState.Status);
        Assert.Equal(FocusMateFactory.Start, read.TimerState.ServerTime);
    }

    [Fact]
    public async Task GettingAnUnknownRoomIsRoomNotFound()
    {
        var response = await Client.GetAsync($"{Rest.Rooms}/{Guid.NewGuid()}");

        await response.ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
    }

    [Fact]
    public async Task ARoomIdThatIsNotAUuidIsRoomNotFound()
    {
        var response = await Client.GetAsync($"{Rest.Rooms}/not-a-uuid");

        await response.ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
    }

    [Fact]
    public async Task TheHostChangesSettingsAndAnIdleTimerTakesTheNewLengthAtOnce()
    {
        var room = await Client.CreateRoomAsync();
        App.Advance(TimeSpan.FromMinutes(1));

        var response = await Client.SendAsync(HttpMethod.Patch, $"{Rest.Rooms}/{room.RoomId}", room.Participant.Token,
            new { work_duration_minutes = 50, allow_all_control = true });

        var updated = await response.ReadAsync<RoomResponse>();
        Assert.Equal(50, updated.WorkDurationMinutes);
        Assert.True(updated.AllowAllControl);
        Assert.Equal(5, updated.BreakDurationMinutes);
        Assert.Equal(FocusMateFactory.Start.AddMinutes(1), updated.UpdatedAt);
        Assert.Equal(3000, updated.TimerState.DurationSeconds);
        Assert.Equal(2, updated.TimerState.Version);
    }

    [Fact]
    public async Task NewSettingsDoNotChangeARunningPhase()
    {
        var room = await Client.CreateRoomAsync();
        var running = await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);

        var response = await Client.SendAsync(HttpMethod.Patch, $"{Rest.Rooms}/{room.RoomId}", room.Participant.Token,
            new { work_duration_minutes = 10 });

        var updated = await response.ReadAsync<RoomResponse>();
        Assert.Equal(10, updated.WorkDurationMinutes);
        Assert.Equal(running.TargetTimestamp, updated.TimerState.TargetTimestamp);
        Assert.Equal(running.Version, updated.TimerState.Version);
    }

    [Fact]
    public async Task OnlyTheHostChangesSettings()
    {
        var room = await Client.CreateRoomAsync();
        var guest = await Client.JoinAsync(room.RoomId);
        var other = await Client.CreateRoomAsync();
        var path = $"{Rest.Rooms}/{room.RoomId}";

        await (await Client.SendAsync(HttpMethod.Patch, path, guest.Token, new { work_duration_minutes = 10 }))
            .ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await Client.SendAsync(HttpMethod.Patch, path, other.Participant.Token, new { work_duration_minutes = 10 }))
            .ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await Client.SendAsync(HttpMethod.Patch, path, null, new { work_duration_minutes = 10 }))
            .ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await Client.SendAsync(HttpMethod.Patch, path, "not.a.token", new { work_duration_minutes = 10 }))
            .ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        var unchanged = await (await Client.GetAsync(path)).ReadAsync<RoomResponse>();
        Assert.Equal(25, unchanged.WorkDurationMinutes);
    }

    [Fact]
    public async Task ChangingSettingsValidatesThemAndRefusesFieldsThatAreNotSettings()
    {
        var room = await Client.CreateRoomAsync();
        var path = $"{Rest.Rooms}/{room.RoomId}";

        var outOfRange = await Client.SendAsync(HttpMethod.Patch, path, room.Participant.Token, new { long_break_interval = 0 });
        var rename = await Client.SendAsync(HttpMethod.Patch, path, room.Participant.Token, new { room_name = "renamed" });
        var unknown = await Client.SendAsync(HttpMethod.Patch, $"{Rest.Rooms}/{Guid.NewGuid()}", room.Participant.Token, new { long_break_interval = 2 });

        Assert.Contains("long_break_interval", (await outOfRange.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError)).Errors!.Keys);
        Assert.Contains("room_name", (await rename.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError)).Errors!.Keys);
        await unknown.ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
    }

    [Fact]
    public async Task TheCapacityCannotBeSetBelowWhoIsInTheRoom()
    {
        var room = await Client.CreateRoomAsync();
        await Client.JoinAsync(room.RoomId);
        await Client.JoinAsync(room.RoomId);

        var response = await Client.SendAsync(HttpMethod.Patch, $"{Rest.Rooms}/{room.RoomId}", room.Participant.Token, new { max_participants = 2 });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Contains("max_participants", problem.Errors!.Keys);
    }

    [Fact]
    public async Task TheHostDeletesTheRoomWithEverythingInItAndTheNameIsFreeAgain()
    {
        var room = await Client.CreateRoomAsync();
        var guest = await Client.JoinAsync(room.RoomId);
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        await Client.TimerAsync(room.RoomId, "skip", room.Participant.Token);

        var response = await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}", room.Participant.Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}")).ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}/sessions")).ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        await (await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/timer/start", guest.Token))
            .ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        var again = await Client.SendAsync(HttpMethod.Post, Rest.Rooms, body: new { room_name = room.RoomName, host_name = "Jun" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task OnlyTheHostDeletesTheRoom()
    {
        var room = await Client.CreateRoomAsync();
        var guest = await Client.JoinAsync(room.RoomId);
        var path = $"{Rest.Rooms}/{room.RoomId}";

        await (await Client.SendAsync(HttpMethod.Delete, path, guest.Token)).ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await Client.SendAsync(HttpMethod.Delete, path)).ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{Guid.NewGuid()}", room.Participant.Token))
            .ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(path)).StatusCode);
    }
}
