using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using FocusMate.Api.Contracts;
using FocusMate.Api.Json;
using FocusMate.ScaleOutTests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;
using FocusMate.TestSupport;

namespace FocusMate.ScaleOutTests;

/// <summary>Every limit far above what the traffic sends, except settings changes: two a minute, so some are refused.</summary>
public sealed class ObservedCluster : Cluster
{
    internal static readonly Dictionary<string, string> Limits = new()
    {
        ["RateLimiting__Enabled"] = "true",
        ["RateLimiting__Api__PermitLimit"] = "100000",
        ["RateLimiting__CreateRoom__PermitLimit"] = "1000",
        ["RateLimiting__Join__PermitLimit"] = "1000",
        ["RateLimiting__Commands__PermitLimit"] = "1000",
        ["RateLimiting__Chat__PermitLimit"] = "100000",
        ["RateLimiting__Hub__PermitLimit"] = "100000",
        ["RateLimiting__Settings__PermitLimit"] = "2",
    };

    protected override bool WithOwnRedis => true;

    protected override IReadOnlyDictionary<string, string> Settings => Limits;
}

/// <summary>
/// What the observability profile's Prometheus sees, on this machine: the scale shape's two instances
/// (PostgreSQL, a Redis of their own) and a single-shape instance (SQLite, a writer queue of one so it sheds),
/// scraped by Debian's Prometheus with the project's alert rules. The traffic runs once, in two waves (the first
/// makes every series exist, the second moves them while Prometheus watches).
/// </summary>
public sealed class ObservedDeployment : IAsyncLifetime
{
    private readonly Lazy<Task<TrafficSummary>> _traffic;

    public ObservedDeployment() => _traffic = new Lazy<Task<TrafficSummary>>(() => new Traffic(this).RunAsync());

    public ObservedCluster Cluster { get; } = new();

    public ApiInstance SqliteInstance { get; private set; } = null!;

    public PrometheusServer Prometheus { get; } = new();

    public IEnumerable<ApiInstance> Instances => Cluster.Instances.Append(SqliteInstance);

    public Task<TrafficSummary> TrafficAsync() => _traffic.Value;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        var single = new Dictionary<string, string>(ObservedCluster.Limits)
        {
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Database__WriteQueueLimit"] = "1",
            ["Database__WriteQueueTimeout"] = "00:00:00.010",
        };
        SqliteInstance = new ApiInstance(9, Ports.Free(), Cluster.WorkFolder, single);
        await SqliteInstance.StartAsync();
        await Prometheus.StartAsync(Instances.Select(i => i.Address));
    }

    public async Task DisposeAsync()
    {
        Prometheus.Dispose();
        SqliteInstance?.Kill();
        await Cluster.DisposeAsync();
    }
}

public sealed record TrafficSummary(int Requests, int Shed, int RateLimited, int Completions, int ClientsCut);

[TestCaseOrderer(InOrder.Name, InOrder.Assembly)]
public sealed class ObservabilityTests(ObservedDeployment deployment, ITestOutputHelper output) : IClassFixture<ObservedDeployment>
{
    /// <summary>Metrics Prometheus makes itself: not the app's to expose.</summary>
    private static readonly string[] PrometheusOwn = ["up", "ALERTS"];

    private PrometheusServer Prometheus => deployment.Prometheus;

    [Fact, Order(1)]
    public async Task PrometheusScrapesEveryInstanceAndFindsEveryMetricTheDashboardAndTheAlertsRead()
    {
        var traffic = await deployment.TrafficAsync();
        output.WriteLine($"traffic: {traffic}");
        var targets = await Prometheus.TargetsAsync();
        var names = await Prometheus.MetricNamesAsync();
        var read = Dashboard.Queries().SelectMany(q => PromQl.MetricNames(q.Expression))
            .Concat((await Prometheus.RulesAsync()).SelectMany(r => PromQl.MetricNames(r.Query)))
            .Where(n => !PrometheusOwn.Contains(n)).ToHashSet(StringComparer.Ordinal);
        var missing = read.Where(n => !names.Contains(n)).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"read by the dashboard and the alerts ({read.Count}): {string.Join(", ", read.Order(StringComparer.Ordinal))}");
        output.WriteLine($"focusmate_* series names Prometheus holds: {string.Join(", ", names.Where(n => n.StartsWith("focusmate_", StringComparison.Ordinal)).Order(StringComparer.Ordinal))}");

        Assert.Equal(3, targets.Count);
        Assert.All(targets, t => Assert.True(t.Health == "up", $"{t.Instance} is {t.Health}: {t.Error}"));
        Assert.True(missing.Count == 0, $"The app exposes no series of: {string.Join(", ", missing)}");
    }

    [Fact, Order(2)]
    public async Task TheRulesLoadAndEvaluateAgainstTheRealMetrics()
    {
        await deployment.TrafficAsync();
        var expected = ObservabilityFilesTests.AlertNames();
        var rules = await Eventually.WaitAsync(Prometheus.RulesAsync, r => r.Count == expected.Count && r.All(x => x.LastEvaluation.Year > 2000), TimeSpan.FromSeconds(20));

        Assert.Equal(expected.Order(StringComparer.Ordinal), rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(rules, r => Assert.True(r.Health == "ok", $"{r.Name}: {r.Health} {r.LastError}"));
    }

    [Fact, Order(3)]
    public async Task EveryPanelOfTheDashboardAnswersAfterTheTraffic()
    {
        var traffic = await deployment.TrafficAsync();
        await PrometheusServer.SettleAsync();
        var report = new StringBuilder();
        var empty = new List<string>();
        report.AppendLine(CultureInfo.InvariantCulture, $"FocusMate dashboard rendered from Prometheus at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z ($__rate_interval = {RateWindow}, every instance).");
        report.AppendLine(CultureInfo.InvariantCulture, $"Traffic: {traffic}. Each query: its value now, and its peak over the run (max_over_time of the query, {RunWindow}).");
        foreach (var (instance, role) in Roles())
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  instance {instance} = {role}");
        }

        foreach (var panel in Dashboard.Queries().GroupBy(q => q.Panel))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"## {panel.Key}");
            foreach (var query in panel)
            {
                var expression = Dashboard.Render(query.Expression, RateWindow);
                var samples = await Prometheus.QueryAsync(expression);
                var peaks = await Prometheus.QueryAsync($"max_over_time(({expression})[{RunWindow}:{PrometheusServer.Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s])");
                report.AppendLine(CultureInfo.InvariantCulture, $"  {query.Legend}: {(samples.Count == 0 ? "(no data)" : "")}");
                foreach (var sample in samples)
                {
                    var peak = peaks.FirstOrDefault(p => p.Labels.Where(l => l.Key != "__name__").OrderBy(l => l.Key, StringComparer.Ordinal)
                        .SequenceEqual(sample.Labels.Where(l => l.Key != "__name__").OrderBy(l => l.Key, StringComparer.Ordinal)));
                    report.AppendLine(CultureInfo.InvariantCulture, $"    {sample}{(peak is null ? "" : $"   (peak {peak.Value.ToString("G6", CultureInfo.InvariantCulture)})")}");
                }

                if (samples.Count == 0 || samples.All(s => double.IsNaN(s.Value)))
                {
                    empty.Add($"{panel.Key} / {query.Legend}");
                }
            }
        }

        Publish(report.ToString());
        Assert.True(empty.Count == 0, $"Panels without data after the traffic: {string.Join("; ", empty)}");
    }

    [Fact, Order(4)]
    public async Task AlertsGoPendingWhenRedisStopsAnInstanceDiesAndRequestsAreShed()
    {
        await deployment.TrafficAsync();
        var shed = await PendingAsync("FocusMateRequestsShed");

        deployment.Cluster.OwnRedis!.Stop();
        IReadOnlyList<IReadOnlyDictionary<string, string>> redis;
        try
        {
            redis = await PendingAsync("FocusMateRedisDisconnected", count: 2);
        }
        finally
        {
            await deployment.Cluster.OwnRedis.StartAsync();
        }

        deployment.SqliteInstance.Kill();
        IReadOnlyList<IReadOnlyDictionary<string, string>> down;
        try
        {
            down = await PendingAsync("FocusMateInstanceNotReady");
        }
        finally
        {
            await deployment.SqliteInstance.StartAsync();
        }

        var single = $"{deployment.SqliteInstance.Address.Host}:{deployment.SqliteInstance.Address.Port}";
        Assert.Equal(single, Assert.Single(shed)["instance"]);
        Assert.Equal(deployment.Cluster.Instances.Select(i => $"{i.Address.Host}:{i.Address.Port}").Order(StringComparer.Ordinal),
            redis.Select(a => a["instance"]).Order(StringComparer.Ordinal));
        Assert.Equal(single, Assert.Single(down)["instance"]);
        // Redis back: the alert clears by itself.
        await Eventually.WaitAsync(async () => (await Prometheus.RulesAsync()).Single(r => r.Name == "FocusMateRedisDisconnected").Alerts.Count,
            n => n == 0, TimeSpan.FromSeconds(30));
    }

    private const string RateWindow = "2m";

    /// <summary>Longer than the traffic run: the peaks cover all of it.</summary>
    private const string RunWindow = "5m";

    private IEnumerable<(string Instance, string Role)> Roles() =>
        deployment.Cluster.Instances.Select(i => ($"{i.Address.Host}:{i.Address.Port}", $"scale-out instance {i.Number} (PostgreSQL, Redis)"))
            .Append(($"{deployment.SqliteInstance.Address.Host}:{deployment.SqliteInstance.Address.Port}", "single shape (SQLite, writer queue of 1)"));

    /// <summary>The labels of the named alert's pending or firing instances, once there are <paramref name="count"/> of them.</summary>
    private async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> PendingAsync(string alert, int count = 1)
    {
        var rule = await Eventually.WaitAsync(async () => (await Prometheus.RulesAsync()).Single(r => r.Name == alert),
            r => r.Alerts.Count >= count, TimeSpan.FromSeconds(40));
        output.WriteLine($"{alert}: {string.Join("; ", rule.Alerts.Select(a => $"{a.State} {a.Labels["instance"]}"))}");
        return rule.Alerts.Select(a => a.Labels).ToList();
    }

    /// <summary>The rendered dashboard: in the test log, and in <c>FOCUSMATE_OBSERVABILITY_REPORT</c> when set.</summary>
    private void Publish(string report)
    {
        output.WriteLine(report);
        Console.WriteLine(string.Join('\n', report.Split('\n').Select(l => $"[dashboard] {l}")));
        if (Environment.GetEnvironmentVariable("FOCUSMATE_OBSERVABILITY_REPORT") is { Length: > 0 } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, report);
        }
    }
}

/// <summary>
/// What a few teams do in a minute, on every instance: rooms created and joined, hub connections opened (some
/// closed again), timer commands over REST and the hub (applied and refused), chat, settings changes past their
/// limit, phases running to their end, a client that stops reading (cut off); on the SQLite instance, bursts of writes
/// beyond its queue (shed with 503).
/// </summary>
internal sealed class Traffic(ObservedDeployment deployment)
{
    private static readonly string[] Commands = ["start", "start", "pause", "resume", "skip", "reset", "pause"];
    private readonly HttpClient _http = deployment.Cluster.Http;
    private readonly List<RoomHubClient> _clients = [];
    private int _requests;
    private int _shed;
    private int _rateLimited;
    private int _completions;
    private int _cut;

    public async Task<TrafficSummary> RunAsync()
    {
        await WaveAsync();
        await PrometheusServer.SettleAsync();
        await WaveAsync();
        await PrometheusServer.SettleAsync();
        return new TrafficSummary(_requests, _shed, _rateLimited, _completions, _cut);
    }

    private async Task WaveAsync()
    {
        var rooms = new List<(Uri Origin, CreatedRoomResponse Room)>();
        foreach (var instance in deployment.Instances)
        {
            rooms.Add((instance.Address, await RoomAsync(instance.Address)));
        }

        await CompletePhasesAsync(rooms);
        await ShedAsync(deployment.SqliteInstance.Address);
        await CutAsync(deployment.Cluster.Instances[0].Address);
        // A hub connection that ends: its duration is recorded.
        await _clients[0].DisposeAsync();
        _clients.RemoveAt(0);
    }

    /// <summary>A room of one-minute phases with two people connected, commands, chat and settings; left running.</summary>
    private async Task<CreatedRoomResponse> RoomAsync(Uri origin)
    {
        var room = await _http.CreateRoomAsync(origin, new { work_duration_minutes = 1, break_duration_minutes = 1 });
        var jun = await _http.JoinAsync(origin, room.RoomId, "Jun");
        _requests += 2;
        var host = await RoomHubClient.ConnectAsync(origin, room.Participant.Token);
        _clients.Add(host);
        _clients.Add(await RoomHubClient.ConnectAsync(origin, jun.Token));
        foreach (var command in Commands)
        {
            await SendAsync(HttpMethod.Post, new Uri(origin, $"/api/v1/rooms/{room.RoomId}/timer/{command}"), room.Participant.Token);
        }

        // Over the hub: one applied, one refused (the timer is running already).
        await host.Connection.InvokeAsync<TimerStateResponse>("start_timer", (object?)null);
        await Assert.ThrowsAsync<HubException>(() => host.Connection.InvokeAsync<TimerStateResponse>("start_timer", (object?)null));
        await host.Connection.InvokeAsync<ChatMessageResponse>("send_message", "hello from the hub");
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(HttpMethod.Post, new Uri(origin, $"/api/v1/rooms/{room.RoomId}/messages"), jun.Token, new { text = $"message {i}" });
        }

        for (var i = 0; i < 4; i++)
        {
            await SendAsync(HttpMethod.Patch, new Uri(origin, $"/api/v1/rooms/{room.RoomId}"), room.Participant.Token, new { break_duration_minutes = 1 + (i % 2) });
        }

        await SendAsync(HttpMethod.Get, new Uri(origin, $"/api/v1/rooms/{room.RoomId}/sessions"), null);
        return room;
    }

    /// <summary>
    /// Each clock moves on to a second before the first of its rooms' targets, so the schedulers complete the
    /// phases at their targets, as they would without a test moving time.
    /// </summary>
    private async Task CompletePhasesAsync(List<(Uri Origin, CreatedRoomResponse Room)> rooms)
    {
        var before = await Task.WhenAll(rooms.Select(r => SessionsAsync(r.Origin, r.Room.RoomId)));
        var remaining = await Task.WhenAll(rooms.Select(r => RemainingAsync(r.Origin, r.Room.RoomId)));
        var cluster = deployment.Cluster.Instances.Select(i => i.Address).ToHashSet();
        var oneSecond = TimeSpan.FromSeconds(1);
        await deployment.Cluster.AdvanceClocksAsync(rooms.Select((r, i) => (r, i)).Where(x => cluster.Contains(x.r.Origin)).Min(x => remaining[x.i]) - oneSecond);
        await deployment.SqliteInstance.AdvanceClockAsync(rooms.Select((r, i) => (r, i)).Where(x => !cluster.Contains(x.r.Origin)).Min(x => remaining[x.i]) - oneSecond);
        for (var i = 0; i < rooms.Count; i++)
        {
            var (origin, room) = rooms[i];
            var count = before[i];
            await Eventually.WaitAsync(() => SessionsAsync(origin, room.RoomId), n => n > count, TimeSpan.FromSeconds(30));
            _completions++;
        }
    }

    private async Task<TimeSpan> RemainingAsync(Uri origin, Guid roomId)
    {
        var timer = (await _http.ReadAsync<RoomResponse>(new Uri(origin, $"/api/v1/rooms/{roomId}"))).TimerState;
        return (timer.TargetTimestamp ?? throw new InvalidOperationException($"room {roomId} is not running: {timer.Status}")) - timer.ServerTime;
    }

    /// <summary>Bursts of concurrent chat messages on an instance whose writer queue holds one: most wait, some are shed.</summary>
    private async Task ShedAsync(Uri origin)
    {
        var room = await _http.CreateRoomAsync(origin);
        _requests++;
        var before = _shed;
        for (var burst = 0; burst < 10 && _shed - before < 10; burst++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
                SendAsync(HttpMethod.Post, new Uri(origin, $"/api/v1/rooms/{room.RoomId}/messages"), room.Participant.Token, new { text = $"burst {i}" })));
            Assert.All(answers, a => Assert.Contains(a, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));
        }

        Assert.True(_shed > before, "no request was shed");
    }

    /// <summary>A client that stops reading while its answers pile up: the instance cuts it off.</summary>
    private async Task CutAsync(Uri origin)
    {
        var before = await CutCountAsync(origin);
        var room = await _http.CreateRoomAsync(origin);
        var sleeper = await _http.JoinAsync(origin, room.RoomId, "Sleeper");
        using var stalled = await StalledClient.ConnectAsync(origin, sleeper.Token);
        // The room's chat goes on; the sleeper reads none of it, nor the answers to what it asks.
        var text = new string('z', 490);
        for (var i = 0; i < 100; i++)
        {
            await SendAsync(HttpMethod.Post, new Uri(origin, $"/api/v1/rooms/{room.RoomId}/messages"), room.Participant.Token, new { text });
        }

        for (var asked = 0; asked < 400 && await CutCountAsync(origin) == before; asked += 20)
        {
            if (!await stalled.AskAsync(20))
            {
                break;
            }
        }

        await Eventually.WaitAsync(() => CutCountAsync(origin), n => n > before, TimeSpan.FromSeconds(10));
        _cut++;
    }

    /// <summary>The instance's own count of clients cut off, read from its /metrics as Prometheus would.</summary>
    private async Task<long> CutCountAsync(Uri origin)
    {
        var text = await _http.GetStringAsync(new Uri(origin, "/metrics"));
        return text.Split('\n').Where(l => l.StartsWith("focusmate_hub_clients_cut_total", StringComparison.Ordinal))
            .Sum(l => long.Parse(l.Split(' ')[^1], CultureInfo.InvariantCulture));
    }

    private async Task<int> SessionsAsync(Uri origin, Guid roomId) =>
        (await _http.ReadAsync<List<SessionResponse>>(new Uri(origin, $"/api/v1/rooms/{roomId}/sessions"))).Count;

    private async Task<HttpStatusCode> SendAsync(HttpMethod method, Uri uri, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ApiJson.Options);
        }

        using var response = await _http.SendAsync(request);
        Interlocked.Increment(ref _requests);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            Interlocked.Increment(ref _shed);
        }
        else if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref _rateLimited);
        }

        return response.StatusCode;
    }
}
