using System.Collections.Concurrent;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Api.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FocusMate.ScaleOutTests.Support;

/// <summary>
/// A room's client in the chaos drill: through nginx, reconnecting for as long as it takes (with a fresh
/// <c>join_room</c> each time), and writing down every version and every phase end it is told of.
/// </summary>
public sealed class ChaosClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private long _latest;

    private ChaosClient(Guid roomId, HubConnection connection)
    {
        RoomId = roomId;
        _connection = connection;
    }

    public Guid RoomId { get; }

    /// <summary>The newest timer version this client knows (from events and snapshots).</summary>
    public long Latest => Interlocked.Read(ref _latest);

    /// <summary>Every <c>timer_complete</c> received: the instant its phase ended.</summary>
    public ConcurrentQueue<DateTimeOffset> Completions { get; } = new();

    private int _stale;
    private int _reconnects;

    /// <summary>Why the last join after a reconnect failed, if it did.</summary>
    public string? RejoinFailure { get; private set; }

    /// <summary>Events whose version was not newer than what the client held when they arrived.</summary>
    public int Stale => Volatile.Read(ref _stale);

    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>When the connection dropped and when it was joined again (real time), for the report of a failed run.</summary>
    public ConcurrentQueue<(DateTimeOffset At, string What)> Links { get; } = new();

    public static async Task<ChaosClient> ConnectAsync(Uri origin, Guid roomId, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(origin, "/hubs/room"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .WithAutomaticReconnect(new Forever())
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
            .Build();
        var client = new ChaosClient(roomId, connection);
        connection.On<RoomEvent<TimerStateResponse>>("timer_update", e => client.Saw(e.Data.Version, stale: true));
        connection.On<RoomEvent<TimerCompleteData>>("timer_complete", e => client.Completions.Enqueue(e.Data.CompletedAt));
        connection.Reconnecting += _ =>
        {
            client.Links.Enqueue((DateTimeOffset.UtcNow, "dropped"));
            return Task.CompletedTask;
        };
        connection.Reconnected += async _ =>
        {
            client.Links.Enqueue((DateTimeOffset.UtcNow, "reconnected"));
            Interlocked.Increment(ref client._reconnects);
            await client.RejoinAsync();
        };
        // As the browser app does: a connection the server closed for good (or that gave up) is opened again.
        connection.Closed += _ =>
        {
            client.Links.Enqueue((DateTimeOffset.UtcNow, "closed"));
            return client.RestartAsync();
        };
        await connection.StartAsync();
        await client.RejoinAsync();
        return client;
    }

    private async Task RestartAsync()
    {
        while (!_disposed)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            try
            {
                await _connection.StartAsync();
                Interlocked.Increment(ref _reconnects);
                await RejoinAsync();
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or System.Net.WebSockets.WebSocketException or IOException)
            {
                RejoinFailure = $"{DateTime.UtcNow:HH:mm:ss.fff} restart: {ex.GetType().Name}: {ex.Message}";
            }
        }
    }

    private volatile bool _disposed;

    private async Task RejoinAsync()
    {
        try
        {
            var snapshot = await _connection.InvokeAsync<RoomSnapshot>("join_room");
            Saw(snapshot.Timer.Version, stale: false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.AspNetCore.SignalR.HubException or TaskCanceledException)
        {
            // Dropped again while joining: the next reconnect joins.
            RejoinFailure = $"{DateTime.UtcNow:HH:mm:ss.fff} {ex.GetType().Name}: {ex.Message}";
        }
    }

    private void Saw(long version, bool stale)
    {
        var known = Interlocked.Read(ref _latest);
        while (version > known)
        {
            var seen = Interlocked.CompareExchange(ref _latest, version, known);
            if (seen == known)
            {
                return;
            }

            known = seen;
        }

        if (stale)
        {
            Interlocked.Increment(ref _stale);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _connection.DisposeAsync();
    }

    /// <summary>Reconnects after 0, 0.25, 0.5 s and then every second, for ever (a browser tab stays open).</summary>
    private sealed class Forever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => retryContext.PreviousRetryCount switch
        {
            0 => TimeSpan.Zero,
            1 => TimeSpan.FromMilliseconds(250),
            2 => TimeSpan.FromMilliseconds(500),
            _ => TimeSpan.FromSeconds(1),
        };
    }
}
