using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Net;
using System.Text;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Api.Json;
using FocusMate.Core.Participants;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FocusMate.IntegrationTests;

/// <summary>
/// A client that stops reading is cut off; nobody in its room waits for it. Real sockets (Kestrel on
/// loopback, small socket buffers), since the in-memory test server never makes a writer wait.
/// </summary>
public sealed class SlowClientTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly FocusMateFactory _app = new(settings: new Dictionary<string, string?>
    {
        ["Api:HubSendBufferBytes"] = "16384",
        ["RateLimiting:Chat:PermitLimit"] = "100000",
    }, services: services => services.Configure<SocketTransportOptions>(options => options.CreateBoundListenSocket = endpoint =>
    {
        var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
        socket.SendBufferSize = 4096; // accepted connections inherit it: a stalled reader fills the path in kilobytes
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
    public async Task AClientThatStopsReadingIsCutOffAndTheRoomKeepsItsPace()
    {
        using var http = new HttpClient { BaseAddress = _address };
        var room = await http.CreateRoomAsync();
        var stalled = await http.JoinAsync(room.RoomId, "Stalled");
        var reader = await http.JoinAsync(room.RoomId, "Reader");
        await using var healthy = await ConnectAsync(reader.Token);
        var messages = new List<ChatMessageResponse>();
        var offline = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        healthy.On<RoomEvent<ChatMessageResponse>>("chat_message", e => { lock (messages) { messages.Add(e.Data); } });
        healthy.On<RoomEvent<ParticipantUpdateData>>("participant_update", e =>
        {
            if (e.Data.Action == ParticipantAction.Offline && e.Data.Participant.ParticipantId == stalled.ParticipantId)
            {
                offline.TrySetResult();
            }
        });
        await healthy.InvokeAsync<RoomSnapshot>("join_room");
        using var stuck = await StallAsync(stalled.Token);

        const int count = 400;
        var text = new string('x', 490);
        var took = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            var sent = await http.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", room.Participant.Token, new { text = $"{i} {text}" });
            took.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        // Cut off by the guard as soon as its buffer filled, not by the transport's send timeout (10 s) much later.
        await offline.Task.WaitAsync(TimeSpan.FromSeconds(4));
        await Eventually.WaitAsync(() => Task.FromResult(Count(messages)), n => n == count);
        var p95 = took.Order().ElementAt((int)(count * 0.95) - 1);
        output.WriteLine($"{count} messages of 500 characters to a room with a stalled client: p95 {p95:F1} ms, max {took.Max():F1} ms per send");
        Console.WriteLine($"[slow client] sends p95 {p95:F1} ms, max {took.Max():F1} ms; the stalled client was cut off; the reader got all {count}");
        Assert.True(took.Max() < 5_000, $"a send waited {took.Max():F0} ms for the stalled client");
    }

    private static int Count(List<ChatMessageResponse> messages)
    {
        lock (messages)
        {
            return messages.Count;
        }
    }

    private async Task<HubConnection> ConnectAsync(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_address, "hubs/room"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>A raw SignalR client with a tiny receive buffer that joins the room and then never reads again.</summary>
    private async Task<ClientWebSocket> StallAsync(string token)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096, NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(_address) { Scheme = "ws", Path = "hubs/room", Query = $"access_token={Uri.EscapeDataString(token)}" }.Uri;
        await socket.ConnectAsync(uri, new HttpMessageInvoker(handler), CancellationToken.None);
        await SendAsync(socket, """{"protocol":"json","version":1}""");
        await ReceiveAsync(socket); // the handshake
        await SendAsync(socket, """{"type":1,"invocationId":"1","target":"join_room","arguments":[]}""");
        while (!(await ReceiveAsync(socket)).Contains("\"invocationId\":\"1\"", StringComparison.Ordinal))
        {
        }

        return socket; // from here on, nothing is read
    }

    private static Task SendAsync(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + '\u001e'), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        return text.ToString();
    }
}
