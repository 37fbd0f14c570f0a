using System.Globalization;
using System.Text.Json;

namespace FocusMate.Bench;

/// <summary>A server under test: its name in the report, its base address and its process.</summary>
internal sealed record Target(string Name, Uri Uri, ServerProbe? Probe, string Label = "");

/// <summary>One fan-out load level; sweep levels grow the client count at 0.5 commands/s per client.</summary>
internal sealed record StagePlan(int Clients, double Rate, double MeasureSeconds, bool Sweep);

/// <summary>The sizes of a suite run.</summary>
internal sealed record SuitePlan(
    bool Smoke, int RestRooms, double RestGetRate, double RestPostRate, double RestSeconds, int ClosedConcurrency,
    int StormClients, int StormRounds, int ConnClients, int ConnRoomSize, int ConnSteps,
    int RoomSize, double Warmup, IReadOnlyList<StagePlan> Stages)
{
    public static SuitePlan Full { get; } = new(false, 200, 1000, 200, 15, 32, 50, 3, 4000, 10, 4, 5, 3,
    [
        new(500, 250, 12, true), new(1000, 500, 12, true),
        new(2000, 250, 12, false), new(2000, 500, 12, false), new(2000, 1000, 20, true),
        new(2000, 2000, 15, false), new(2000, 3000, 15, false),
        new(3000, 1500, 12, true), new(4000, 2000, 12, true), new(6000, 3000, 12, true),
    ]);

    public static SuitePlan SmokeRun { get; } = new(true, 4, 50, 20, 2, 4, 5, 1, 20, 5, 2, 5, 0.5,
        [new(10, 20, 2, false)]);
}

/// <summary>Runs every scenario against every target, alternating targets within each scenario, and writes the results.</summary>
internal sealed class Suite(IReadOnlyList<Target> targets, SuitePlan plan, string outDir)
{
    private readonly List<string> _log = [];
    private readonly SuiteResults _results = new(Machine(), [], [], [], [], [], []);

    public async Task<int> RunAsync()
    {
        Directory.CreateDirectory(outDir);
        foreach (var t in targets)
        {
            _results.Targets[t.Name] = $"{t.Uri} (pid {t.Probe?.Pid.ToString(CultureInfo.InvariantCulture) ?? "unknown"}{t.Label})";
        }

        Log($"suite ({(plan.Smoke ? "smoke" : "full")}) on {Environment.ProcessorCount} cores, load average {MachineCpu.LoadAverage1()}");
        await RestAsync();
        await StormAsync();
        await ConnectionsAsync();
        await FanoutAsync();
        var finished = _results with { Machine = _results.Machine with { FinishedAt = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) } };
        await File.WriteAllTextAsync(Path.Combine(outDir, "results.json"), JsonSerializer.Serialize(finished, Json.Options));
        Log($"wrote {Path.Combine(outDir, "results.json")}");
        return plan.Smoke ? SmokeVerdict(finished) : 0;
    }

    private void Log(string line)
    {
        var stamped = $"[{DateTime.UtcNow:HH:mm:ss}] {line}";
        Console.WriteLine(stamped);
        _results.Log.Add(stamped);
    }

    private async Task RestAsync()
    {
        foreach (var t in targets)
        {
            using var api = new RestApi(t.Uri, 1024);
            var rest = new RestScenario(api, t.Probe, t.Name);
            await rest.PrepareAsync(plan.RestRooms);
            await Quiet(t);
            Add(await rest.OpenAsync("GET room", plan.RestGetRate, plan.Warmup, plan.RestSeconds, rest.GetRoom));
            Add(await rest.OpenAsync("POST pause/resume", plan.RestPostRate, plan.Warmup, plan.RestSeconds, rest.PauseResume));
            await Quiet(t);
            Add(await rest.ClosedAsync("GET room ceiling", plan.ClosedConcurrency, plan.Warmup, plan.RestSeconds * 2 / 3, rest.GetRoom));
        }
    }

    private void Add(RestResult r)
    {
        _results.Rest.Add(r);
        Log($"  {r.Target} {r.Name} ({r.Model}): {r.RequestsPerSecondDone}/s, p50 {r.Latency.P50} ms, p99 {r.Latency.P99} ms, " +
            $"max {r.Latency.Max} ms, ok {r.Ok}, 409 {r.Conflicts}, errors {r.Errors}, dropped {r.Dropped}, " +
            $"server {r.Cpu.ServerCores} cores, {r.ServerCpuMicrosPerRequest} µs/request");
    }

    private async Task StormAsync()
    {
        for (var round = 1; round <= plan.StormRounds; round++)
        {
            foreach (var t in targets)
            {
                using var api = new RestApi(t.Uri);
                await Quiet(t);
                var r = await new JoinStormScenario(api).RunAsync(t.Name, plan.StormClients, round);
                _results.JoinStorm.Add(r);
                Log($"  {t.Name} join storm {r.Clients} clients, round {round}: all see all after {r.SecondsUntilAllSeeAll} s, " +
                    $"join_room answered p50 {r.JoinCall.P50} ms max {r.JoinCall.Max} ms, failures {r.Failures} {r.FirstFailure}");
            }
        }
    }

    private async Task ConnectionsAsync()
    {
        foreach (var t in targets)
        {
            using var api = new RestApi(t.Uri);
            await Quiet(t);
            var r = await ConnectionsScenario.RunAsync(api, t.Probe, t.Name, plan.ConnClients, plan.ConnRoomSize, plan.ConnSteps, Log,
                idleSeconds: plan.Smoke ? 1 : 10);
            _results.Connections.Add(r);
            Log($"  {t.Name} connections: {r.Clients} joined, RSS {Mib(r.RssBeforeBytes)} → {Mib(r.RssAfterIdleBytes)} MiB, " +
                $"{r.BytesPerConnection / 1024:F1} KiB/connection (slope {r.SlopeBytesPerConnection / 1024:F1} KiB), closed {r.ClosedClients}");
        }
    }

    private async Task FanoutAsync()
    {
        var runs = targets.Select(t => new FanoutRun(t, new RestApi(t.Uri), new FanoutScenario(t.Probe))).ToList();
        try
        {
            foreach (var stage in plan.Stages)
            {
                foreach (var run in runs)
                {
                    await FanoutStageAsync(run, stage);
                }
            }
        }
        finally
        {
            foreach (var run in runs)
            {
                await run.DisposeAsync();
            }
        }
    }

    private async Task FanoutStageAsync(FanoutRun run, StagePlan stage)
    {
        // The 2,000-client levels are the issue's targets: always run. The sweep beyond stops once p95 passed 100 ms.
        if (stage.Sweep && !run.SweepGoing && stage.Clients > 2000)
        {
            Log($"  {run.Target.Name} fan-out {stage.Clients} clients @ {stage.Rate}/s skipped: p95 already over 100 ms at fewer clients");
            return;
        }

        var rooms = stage.Clients / plan.RoomSize;
        await GrowAsync(run, rooms);
        var r = await MeasureAsync(run, stage, rooms);
        if (Noisy(r))
        {
            // Other sessions on the machine took CPU during the window: measure once more when it is quieter, keep both.
            Log($"  {r.Target} fan-out {r.Clients} @ {r.CommandsPerSecond}/s: p95 {r.Latency.P95} ms while others used {r.Cpu.OtherCores} cores; measuring again");
            _results.Fanout.Add(r with { Note = "noisy: others used the CPU; measured again" });
            r = await MeasureAsync(run, stage, rooms) with { Note = "second measurement" };
        }

        _results.Fanout.Add(r);
        run.SweepGoing &= !stage.Sweep || (r.Latency.P95 < 100 && r.Lost == 0);
        Log($"  {r.Target} fan-out {r.Clients} clients/{r.Rooms} rooms @ {r.CommandsPerSecond}/s: p50 {r.Latency.P50} p95 {r.Latency.P95} " +
            $"p99 {r.Latency.P99} max {r.Latency.Max} ms; delivered {r.Delivered}/{r.Expected}, lost {r.Lost}, out of order {r.OutOfOrder}, " +
            $"errors {r.CommandErrors}, closed {r.ClosedClients}; server {r.Cpu.ServerCores} cores, {r.ServerCpuMicrosPerDelivery} µs/delivery; " +
            $"generator {r.Cpu.GeneratorCores}, others {r.Cpu.OtherCores} cores; dispatch lag p99 {r.DispatchLag.P99} ms");
    }

    private async Task GrowAsync(FanoutRun run, int rooms)
    {
        if (run.Population.Rooms.Count < rooms)
        {
            var added = await run.Population.PrepareAsync(rooms - run.Population.Rooms.Count, plan.RoomSize);
            await run.Population.ConnectAsync(added, run.Scenario, startTimer: true);
        }
    }

    private bool Noisy(FanoutResult r) => r.Latency.P95 >= 100 && r.Cpu.OtherCores >= NoisyCores && r.Lost == 0 && !plan.Smoke;

    private async Task<FanoutResult> MeasureAsync(FanoutRun run, StagePlan stage, int rooms)
    {
        await Quiet(run.Target);
        return await run.Scenario.RunAsync(new FanoutStage(stage.Clients, rooms, stage.Rate, plan.Warmup, stage.MeasureSeconds),
            run.Population.Rooms.Take(rooms).ToList(), run.Target.Name);
    }

    /// <summary>CPU (cores) that other processes may use during a window before it counts as noisy.</summary>
    private const double NoisyCores = 0.3;

    /// <summary>Waits until the server is idle, then until the rest of the machine is (at most 45 s; other sessions share it).</summary>
    private async Task Quiet(Target t)
    {
        await (t.Probe?.WaitQuietAsync(0.1, 60) ?? Task.Delay(1000));
        if (plan.Smoke)
        {
            return;
        }

        var start = Clock.Now;
        double others;
        do
        {
            var window = new CpuWindow(t.Probe);
            await Task.Delay(1000);
            var use = window.Stop();
            others = use.OtherCores;
        }
        while (others >= NoisyCores && Clock.SecondsSince(start) < 45);
        if (others >= NoisyCores)
        {
            Log($"  (machine busy: others still used {others:F2} cores after 45 s; measuring anyway)");
        }
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>The smoke run passes when events arrived everywhere: no timing is judged.</summary>
    private int SmokeVerdict(SuiteResults r)
    {
        var problems = new List<string>();
        problems.AddRange(r.Fanout.Where(f => f.Delivered == 0 || f.Lost > 0 || f.CommandErrors > 0)
            .Select(f => $"{f.Target} fan-out: delivered {f.Delivered}/{f.Expected}, lost {f.Lost}, errors {f.CommandErrors}"));
        problems.AddRange(r.JoinStorm.Where(j => j.Failures > 0 || j.SecondsUntilAllSeeAll < 0)
            .Select(j => $"{j.Target} join storm: failures {j.Failures} {j.FirstFailure}"));
        problems.AddRange(r.Rest.Where(x => x.Ok == 0 || x.Errors > 0).Select(x => $"{x.Target} {x.Name}: ok {x.Ok}, errors {x.Errors}"));
        problems.AddRange(r.Connections.Where(c => c.Clients == 0 || c.ClosedClients > 0).Select(c => $"{c.Target} connections: {c.Clients} joined, {c.ClosedClients} closed"));
        problems.AddRange(targets.Select(t => t.Name).Except(r.Fanout.Select(f => f.Target)).Select(n => $"{n}: no fan-out result"));
        foreach (var p in problems)
        {
            Log("SMOKE FAILED: " + p);
        }

        Log(problems.Count == 0 ? "smoke passed: events arrived on every target" : $"smoke failed: {problems.Count} problem(s)");
        return problems.Count == 0 ? 0 : 1;
    }

    private static MachineInfo Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
        var mem = long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return new MachineInfo(Environment.ProcessorCount, cpu, mem, System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture), "",
            MachineCpu.LoadAverage1(), Busiest(), "generator and servers on the same machine");
    }

    /// <summary>The busiest processes over one second (from /proc), to tell whether someone else was using the machine.</summary>
    internal static string Busiest()
    {
        var before = ProcessTimes();
        Thread.Sleep(1000);
        var after = ProcessTimes();
        var top = after.Where(a => before.ContainsKey(a.Key))
            .Select(a => (a.Value.Name, Cores: (a.Value.Micros - before[a.Key].Micros) / 1e6))
            .OrderByDescending(x => x.Cores).Take(5);
        return string.Join(", ", top.Select(x => $"{x.Name} {x.Cores:F2} cores"));
    }

    private static Dictionary<int, (string Name, double Micros)> ProcessTimes()
    {
        var times = new Dictionary<int, (string, double)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                    times[pid] = (name, new ServerProbe(pid).CpuMicros());
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                {
                    // The process ended meanwhile.
                }
            }
        }

        return times;
    }
}

/// <summary>The fan-out population and listener of one target, kept across stages.</summary>
internal sealed class FanoutRun(Target target, RestApi api, FanoutScenario scenario) : IAsyncDisposable
{
    public Target Target { get; } = target;

    public FanoutScenario Scenario { get; } = scenario;

    public Population Population { get; } = new(api, "fo");

    public bool SweepGoing { get; set; } = true;

    public async ValueTask DisposeAsync()
    {
        await Population.DisposeAsync();
        api.Dispose();
    }
}
