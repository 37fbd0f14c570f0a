using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Channels;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Api.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FocusMate.ComposeTests.Support;

/// <summary>
/// A browser-like hub client (as tests/FocusMate.ScaleOutTests has it): WebSockets only with negotiation skipped,
/// reconnecting by itself and calling <c>join_room</c> after every reconnect. It records every event it receives
/// and keeps the newest timer state it has seen, from events and rejoins alike.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Channel<object>> _events = new();
    private readonly Channel<RoomSnapshot> _rejoins = System.Threading.Channels.Channel.CreateUnbounded<RoomSnapshot>();
    private readonly Lock _gate = new();
    private TimerStateResponse? _latest;

    private LiveClient(HubConnection connection, Guid participantId)
    {
        Connection = connection;
        ParticipantId = participantId;
    }

    public HubConnection Connection { get; }

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

    public static async Task<LiveClient> ConnectAsync(Uri origin, string token, Guid participantId)
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
        var client = new LiveClient(connection, participantId);
        connection.On<RoomEvent<TimerStateResponse>>("timer_update", e =>
        {
            client.Hold(e.Data);
            client.Channel("timer_update").Writer.TryWrite(e);
        });
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
            var snapshot = await connection.InvokeAsync<RoomSnapshot>("join_room");
            client.Hold(snapshot.Timer);
            client._rejoins.Writer.TryWrite(snapshot);
        };
        await connection.StartAsync();
        client.Hold((await connection.InvokeAsync<RoomSnapshot>("join_room")).Timer);
        return client;
    }

    /// <summary>The snapshot of the next rejoin after a reconnect.</summary>
    public async Task<RoomSnapshot> NextRejoinAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _rejoins.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next <c>timer_update</c> that matches.</summary>
    public async Task<RoomEvent<TimerStateResponse>> NextUpdateAsync(Func<TimerStateResponse, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var received = (RoomEvent<TimerStateResponse>)await Channel("timer_update").Reader.ReadAsync(timeout.Token);
            if (match(received.Data))
            {
                return received;
            }
        }
    }

    public string Describe() => $"[{ParticipantId}: {Connection.State}; {string.Join(", ", History)}]";

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

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

/// <summary>The REST API over real HTTP through nginx, in the contract's JSON.</summary>
public static class Rest
{
    public static async Task<CreatedRoomResponse> CreateRoomAsync(this HttpClient http, object? settings = null)
    {
        var body = new Dictionary<string, object?> { ["room_name"] = $"compose-{Guid.NewGuid():N}", ["host_name"] = "Mina" };
        foreach (var property in settings?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(settings);
        }

        var response = await http.PostAsJsonAsync("/api/v1/rooms", body, ApiJson.Options);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<CreatedRoomResponse>(ApiJson.Options))!;
    }

    public static async Task<JoinedParticipantResponse> JoinAsync(this HttpClient http, Guid roomId, string name)
    {
        var response = await http.PostAsJsonAsync($"/api/v1/rooms/{roomId}/participants", new { user_name = name }, ApiJson.Options);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JoinedParticipantResponse>(ApiJson.Options))!;
    }

    public static async Task<HttpResponseMessage> CommandAsync(this HttpClient http, Guid roomId, string command, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rooms/{roomId}/timer/{command}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    public static async Task<TimerStateResponse> TimerAsync(this HttpClient http, Guid roomId, string command, string token)
    {
        var response = await http.CommandAsync(roomId, command, token);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<TimerStateResponse>(ApiJson.Options))!;
    }

    public static async Task<RoomResponse> RoomAsync(this HttpClient http, Guid roomId) =>
        (await http.GetFromJsonAsync<RoomResponse>($"/api/v1/rooms/{roomId}", ApiJson.Options))!;

    /// <summary>The timer state without the fields that depend on when it was read.</summary>
    public static TimerStateResponse Timeless(this TimerStateResponse state) =>
        state with { ServerTime = DateTimeOffset.UnixEpoch, RemainingSeconds = 0 };

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
