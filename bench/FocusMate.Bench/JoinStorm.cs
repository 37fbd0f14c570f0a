using System.Text.Json;

namespace FocusMate.Bench;

/// <summary>
/// Join storm: K clients join one room at once (REST join, hub connect, join_room, all started together; the
/// host is one of them). A client holds the full list when its snapshot plus the participant_update events
/// it got name all K participants online. Measured: the time until every client holds it.
/// </summary>
internal sealed class JoinStormScenario(RestApi api) : IHubListener
{
    /// <summary>What one client knows: participants online (a storm only adds, so the union is the truth).</summary>
    private sealed class View(int index)
    {
        public HashSet<string> Online { get; } = [];

        public int Index { get; } = index;

        public long FullAt { get; set; }
    }

    private int _k;
    private long _start;
    private LatencyRecorder _full = new();

    public async Task<JoinStormResult> RunAsync(string target, int k, int round)
    {
        (_k, _full) = (k, new LatencyRecorder());
        var seed = await api.CreateRoomAsync("storm");
        var joinCalls = new LatencyRecorder();
        var failures = new List<string>();
        await using var population = new Population(api, "storm");
        _start = Clock.Now;
        var joins = Enumerable.Range(0, k).Select(i => JoinOneAsync(population, seed, i, joinCalls, failures)).ToList();
        await Task.WhenAll(joins);
        var views = joins.Select(j => j.Result).OfType<View>().ToList();
        var deadline = Clock.Now + Clock.FromSeconds(30);
        while (Clock.Now < deadline && views.Any(v => v.FullAt == 0))
        {
            await Task.Delay(5);
        }

        var last = views.Count == k && views.All(v => v.FullAt > 0) ? views.Max(v => v.FullAt) : 0;
        return new JoinStormResult(target, k, round, last == 0 ? -1 : Math.Round(Clock.ToMillis(last - _start) / 1000.0, 4),
            _full.Summary(), joinCalls.Summary(), failures.Count + views.Count(v => v.FullAt == 0), failures.FirstOrDefault());
    }

    private async Task<View?> JoinOneAsync(Population population, RoomSeed seed, int i, LatencyRecorder joinCalls, List<string> failures)
    {
        try
        {
            var token = i == 0 ? seed.HostToken : await api.JoinAsync(seed.RoomId, $"storm{i}");
            var view = new View(i);
            var client = new HubClient(i, view) { Listener = this };
            await client.ConnectAsync(api.HubUri, token, CancellationToken.None);
            population.Adopt(client);
            using var snapshot = await client.InvokeAsync("join_room");
            joinCalls.RecordTicks(Clock.Now - _start);
            var online = snapshot.RootElement.GetProperty("result").GetProperty("participants").EnumerateArray()
                .Where(p => p.GetProperty("online").GetBoolean())
                .Select(p => p.GetProperty("participant_id").GetString()!);
            Merge(view, online, Clock.Now);
            return view;
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or System.Net.WebSockets.WebSocketException or TimeoutException)
        {
            lock (failures)
            {
                failures.Add(ex.Message);
            }

            return null;
        }
    }

    private void Merge(View view, IEnumerable<string> online, long at)
    {
        lock (view)
        {
            view.Online.UnionWith(online);
            if (view.FullAt == 0 && view.Online.Count >= _k)
            {
                view.FullAt = at;
                _full.RecordTicks(at - _start);
            }
        }
    }

    public void OnEvent(HubClient client, string target, ReadOnlySpan<byte> record, long receivedAt)
    {
        if (target != "participant_update")
        {
            return;
        }

        var reader = new Utf8JsonReader(record);
        using var doc = JsonDocument.ParseValue(ref reader);
        var data = doc.RootElement.GetProperty("arguments")[0].GetProperty("data");
        var participant = data.GetProperty("participant");
        if (participant.GetProperty("online").GetBoolean())
        {
            Merge((View)client.Tag!, [participant.GetProperty("participant_id").GetString()!], receivedAt);
        }
    }

    public void OnTimerUpdate(HubClient client, long version, long receivedAt)
    {
    }

    public void OnCommandCompleted(HubClient client, string invocationId, bool failed, long receivedAt)
    {
    }
}
