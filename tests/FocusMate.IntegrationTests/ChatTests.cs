using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Core.Errors;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.IntegrationTests;

public sealed class ChatTests : AppTest
{
    private static string Messages(Guid roomId) => $"{Rest.Rooms}/{roomId}/messages";

    [Fact]
    public async Task AMessageSentOverRestIsStoredAndReachesTheRoom()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        await using var host = await App.ConnectHubAsync(room.Participant.Token);

        var response = await Client.SendAsync(HttpMethod.Post, Messages(room.RoomId), jun.Token, new { text = "  Back in 5 ☕ " });

        var sent = await response.ReadAsync<ChatMessageResponse>(HttpStatusCode.Created);
        var heard = await host.NextAsync<ChatMessageResponse>("chat_message");
        Assert.Equal("Back in 5 ☕", sent.Text);
        Assert.Equal("Jun", sent.UserName);
        Assert.Equal(jun.ParticipantId, sent.ParticipantId);
        Assert.Equal(FocusMateFactory.Start, sent.SentAt);
        Assert.Equal(sent, heard.Data);
    }

    [Fact]
    public async Task MarkupIsKeptAsPlainTextForClientsToShowAsText()
    {
        var room = await Client.CreateRoomAsync();
        const string Markup = "<script>alert('x')</script><b>bold</b> & <img src=x onerror=alert(1)>";

        await Client.SendAsync(HttpMethod.Post, Messages(room.RoomId), room.Participant.Token, new { text = Markup });
        var raw = await (await Client.SendAsync(HttpMethod.Get, Messages(room.RoomId), room.Participant.Token)).Content.ReadAsStringAsync();
        var list = System.Text.Json.JsonSerializer.Deserialize<List<ChatMessageResponse>>(raw, Api.Json.ApiJson.Options)!;

        Assert.Equal(Markup, Assert.Single(list).Text);
        Assert.Equal("application/json", (await Client.SendAsync(HttpMethod.Get, Messages(room.RoomId), room.Participant.Token)).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheHistoryIsOldestFirstAndLimited()
    {
        var room = await Client.CreateRoomAsync();
        for (var i = 1; i <= 4; i++)
        {
            App.Advance(TimeSpan.FromSeconds(2));
            await Client.SendAsync(HttpMethod.Post, Messages(room.RoomId), room.Participant.Token, new { text = $"m{i}" });
        }

        var lastTwo = await (await Client.SendAsync(HttpMethod.Get, $"{Messages(room.RoomId)}?limit=2", room.Participant.Token))
            .ReadAsync<List<ChatMessageResponse>>();

        Assert.Equal(["m3", "m4"], lastTwo.Select(m => m.Text));
    }

    [Theory]
    [InlineData("""{"text":""}""")]
    [InlineData("""{"text":"   "}""")]
    [InlineData("""{"text":"bell\u0007"}""")]
    [InlineData("""{"text":5}""")]
    [InlineData("""{}""")]
    public async Task ABadMessageIsAValidationError(string body)
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.SendRawAsync(HttpMethod.Post, Messages(room.RoomId), body, token: room.Participant.Token);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Equal(["text"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task FiveHundredCharactersAreFineAndOneMoreIsNot()
    {
        var room = await Client.CreateRoomAsync();

        var longest = await Client.SendAsync(HttpMethod.Post, Messages(room.RoomId), room.Participant.Token, new { text = new string('a', 500) });
        var tooLong = await Client.SendAsync(HttpMethod.Post, Messages(room.RoomId), room.Participant.Token, new { text = new string('a', 501) });

        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        await tooLong.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
    }

    [Fact]
    public async Task AFloodOfMessagesIsRateLimitedWithRetryAfter()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(HttpMethod.Post, Messages(room.RoomId), jun.Token, new { text = $"m{i}" })).StatusCode);
        }

        var sixth = await Client.SendAsync(HttpMethod.Post, Messages(room.RoomId), jun.Token, new { text = "one too many" });
        var hostMeanwhile = await Client.SendAsync(HttpMethod.Post, Messages(room.RoomId), room.Participant.Token, new { text = "fine" });
        App.Advance(TimeSpan.FromSeconds(5));
        var later = await Client.SendAsync(HttpMethod.Post, Messages(room.RoomId), jun.Token, new { text = "calm again" });

        await sixth.ProblemAsync(HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
        Assert.Equal("5", sixth.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.Created, hostMeanwhile.StatusCode);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        var stored = await (await Client.SendAsync(HttpMethod.Get, Messages(room.RoomId), jun.Token)).ReadAsync<List<ChatMessageResponse>>();
        Assert.DoesNotContain(stored, m => m.Text == "one too many");
    }

    [Fact]
    public async Task OnlyMembersReadAndWriteTheChat()
    {
        var room = await Client.CreateRoomAsync();
        var other = await Client.CreateRoomAsync();

        await (await Client.GetAsync(Messages(room.RoomId))).ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await Client.SendAsync(HttpMethod.Get, Messages(room.RoomId), other.Participant.Token)).ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await Client.SendAsync(HttpMethod.Post, Messages(room.RoomId), other.Participant.Token, new { text = "hi" }))
            .ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await Client.SendAsync(HttpMethod.Post, Messages(Guid.NewGuid()), other.Participant.Token, new { text = "hi" }))
            .ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
    }

    [Fact]
    public async Task MessagesSentOverTheHubReachEveryoneAndRefusalsCarryTheirCode()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId);
        await using var host = await App.ConnectHubAsync(room.Participant.Token);
        await using var guest = await App.ConnectHubAsync(jun.Token);

        var sent = await guest.Connection.InvokeAsync<ChatMessageResponse>("send_message", "hello from the hub");
        var heard = await host.NextAsync<ChatMessageResponse>("chat_message");
        var empty = await Assert.ThrowsAsync<HubException>(() => guest.Connection.InvokeAsync<ChatMessageResponse>("send_message", ""));
        var notText = await Assert.ThrowsAsync<HubException>(() => guest.Connection.InvokeAsync<ChatMessageResponse>("send_message", 42));

        Assert.Equal(sent, heard.Data);
        Assert.Contains($"HubException: {ErrorCodes.ValidationError}: ", empty.Message, StringComparison.Ordinal);
        Assert.Contains($"HubException: {ErrorCodes.ValidationError}: ", notText.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, guest.Connection.State);
    }

    [Fact]
    public async Task TheHubRateLimitsAFloodToo()
    {
        var room = await Client.CreateRoomAsync();
        await using var host = await App.ConnectHubAsync(room.Participant.Token);
        for (var i = 0; i < 5; i++)
        {
            await host.Connection.InvokeAsync<ChatMessageResponse>("send_message", $"m{i}");
        }

        var limited = await Assert.ThrowsAsync<HubException>(() => host.Connection.InvokeAsync<ChatMessageResponse>("send_message", "m5"));
        var error = await host.NextAsync<ErrorData>("error");

        Assert.Contains($"HubException: {ErrorCodes.RateLimited}: ", limited.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.RateLimited, error.Data.Code);
    }

    [Fact]
    public async Task JoinRoomReturnsTheLastHundredMessages()
    {
        var room = await Client.CreateRoomAsync();
        for (var i = 1; i <= 105; i++)
        {
            App.Advance(TimeSpan.FromSeconds(1.1));
            await Client.SendAsync(HttpMethod.Post, Messages(room.RoomId), room.Participant.Token, new { text = $"m{i}" });
        }

        await using var hub = await App.ConnectHubAsync(room.Participant.Token, join: false);
        var snapshot = await hub.JoinAsync();

        Assert.Equal(100, snapshot.Messages.Count);
        Assert.Equal("m6", snapshot.Messages[0].Text);
        Assert.Equal("m105", snapshot.Messages[^1].Text);
    }
}
