using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Core.Errors;
using FocusMate.Core.Participants;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;

namespace FocusMate.IntegrationTests;

public sealed class ParticipantsTests : AppTest
{
    private static string Participants(Guid roomId) => $"{Rest.Rooms}/{roomId}/participants";

    [Fact]
    public async Task JoiningARoomReturnsANonHostParticipantWithAToken()
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.SendAsync(HttpMethod.Post, Participants(room.RoomId), body: new { user_name = "  Jun " });

        var joined = await response.ReadAsync<JoinedParticipantResponse>(HttpStatusCode.Created);
        Assert.Equal("Jun", joined.UserName);
        Assert.False(joined.IsHost);
        Assert.NotEqual(room.Participant.Token, joined.Token);
    }

    [Fact]
    public async Task NamesNeedNotBeUnique()
    {
        var room = await Client.CreateRoomAsync(host: "Mina");

        var twin = await Client.JoinAsync(room.RoomId, "Mina");

        Assert.NotEqual(room.Participant.ParticipantId, twin.ParticipantId);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"user_name":""}""")]
    [InlineData("""{"user_name":"   "}""")]
    [InlineData("""{"user_name":"line\nbreak"}""")]
    [InlineData("""{"user_name":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""")]
    [InlineData("""{"user_name":42}""")]
    public async Task JoiningWithABadNameIsAValidationError(string body)
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.SendRawAsync(HttpMethod.Post, Participants(room.RoomId), body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Equal(["user_name"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task JoiningAnUnknownRoomIsRoomNotFound()
    {
        var response = await Client.SendAsync(HttpMethod.Post, Participants(Guid.NewGuid()), body: new { user_name = "Jun" });

        await response.ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
    }

    [Fact]
    public async Task JoiningAFullRoomIsRefused()
    {
        var room = await Client.CreateRoomAsync(new { max_participants = 2 });
        await Client.JoinAsync(room.RoomId);

        var response = await Client.SendAsync(HttpMethod.Post, Participants(room.RoomId), body: new { user_name = "Third" });

        await response.ProblemAsync(HttpStatusCode.Conflict, ErrorCodes.MaxParticipantsReached);
    }

    [Fact]
    public async Task JoinsRacingForTheLastSeatNeverOverfillTheRoom()
    {
        var room = await Client.CreateRoomAsync(new { max_participants = 5 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Client.SendAsync(HttpMethod.Post, Participants(room.RoomId), body: new { user_name = $"P{i}" })));

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(8, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var list = await (await Client.GetAsync(Participants(room.RoomId))).ReadAsync<List<ParticipantResponse>>();
        Assert.Equal(5, list.Count);
        var read = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}")).ReadAsync<RoomResponse>();
        Assert.Equal(5, read.CurrentParticipants);
    }

    [Fact]
    public async Task TheListShowsEveryoneLongestPresentFirstWithTheHostMarked()
    {
        var room = await Client.CreateRoomAsync(host: "Mina");
        App.Advance(TimeSpan.FromSeconds(1));
        var jun = await Client.JoinAsync(room.RoomId, "Jun");

        var list = await (await Client.GetAsync(Participants(room.RoomId))).ReadAsync<List<ParticipantResponse>>();

        Assert.Equal(["Mina", "Jun"], list.Select(p => p.UserName));
        Assert.True(list[0].IsHost);
        Assert.False(list[1].IsHost);
        Assert.Equal(jun.ParticipantId, list[1].ParticipantId);
        Assert.All(list, p => Assert.False(p.Online));
        // Nothing is running yet: by default nobody is focusing.
        Assert.All(list, p => Assert.Equal((ParticipantStatus.Break, StatusSource.Room), (p.Status, p.StatusSource)));
        Assert.Equal(FocusMateFactory.Start.AddSeconds(1), list[1].JoinedAt);
    }

    [Fact]
    public async Task ListingAnUnknownRoomIsRoomNotFound()
    {
        await (await Client.GetAsync(Participants(Guid.NewGuid()))).ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
    }

    [Fact]
    public async Task TheOnlineFlagFollowsLiveHubConnections()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId);

        await using (await App.ConnectHubAsync(jun.Token))
        {
            var whileConnected = await (await Client.GetAsync(Participants(room.RoomId))).ReadAsync<List<ParticipantResponse>>();
            Assert.True(whileConnected.Single(p => p.ParticipantId == jun.ParticipantId).Online);
            Assert.False(whileConnected.Single(p => p.IsHost).Online);
        }

        // The server notices the closed connection on its own task.
        var after = await Eventually.WaitAsync(
            async () => await (await Client.GetAsync(Participants(room.RoomId))).ReadAsync<List<ParticipantResponse>>(),
            list => !list.Single(p => p.ParticipantId == jun.ParticipantId).Online);
        Assert.All(after, p => Assert.False(p.Online));
    }

    [Fact]
    public async Task AParticipantLeavesAndItsTokenStopsWorking()
    {
        var room = await Client.CreateRoomAsync(new { allow_all_control = true });
        var jun = await Client.JoinAsync(room.RoomId);

        var response = await Client.SendAsync(HttpMethod.Delete, $"{Participants(room.RoomId)}/{jun.ParticipantId}", jun.Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var list = await (await Client.GetAsync(Participants(room.RoomId))).ReadAsync<List<ParticipantResponse>>();
        Assert.DoesNotContain(list, p => p.ParticipantId == jun.ParticipantId);
        await (await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/timer/start", jun.Token))
            .ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        var read = await (await Client.GetAsync($"{Rest.Rooms}/{room.RoomId}")).ReadAsync<RoomResponse>();
        Assert.Equal(1, read.CurrentParticipants);
    }

    [Fact]
    public async Task TheHostRemovesSomeoneButOthersCannot()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        var ara = await Client.JoinAsync(room.RoomId, "Ara");

        var byGuest = await Client.SendAsync(HttpMethod.Delete, $"{Participants(room.RoomId)}/{ara.ParticipantId}", jun.Token);
        var byHost = await Client.SendAsync(HttpMethod.Delete, $"{Participants(room.RoomId)}/{ara.ParticipantId}", room.Participant.Token);

        await byGuest.ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, byHost.StatusCode);
    }

    [Fact]
    public async Task RemovingSomeoneWhoIsNotThereIsParticipantNotFound()
    {
        var room = await Client.CreateRoomAsync();
        var path = Participants(room.RoomId);

        await (await Client.SendAsync(HttpMethod.Delete, $"{path}/{Guid.NewGuid()}", room.Participant.Token))
            .ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.ParticipantNotFound);
        await (await Client.SendAsync(HttpMethod.Delete, $"{path}/not-a-uuid", room.Participant.Token))
            .ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.ParticipantNotFound);
    }

    [Fact]
    public async Task LeavingNeedsATokenOfThatRoom()
    {
        var room = await Client.CreateRoomAsync();
        var other = await Client.CreateRoomAsync();
        var path = $"{Participants(room.RoomId)}/{room.Participant.ParticipantId}";

        await (await Client.SendAsync(HttpMethod.Delete, path)).ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await Client.SendAsync(HttpMethod.Delete, path, other.Participant.Token)).ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }
}
