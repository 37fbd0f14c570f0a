using System.Diagnostics;
using System.Globalization;
using FocusMate.ScaleOutTests.Support;
using Npgsql;
using Xunit.Abstractions;
using FocusMate.TestSupport;

namespace FocusMate.ScaleOutTests;

/// <summary>Two instances on a clock running <see cref="Speed"/> times faster, with a Redis of their own to stop and start.</summary>
public sealed class ChaosCluster : Cluster
{
    /// <summary>How many times faster than real time the instances' clock runs (<c>CHAOS_SPEED</c>, default 30: a one-minute phase lasts two seconds).</summary>
    public static double Speed { get; } = double.TryParse(System.Environment.GetEnvironmentVariable("CHAOS_SPEED"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 30;

    /// <summary>The instant both instances' clocks run from (they agree on the time, restarts included).</summary>
    public DateTimeOffset Epoch { get; } = DateTimeOffset.UtcNow;

    protected override bool WithOwnRedis => true;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["FOCUSMATE_TEST_CLOCK_SPEED"] = Speed.ToString(CultureInfo.InvariantCulture),
        ["FOCUSMATE_TEST_CLOCK_EPOCH"] = Epoch.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        ["Scheduler__Concurrency"] = "16",
    };

    /// <summary>The instances' time at a real instant.</summary>
    public DateTimeOffset Fast(DateTimeOffset real) => Epoch + ((real - Epoch) * Speed);
}

/// <summary>
/// The chaos drill: 200 rooms of one-minute phases that start each other, clients on both instances (through
/// nginx), while instances are killed (SIGKILL) and restarted and Redis is stopped and started at random. A
/// ledger compares the phases the database recorded with what every client was told: no transition is lost
/// or recorded twice, no client hears a phase end twice, every client converges after every fault, and in
/// between faults every client hears every phase end. <c>CHAOS_TRANSITIONS</c> sets the length (CI: 10,000;
/// bench/chaos.sh runs 100,000).
/// </summary>
public sealed class ChaosDrillTests(ChaosCluster cluster, ITestOutputHelper output) : IClassFixture<ChaosCluster>
{
    private const int Rooms = 200;
    private static readonly TimeSpan Phase = TimeSpan.FromMinutes(1);
    private readonly Random _random = new(42);

    private static int Target => int.TryParse(Environment.GetEnvironmentVariable("CHAOS_TRANSITIONS"), out var n) ? n : 10_000;

    [Fact]
    public async Task NoTransitionIsLostOrDuplicatedWhileInstancesAndRedisFail()
    {
        var clients = await StartRoomsAsync();
        var faults = new List<Fault>();
        var started = Stopwatch.StartNew();
        while (await TransitionsAsync() < Target && started.Elapsed < TimeSpan.FromMinutes(30))
        {
            await Task.Delay(TimeSpan.FromSeconds(_random.Next(3, 7)));
            faults.Add(await FaultAsync(clients));
            Console.WriteLine($"[chaos] {faults[^1]}; {await TransitionsAsync()} transitions so far");
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var settled = await ConvergenceAsync(clients, await VersionsAsync());
        var ledger = await LedgerAsync();
        try
        {
            var (lostToClients, duplicatedAtClients, phantom) = ClientLedger(clients, faults, ledger);
            var failed = ledger.Lost + ledger.Duplicated + lostToClients + duplicatedAtClients + phantom > 0
                || faults.Any(f => f.Convergence >= TimeSpan.FromSeconds(30));
            var report = Report(clients, faults, ledger, settled)
                + (failed ? Diagnose(clients, ledger, await VersionsAsync()) + Missed(clients, faults, ledger) : "");
            output.WriteLine(report);
            Console.WriteLine(report);

            Assert.True(ledger.Transitions >= Target, $"only {ledger.Transitions} transitions");
            Assert.Equal(0, ledger.Lost);
            Assert.Equal(0, ledger.Duplicated);
            Assert.Equal(0, duplicatedAtClients);
            Assert.Equal(0, phantom);
            Assert.Equal(0, lostToClients);
            Assert.All(faults, f => Assert.True(f.Convergence < TimeSpan.FromSeconds(30), $"{f} did not converge"));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private async Task<List<ChaosClient>> StartRoomsAsync()
    {
        var clients = new List<ChaosClient>();
        for (var i = 0; i < Rooms; i++)
        {
            var room = await cluster.Http.CreateRoomAsync(cluster.Web, new
            {
                work_duration_minutes = 1, break_duration_minutes = 1, long_break_duration_minutes = 1, long_break_interval = 4,
                auto_start_break = true, auto_start_work = true,
            });
            clients.Add(await ChaosClient.ConnectAsync(cluster.Web, room.RoomId, room.Participant.Token));
            await cluster.Http.TimerAsync(cluster.Web, room.RoomId, "start", room.Participant.Token);
        }

        return clients;
    }

    /// <summary>One fault, ended: an instance killed and restarted, or Redis stopped and started.</summary>
    private async Task<Fault> FaultAsync(List<ChaosClient> clients)
    {
        var outage = TimeSpan.FromMilliseconds(_random.Next(1500, 4000));
        var start = DateTimeOffset.UtcNow;
        string what;
        if (_random.Next(3) == 0)
        {
            what = "Redis stopped";
            cluster.OwnRedis!.Stop();
            await Task.Delay(outage);
            await cluster.OwnRedis.StartAsync();
        }
        else
        {
            var instance = cluster.Instances[_random.Next(cluster.Instances.Count)];
            what = $"instance {instance.Number} killed";
            instance.Kill();
            await Task.Delay(outage);
            await cluster.RestartAsync(instance);
        }

        var end = DateTimeOffset.UtcNow;
        var convergence = await ConvergenceAsync(clients, await VersionsAsync());
        return new Fault(what, start, end, convergence);
    }

    /// <summary>How long until every client knows at least the versions the database holds now.</summary>
    private static async Task<TimeSpan> ConvergenceAsync(List<ChaosClient> clients, Dictionary<Guid, long> versions)
    {
        var watch = Stopwatch.StartNew();
        while (clients.Any(c => c.Latest < versions[c.RoomId]) && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        return clients.Any(c => c.Latest < versions[c.RoomId]) ? TimeSpan.MaxValue : watch.Elapsed;
    }

    private async Task<Dictionary<Guid, long>> VersionsAsync()
    {
        await using var db = new NpgsqlConnection(cluster.Database);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT room_id, version FROM timers", db);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new Dictionary<Guid, long>();
        while (await reader.ReadAsync())
        {
            versions[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        return versions;
    }

    private async Task<long> TransitionsAsync()
    {
        await using var db = new NpgsqlConnection(cluster.Database);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM timer_sessions", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>What the database recorded, room by room: every phase chained to the one before, each exactly once.</summary>
    private async Task<Ledger> LedgerAsync()
    {
        await using var db = new NpgsqlConnection(cluster.Database);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT room_id, started_at, ended_at, outcome FROM timer_sessions ORDER BY room_id, started_at", db);
        await using var reader = await command.ExecuteReaderAsync();
        var ends = new Dictionary<Guid, List<DateTimeOffset>>();
        var (lost, duplicated, transitions, other) = (0, 0, 0, 0);
        (Guid Room, DateTimeOffset Started, DateTimeOffset Ended)? previous = null;
        while (await reader.ReadAsync())
        {
            var (room, began, ended, outcome) = (reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3));
            transitions++;
            other += outcome.Equals("completed", StringComparison.OrdinalIgnoreCase) && ended - began == Phase ? 0 : 1;
            if (previous is { } last && last.Room == room)
            {
                duplicated += began == last.Started ? 1 : 0;
                // A missing phase shows as a hole between one end and the next start (every phase starts where the last ended).
                lost += began > last.Ended ? (int)Math.Round((began - last.Ended) / Phase) : 0;
            }

            (ends.TryGetValue(room, out var list) ? list : ends[room] = []).Add(ended);
            previous = (room, began, ended);
        }

        return new Ledger(transitions, lost, duplicated + other, ends);
    }

    /// <summary>
    /// What the clients were told against the ledger: phase ends heard twice, phase ends the database never
    /// recorded, and phase ends a client missed although no fault was under way (a second after one ended, its
    /// convergence included, and a second before the next).
    /// </summary>
    private (int Lost, int Duplicated, int Phantom) ClientLedger(List<ChaosClient> clients, List<Fault> faults, Ledger ledger)
    {
        var quiet = QuietTimes(faults);
        var (lost, duplicated, phantom) = (0, 0, 0);
        foreach (var client in clients)
        {
            var recorded = ledger.Ends.TryGetValue(client.RoomId, out var ends) ? ends.ToHashSet() : [];
            // Phases keep ending while the ledger is read: what a client heard after the ledger's last row is not judged.
            var lastRecorded = recorded.Count == 0 ? DateTimeOffset.MinValue : recorded.Max();
            var heard = client.Completions.Where(h => h <= lastRecorded).ToList();
            duplicated += heard.Count - heard.Distinct().Count();
            phantom += heard.Count(h => !recorded.Contains(h));
            var heardSet = heard.ToHashSet();
            lost += recorded.Count(end => quiet.Any(q => end >= q.From && end <= q.To) && !heardSet.Contains(end));
        }

        return (lost, duplicated, phantom);
    }

    /// <summary>The stretches (in the cluster's clock) between faults: from a second after one converged to a second before the next.</summary>
    private List<(DateTimeOffset From, DateTimeOffset To)> QuietTimes(List<Fault> faults)
    {
        var quiet = new List<(DateTimeOffset From, DateTimeOffset To)>();
        for (var i = 1; i < faults.Count; i++)
        {
            var from = faults[i - 1].End + faults[i - 1].Convergence + TimeSpan.FromSeconds(1);
            var to = faults[i].Start - TimeSpan.FromSeconds(1);
            if (to > from)
            {
                quiet.Add((cluster.Fast(from), cluster.Fast(to)));
            }
        }

        return quiet;
    }

    private string Report(List<ChaosClient> clients, List<Fault> faults, Ledger ledger, TimeSpan settled)
    {
        var (lostToClients, duplicatedAtClients, phantom) = ClientLedger(clients, faults, ledger);
        var worst = faults.Count == 0 ? TimeSpan.Zero : faults.Max(f => f.Convergence);
        return string.Join('\n',
            $"[chaos] {ledger.Transitions} transitions in {Rooms} rooms (clock ×{ChaosCluster.Speed}), {faults.Count} faults " +
            $"({faults.Count(f => f.What.StartsWith("Redis", StringComparison.Ordinal))} Redis, {faults.Count(f => f.What.StartsWith("instance", StringComparison.Ordinal))} instance kills)",
            $"[chaos] database: lost {ledger.Lost}, duplicated {ledger.Duplicated}; clients: lost {lostToClients} (outside faults), " +
            $"heard twice {duplicatedAtClients}, never recorded {phantom}, stale events dropped {clients.Sum(c => c.Stale)}, reconnects {clients.Sum(c => c.Reconnects)}",
            $"[chaos] convergence after a fault: worst {worst.TotalMilliseconds:F0} ms, median {Median(faults):F0} ms; after the last {settled.TotalMilliseconds:F0} ms");
    }

    /// <summary>For a failed run: a few clients that did not converge, and a few phase ends no row recorded.</summary>
    private static string Diagnose(List<ChaosClient> clients, Ledger ledger, Dictionary<Guid, long> versions)
    {
        var lines = clients.Where(c => c.Latest < versions[c.RoomId]).Take(5)
            .Select(c => $"[chaos] behind: room {c.RoomId} knows v{c.Latest}, database v{versions[c.RoomId]}, " +
                $"{c.Reconnects} reconnects, last rejoin failure: {c.RejoinFailure ?? "none"}")
            .Concat(clients.SelectMany(c => Unrecorded(c, ledger)).Take(8))
            .ToList();
        return lines.Count == 0 ? "" : "\n" + string.Join('\n', lines);
    }

    private static IEnumerable<string> Unrecorded(ChaosClient client, Ledger ledger)
    {
        var recorded = ledger.Ends.TryGetValue(client.RoomId, out var ends) ? ends : [];
        var lastRecorded = recorded.Count == 0 ? DateTimeOffset.MinValue : recorded.Max();
        return client.Completions.Where(h => h <= lastRecorded && !recorded.Contains(h)).Take(2).Select(heard =>
        {
            var near = recorded.OrderBy(e => Math.Abs((e - heard).Ticks)).Take(2).Select(e => e.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture));
            return $"[chaos] unrecorded: room {client.RoomId} heard {heard:HH:mm:ss.fff}; nearest rows {string.Join(", ", near)}";
        });
    }

    /// <summary>For a failed run: phase ends a client missed in a quiet time, with the nearest fault and the client's link around it.</summary>
    private string Missed(List<ChaosClient> clients, List<Fault> faults, Ledger ledger)
    {
        var quiet = QuietTimes(faults);
        var lines = clients.SelectMany(client =>
        {
            var recorded = ledger.Ends.TryGetValue(client.RoomId, out var ends) ? ends : [];
            var heard = client.Completions.ToHashSet();
            return recorded.Where(end => quiet.Any(q => end >= q.From && end <= q.To) && !heard.Contains(end)).Select(end =>
            {
                var before = faults.LastOrDefault(f => cluster.Fast(f.End) <= end);
                var links = client.Links.Where(l => Math.Abs((cluster.Fast(l.At) - end).TotalMinutes) < 3)
                    .Select(l => $"{l.What} {(cluster.Fast(l.At) - end).TotalSeconds / ChaosCluster.Speed:+0.0;-0.0} s");
                return $"[chaos] missed: room {client.RoomId} end {end:HH:mm:ss.fff}, " +
                    $"{(before is null ? "no fault before" : $"{(end - cluster.Fast(before.End)).TotalSeconds / ChaosCluster.Speed:F1} s after {before.What}")}; " +
                    $"link: {string.Join(", ", links.DefaultIfEmpty("steady"))}";
            });
        }).Take(12).ToList();
        return lines.Count == 0 ? "" : "\n" + string.Join('\n', lines);
    }

    private static double Median(List<Fault> faults) =>
        faults.Count == 0 ? 0 : faults.Select(f => f.Convergence.TotalMilliseconds).Order().ElementAt(faults.Count / 2);

    private sealed record Fault(string What, DateTimeOffset Start, DateTimeOffset End, TimeSpan Convergence)
    {
        public override string ToString() =>
            $"{What} for {(End - Start).TotalSeconds:F1} s, every client converged {Convergence.TotalMilliseconds:F0} ms after";
    }

    private sealed record Ledger(int Transitions, int Lost, int Duplicated, Dictionary<Guid, List<DateTimeOffset>> Ends);
}
