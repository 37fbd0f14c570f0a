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

namespace FocusMate.ScaleOutTests.Support;

/// <summary>
/// A browser-like hub client: WebSockets only with negotiation skipped (as the app does), reconnecting by
/// itself and calling <c>join_room</c> after every reconnect. It records every event it receives.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, Channel<object>> _events = new();
    private readonly Channel<RoomSnapshot> _rejoins = System.Threading.Channels.Channel.CreateUnbounded<RoomSnapshot>();

    private LiveClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    /// <summary>What happened to the connection, for failure messages.</summary>
    public ConcurrentQueue<string> History { get; } = new();

    public static async Task<LiveClient> ConnectAsync(Uri origin, string token)
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
        var client = new LiveClient(connection);
        client.Record<RoomEvent<TimerStateResponse>>("timer_update");
        client.Record<RoomEvent<TimerCompleteData>>("timer_complete");
        client.Record<RoomEvent<ParticipantUpdateData>>("participant_update");
        client.Record<RoomEvent<RoomDeletedData>>("room_deleted");
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
        connection.Reconnected += async _ => client._rejoins.Writer.TryWrite(await connection.InvokeAsync<RoomSnapshot>("join_room"));
        await connection.StartAsync();
        await connection.InvokeAsync<RoomSnapshot>("join_room");
        return client;
    }

    /// <summary>The snapshot of the next rejoin after a reconnect.</summary>
    public async Task<RoomSnapshot> NextRejoinAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _rejoins.Reader.ReadAsync(timeout.Token);
    }

    public async Task<RoomEvent<T>> NextAsync<T>(string name, Func<RoomEvent<T>, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var received = (RoomEvent<T>)await Channel(name).Reader.ReadAsync(timeout.Token);
            if (match is null || match(received))
            {
                return received;
            }
        }
    }

    public int PendingCount(string name) => Channel(name).Reader.Count;

    public Task<Exception?> ClosedAsync()
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void Record<T>(string name) => Connection.On<T>(name, e => Channel(name).Writer.TryWrite(e!));

    private Channel<object> Channel(string name) => _events.GetOrAdd(name, _ => System.Threading.Channels.Channel.CreateUnbounded<object>());
}

/// <summary>The REST API over real HTTP, in the contract's JSON.</summary>
public static class Rest
{
    public static async Task<CreatedRoomResponse> CreateRoomAsync(this HttpClient http, Uri origin, object? settings = null)
    {
        var body = new Dictionary<string, object?> { ["room_name"] = $"cluster-{Guid.NewGuid():N}", ["host_name"] = "Mina" };
        foreach (var property in settings?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(settings);
        }

        var response = await http.PostAsJsonAsync(new Uri(origin, "/api/v1/rooms"), body, ApiJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedRoomResponse>(ApiJson.Options))!;
    }

    public static async Task<JoinedParticipantResponse> JoinAsync(this HttpClient http, Uri origin, Guid roomId, string name)
    {
        var response = await http.PostAsJsonAsync(new Uri(origin, $"/api/v1/rooms/{roomId}/participants"), new { user_name = name }, ApiJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JoinedParticipantResponse>(ApiJson.Options))!;
    }

    public static async Task<TimerStateResponse> TimerAsync(this HttpClient http, Uri origin, Guid roomId, string command, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(origin, $"/api/v1/rooms/{roomId}/timer/{command}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TimerStateResponse>(ApiJson.Options))!;
    }

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, Uri uri, string? token = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(this HttpClient http, Uri uri) =>
        (await http.GetFromJsonAsync<T>(uri, ApiJson.Options))!;
}
