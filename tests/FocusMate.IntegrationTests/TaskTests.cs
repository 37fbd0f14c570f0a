using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Core.Errors;
using FocusMate.Core.Participants;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.IntegrationTests;

/// <summary>"Working on": each participant says what it does this session; everyone sees it live.</summary>
public sealed class TaskTests : AppTest
{
    private static string MyTask(Guid roomId) => $"{Rest.Rooms}/{roomId}/participants/me/task";

    [Fact]
    public async Task ATaskSetOverRestReachesEveryoneAndIsListedAndInTheSnapshot()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId);
        await using var watcher = await App.ConnectHubAsync(room.Participant.Token);

        var response = await Client.SendAsync(HttpMethod.Put, MyTask(room.RoomId), jun.Token, new { task = "  Reviewing the onboarding flow " });

        var me = await response.ReadAsync<ParticipantResponse>();
        var update = await watcher.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.Task);
        var listed = await (await Client.SendAsync(HttpMethod.Get, $"{Rest.Rooms}/{room.RoomId}/participants")).ReadAsync<List<ParticipantResponse>>();
        await using var late = await App.ConnectHubAsync(jun.Token, join: false);
        var snapshot = await late.JoinAsync();
        Assert.Equal("Reviewing the onboarding flow", me.Task);
        Assert.Equal(jun.ParticipantId, update.Data.Participant.ParticipantId);
        Assert.Equal("Reviewing the onboarding flow", update.Data.Participant.Task);
        Assert.Equal("Reviewing the onboarding flow", listed.Single(p => p.ParticipantId == jun.ParticipantId).Task);
        Assert.Null(listed.Single(p => p.ParticipantId == room.Participant.ParticipantId).Task);
        Assert.Equal("Reviewing the onboarding flow", snapshot.Participants.Single(p => p.ParticipantId == jun.ParticipantId).Task);
    }

    [Fact]
    public async Task TheHubSetsAndClearsTheCallersTask()
    {
        var room = await Client.CreateRoomAsync();
        await using var host = await App.ConnectHubAsync(room.Participant.Token);

        var set = await host.Connection.InvokeAsync<ParticipantResponse>("set_task", "데모 준비 🍅");
        var cleared = await host.Connection.InvokeAsync<ParticipantResponse>("set_task", null);
        var emptied = await host.Connection.InvokeAsync<ParticipantResponse>("set_task", "set again");
        var blank = await host.Connection.InvokeAsync<ParticipantResponse>("set_task", "   ");

        var updates = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            updates.Add((await host.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.Task)).Data.Participant.Task);
        }

        Assert.Equal("데모 준비 🍅", set.Task);
        Assert.Null(cleared.Task);
        Assert.Equal("set again", emptied.Task);
        Assert.Null(blank.Task);
        Assert.Equal(["데모 준비 🍅", null, "set again", null], updates);
    }

    [Theory]
    [InlineData("""{"task":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""")]
    [InlineData("""{"task":"hidden\u202Eword"}""")]
    [InlineData("""{"task":"two\nlines"}""")]
    [InlineData("""{"task":42}""")]
    [InlineData("""{"task":"ok","extra":1}""")]
    public async Task ABadTaskIsAValidationErrorAndChangesNothing(string body)
    {
        var room = await Client.CreateRoomAsync();
        await Client.SendAsync(HttpMethod.Put, MyTask(room.RoomId), room.Participant.Token, new { task = "kept" });

        var response = await Client.SendRawAsync(HttpMethod.Put, MyTask(room.RoomId), body, token: room.Participant.Token);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        var listed = await (await Client.SendAsync(HttpMethod.Get, $"{Rest.Rooms}/{room.RoomId}/participants")).ReadAsync<List<ParticipantResponse>>();
        Assert.Equal("kept", listed.Single().Task);
    }

    [Fact]
    public async Task EightyCharactersAreAllowedAndOnlyTheOwnerSetsItsTask()
    {
        var room = await Client.CreateRoomAsync();
        var other = await Client.CreateRoomAsync();
        var eighty = new string('x', 80);
        await using var hub = await App.ConnectHubAsync(room.Participant.Token);

        var ok = await Client.SendAsync(HttpMethod.Put, MyTask(room.RoomId), room.Participant.Token, new { task = eighty });
        var anonymous = await Client.SendAsync(HttpMethod.Put, MyTask(room.RoomId), body: new { task = "x" });
        var foreign = await Client.SendAsync(HttpMethod.Put, MyTask(room.RoomId), other.Participant.Token, new { task = "x" });
        var tooLong = await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync<ParticipantResponse>("set_task", eighty + "y"));

        Assert.Equal(eighty, (await ok.ReadAsync<ParticipantResponse>()).Task);
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await foreign.ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        Assert.Contains(ErrorCodes.ValidationError, tooLong.Message, StringComparison.Ordinal);
    }
}
