using System.Net;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FocusMate.IntegrationTests;

/// <summary>
/// The slow-client guard cuts off clients that stopped reading, never one that reads: a join_room answer with a
/// room's full chat history (100 messages of 500 characters that JSON writes at several bytes each) is far larger
/// than a socket takes at once, and must reach a reading client on a real socket with the default settings.
/// </summary>
public sealed class LargeSnapshotTests : IAsyncLifetime, IDisposable
{
    private readonly FocusMateFactory _app = new(settings: new Dictionary<string, string?> { ["RateLimiting:Chat:PermitLimit"] = "100000" },
        services: services => services.Configure<SocketTransportOptions>(options => options.CreateBoundListenSocket = endpoint =>
        {
            var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
            socket.SendBufferSize = 4096; // the answer cannot leave in one go: SignalR's buffer must hold it
            return socket;
        }));

    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AReadingClientGetsAJoinAnswerWithTheWholeChatHistory()
    {
        using var http = new HttpClient { BaseAddress = _address };
        var room = await http.CreateRoomAsync();
        var text = string.Concat(Enumerable.Repeat("집중하는 중입니다 🍅 ", 50))[..500];
        for (var i = 0; i < 100; i++)
        {
            (await http.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", room.Participant.Token, new { text })).EnsureSuccessStatusCode();
        }

        var guest = await http.JoinAsync(room.RoomId);
        await using var client = await RoomHubClient.ConnectAsync(_address, guest.Token);
        var snapshot = await client.JoinAsync();

        Assert.Equal(100, snapshot.Messages.Count);
        Assert.All(snapshot.Messages, m => Assert.Equal(text, m.Text));
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
        Assert.Empty(client.History); // never dropped, never reconnected
    }
}
