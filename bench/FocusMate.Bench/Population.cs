using System.Collections.Concurrent;

namespace FocusMate.Bench;

/// <summary>A timer command the fan-out scenario sent, by the version it will produce.</summary>
internal sealed record CommandSlot(long Version, long SentAt, FanoutStage Stage, bool Measured);

/// <summary>A room of the benchmark with its participants' tokens and, once connected, their clients.</summary>
internal sealed class BenchRoom(RoomSeed seed, IReadOnlyList<string> tokens)
{
    public const int RingSize = 256;

    public RoomSeed Seed { get; } = seed;

    /// <summary>The host's token first: the host is the room's commander.</summary>
    public IReadOnlyList<string> Tokens { get; } = tokens;

    /// <summary>The connected clients, in the order of <see cref="Tokens"/>.</summary>
    public HubClient[] Clients { get; set; } = [];

    public HubClient Commander => Clients[0];

    /// <summary>The version the next command will produce, assuming every earlier one succeeded.</summary>
    public long NextVersion { get; set; }

    public bool NextIsPause { get; set; } = true;

    public CommandSlot?[] Ring { get; } = new CommandSlot?[RingSize];
}

/// <summary>
/// Rooms and their connected clients: made over REST (rooms, participants), then connected over the hub
/// (each client connects and calls join_room). Keeps idle clients alive with SignalR pings.
/// </summary>
internal sealed class Population : IAsyncDisposable
{
    private readonly RestApi _api;
    private readonly string _prefix;
    private readonly Timer _pinger;
    private readonly ConcurrentBag<HubClient> _all = [];
    private int _clientIndex;

    public Population(RestApi api, string prefix)
    {
        _api = api;
        _prefix = prefix;
        _pinger = new Timer(_ => PingIdle(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    public List<BenchRoom> Rooms { get; } = [];

    public int ConnectedClients => _all.Count;

    public IEnumerable<HubClient> Clients => _all;

    /// <summary>Makes rooms of <paramref name="size"/> participants over REST (no hub connection yet).</summary>
    public async Task<List<BenchRoom>> PrepareAsync(int rooms, int size, int parallelism = 8)
    {
        var made = new BenchRoom[rooms];
        await Parallel.ForEachAsync(Enumerable.Range(0, rooms), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, _) =>
            {
                var seed = await _api.CreateRoomAsync(_prefix);
                var tokens = new List<string> { seed.HostToken };
                for (var p = 1; p < size; p++)
                {
                    tokens.Add(await _api.JoinAsync(seed.RoomId, $"user{p}"));
                }

                made[i] = new BenchRoom(seed, tokens);
            });
        lock (Rooms)
        {
            Rooms.AddRange(made);
        }

        return [.. made];
    }

    /// <summary>Connects every participant of the rooms and calls join_room; with <paramref name="startTimer"/> the host then starts the timer.</summary>
    public async Task ConnectAsync(IEnumerable<BenchRoom> rooms, IHubListener? listener, bool startTimer, int parallelism = 32)
    {
        var list = rooms.ToList();
        var slots = list.ToDictionary(room => room, room => new HubClient[room.Tokens.Count]);
        var work = list.SelectMany(room => room.Tokens.Select((token, i) => (room, token, i))).ToList();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (item, cancellationToken) =>
                slots[item.room][item.i] = await JoinAsync(item.token, item.room, listener, cancellationToken));
        foreach (var room in list)
        {
            room.Clients = slots[room];
        }

        if (startTimer)
        {
            await Parallel.ForEachAsync(list, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                async (room, _) => await StartTimerAsync(room));
        }
    }

    /// <summary>One client: connect, handshake, join_room; the snapshot's timer version is kept as the client's last.</summary>
    public async Task<HubClient> JoinAsync(string token, object? tag, IHubListener? listener, CancellationToken cancellationToken)
    {
        var client = new HubClient(Interlocked.Increment(ref _clientIndex), tag) { Listener = listener };
        await client.ConnectAsync(_api.HubUri, token, cancellationToken);
        using (var snapshot = await client.InvokeAsync("join_room"))
        {
            client.LastVersion = snapshot.RootElement.GetProperty("result").GetProperty("timer").GetProperty("version").GetInt64();
        }

        _all.Add(client);
        return client;
    }

    private static async Task StartTimerAsync(BenchRoom room)
    {
        using var state = await room.Commander.InvokeAsync("start_timer", "null");
        room.NextVersion = state.RootElement.GetProperty("result").GetProperty("version").GetInt64() + 1;
        room.NextIsPause = true;
    }

    private void PingIdle()
    {
        var stale = Clock.Now - Clock.FromSeconds(8);
        foreach (var client in _all)
        {
            if (!client.Closed && client.LastSentAt < stale)
            {
                _ = client.PingAsync().ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Takes a client made elsewhere, to keep it alive and close it with the others.</summary>
    public void Adopt(HubClient client) => _all.Add(client);

    public int ClosedClients => _all.Count(c => c.Closed);

    public async ValueTask DisposeAsync()
    {
        await _pinger.DisposeAsync();
        await Parallel.ForEachAsync(_all, new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (client, _) => await client.DisposeAsync());
        _all.Clear();
    }
}
