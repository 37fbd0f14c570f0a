using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Core.Errors;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.IntegrationTests;

/// <summary>Names and chat show what they say: no trailing newlines, no invisible or direction-changing characters.</summary>
public sealed class InputRulesTests : AppTest
{
    [Theory]
    [InlineData("team-alpha\n")]
    [InlineData("team-alpha\r\n")]
    [InlineData("team\u200Balpha")]
    [InlineData("team-\u202Eahpla")]
    public async Task ARoomNameWithATrailingNewlineOrAnInvisibleCharacterIsRefused(string name)
    {
        var response = await Client.SendAsync(HttpMethod.Post, Rest.Rooms, body: new { room_name = name, host_name = "Mina" });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Contains("room_name", problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("Mina\u202Egnp.exe")] // right-to-left override: reads as "Minaexe.png"
    [InlineData("Mi\u200Bna")] // zero-width space
    [InlineData("\u2066Mina\u2069")] // bidi isolates
    [InlineData("\uFEFFMina")] // byte order mark
    [InlineData("\u3164")] // Hangul filler: a name that shows nothing
    [InlineData("\u115F\u1160")]
    [InlineData("\u2800")] // Braille blank
    [InlineData("Mina\u2028")] // line separator
    [InlineData("\u0301\u0301")] // only combining marks
    public async Task AUserNameThatHidesOrReversesItsTextIsRefused(string name)
    {
        var room = await Client.CreateRoomAsync();

        var joined = await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/participants", body: new { user_name = name });
        var created = await Client.SendAsync(HttpMethod.Post, Rest.Rooms, body: new { room_name = Rest.UniqueName(), host_name = name });

        Assert.Contains("user_name", (await joined.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError)).Errors!.Keys);
        Assert.Contains("host_name", (await created.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError)).Errors!.Keys);
    }

    [Fact]
    public async Task ALoneSurrogateIsRefusedNotStored()
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.SendRawAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/participants", """{"user_name":"Mina\ud800"}""");

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
    }

    [Theory]
    [InlineData("민아")]
    [InlineData("José María")]
    [InlineData("👩‍💻 Dev")] // zero-width joiner inside an emoji
    [InlineData("🏳️‍🌈")]
    [InlineData("أحمد")]
    public async Task RealNamesInAnyScriptAndEmojiAreAccepted(string name)
    {
        var room = await Client.CreateRoomAsync();

        var joined = await Client.JoinAsync(room.RoomId, name);

        Assert.Equal(name, joined.UserName);
    }

    [Theory]
    [InlineData("see you \u202Eon 5")]
    [InlineData("\u200B")]
    [InlineData("hi\u0007")]
    public async Task ChatTextWithInvisibleOrControlCharactersIsRefusedOnRestAndHub(string text)
    {
        var room = await Client.CreateRoomAsync();
        await using var host = await App.ConnectHubAsync(room.Participant.Token);

        var rest = await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", room.Participant.Token, new { text });
        var hub = await Assert.ThrowsAsync<HubException>(() => host.Connection.InvokeAsync<ChatMessageResponse>("send_message", text));

        await rest.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Contains($"{ErrorCodes.ValidationError}: ", hub.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatKeepsLineBreaksTabsAndEmoji()
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", room.Participant.Token,
            new { text = "line one\n\tline two 👨‍👩‍👧" });

        var message = await response.ReadAsync<ChatMessageResponse>(HttpStatusCode.Created);
        Assert.Equal("line one\n\tline two 👨‍👩‍👧", message.Text);
    }
}
