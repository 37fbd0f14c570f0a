using System.Collections.Concurrent;
using System.Threading.Channels;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Api.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace FocusMate.TestSupport;

/// <summary>
/// A real SignalR client of the room hub over WebSockets (negotiation skipped, as the browser app does) that records
/// every event it receives. On the in-process test server (<see cref="ConnectAsync(TestServer, string?, bool)"/>) it
/// connects once; over real sockets (<see cref="ConnectAsync(Uri, string, Guid)"/>, a cluster or a compose stack) it
/// reconnects by itself like a browser tab and calls <c>join_room</c> after every reconnect. It keeps the newest
/// timer state it has seen, from events and snapshots alike.
/// </summary>
public sealed class RoomHubClient : IAsyncDisposable
{
    /// <summary>How long a wait for an event lasts in process.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>How long a wait lasts over real sockets, where reconnects and other processes take their time.</summary>
    public static readonly TimeSpan LivePatience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Channel<object>> _events = new();
    private readonly Channel<RoomSnapshot> _rejoins = System.Threading.Channels.Channel.CreateUnbounded<RoomSnapshot>();
    private readonly Lock _gate = new();
    private readonly TimeSpan _patience;
    private TimerStateResponse? _latest;

    private RoomHubClient(HubConnection connection, TimeSpan patience, Guid participantId)
    {
        Connection = connection;
        _patience = patience;
        ParticipantId = participantId;
        Record<RoomEvent<TimerStateResponse>>("timer_update", e => Hold(e.Data));
        Record<RoomEvent<TimerCompleteData>>("timer_complete");
        Record<RoomEvent<ParticipantUpdateData>>("participant_update");
        Record<RoomEvent<RoomResponse>>("room_updated");
        Record<RoomEvent<RoomDeletedData>>("room_deleted");
        Record<RoomEvent<ErrorData>>("error");
        Record<RoomEvent<ChatMessageResponse>>("chat_message");
    }

    public HubConnection Connection { get; }

    /// <summary>Whose client this is, when the test said (for failure messages).</summary>
    public Guid ParticipantId { get; }

    /// <summary>What happened to the connection, for failure messages.</summary>
    public ConcurrentQueue<string> History { get; } = new();

    /// <summary>The newest timer state this client holds (what a browser would show).</summary>
    public TimerStateResponse? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>A client of the in-process test server; the token rides in the query string, as a browser sends it.</summary>
    public static async Task<RoomHubClient> ConnectAsync(TestServer server, string? token, bool join = true)
    {
        ArgumentNullException.ThrowIfNull(server);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/room"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult(token);
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                // As a browser does: the token rides in the query string, since WebSockets take no headers there.
                options.WebSocketFactory = async (context, cancellationToken) =>
                    await server.CreateWebSocketClient().ConnectAsync(WithToken(context.Uri, token), cancellationToken);
            })
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
            .Build();
        var client = new RoomHubClient(connection, Patience, Guid.Empty);
        await connection.StartAsync();
        if (join)
        {
            await client.JoinAsync();
        }

        return client;
    }

    /// <summary>A browser-like client over real sockets: it reconnects by itself and joins again after every reconnect.</summary>
    public static async Task<RoomHubClient> ConnectAsync(Uri origin, string token, Guid participantId = default)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(origin, "/hubs/room"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1),
                TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)])
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
            .Build();
        var client = new RoomHubClient(connection, LivePatience, participantId);
        connection.Reconnecting += error =>
        {
            client.History.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} reconnecting ({error?.Message})");
            return Task.CompletedTask;
        };
        connection.Closed += error =>
        {
            client.History.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} closed ({error?.Message})");
            return Task.CompletedTask;
        };
        connection.Reconnected += async _ =>
        {
            client.History.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} reconnected");
            client._rejoins.Writer.TryWrite(await client.JoinAsync());
        };
        await connection.StartAsync();
        await client.JoinAsync();
        return client;
    }

    private static Uri WithToken(Uri uri, string? token) =>
        token is null ? uri : new Uri($"{uri}{(uri.Query.Length > 0 ? "&" : "?")}access_token={Uri.EscapeDataString(token)}");

    /// <summary><c>join_room</c>: the room's snapshot, whose timer the client now holds.</summary>
    public async Task<RoomSnapshot> JoinAsync()
    {
        var snapshot = await Connection.InvokeAsync<RoomSnapshot>("join_room");
        Hold(snapshot.Timer);
        return snapshot;
    }

    /// <summary>The snapshot of the next rejoin after a reconnect.</summary>
    public async Task<RoomSnapshot> NextRejoinAsync()
    {
        using var timeout = new CancellationTokenSource(_patience);
        return await _rejoins.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next event of that name that matches, waiting at most the client's patience.</summary>
    public async Task<RoomEvent<T>> NextAsync<T>(string name, Func<RoomEvent<T>, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(_patience);
        var channel = Channel(name);
        while (true)
        {
            var received = (RoomEvent<T>)await channel.Reader.ReadAsync(timeout.Token);
            if (match is null || match(received))
            {
                return received;
            }
        }
    }

    /// <summary>The next <c>timer_update</c> whose state matches.</summary>
    public Task<RoomEvent<TimerStateResponse>> NextUpdateAsync(Func<TimerStateResponse, bool> match) =>
        NextAsync<TimerStateResponse>("timer_update", e => match(e.Data));

    /// <summary>Events of that name received so far and not yet read (reading them).</summary>
    public IReadOnlyList<RoomEvent<T>> Pending<T>(string name)
    {
        var list = new List<RoomEvent<T>>();
        while (Channel(name).Reader.TryRead(out var item))
        {
            list.Add((RoomEvent<T>)item);
        }

        return list;
    }

    /// <summary>How many events of that name wait unread.</summary>
    public int PendingCount(string name) => Channel(name).Reader.Count;

    /// <summary>Completes when the server closes the connection (at once when it is closed already).</summary>
    public Task<Exception?> ClosedAsync()
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        if (Connection.State == HubConnectionState.Disconnected)
        {
            closed.TrySetResult(null);
        }

        return closed.Task;
    }

    public string Describe() => $"[{ParticipantId}: {Connection.State}; {string.Join(", ", History)}]";

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void Record<T>(string name, Action<T>? seen = null) => Connection.On<T>(name, e =>
    {
        seen?.Invoke(e);
        Channel(name).Writer.TryWrite(e!);
    });

    private void Hold(TimerStateResponse state)
    {
        lock (_gate)
        {
            if (_latest is null || state.Version >= _latest.Version)
            {
                _latest = state;
            }
        }
    }

    private Channel<object> Channel(string name) => _events.GetOrAdd(name, _ => System.Threading.Channels.Channel.CreateUnbounded<object>());
}

public static class HubServerExtensions
{
    public static Task<RoomHubClient> ConnectHubAsync(this FocusMateFactory factory, string? token, bool join = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return RoomHubClient.ConnectAsync(factory.Server, token, join);
    }

    public static T Scoped<T>(this IServiceScope scope) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }
}
