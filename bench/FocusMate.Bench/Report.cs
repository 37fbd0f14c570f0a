using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FocusMate.Bench;

/// <summary>Writes report.md and the charts from results.json (and embeds hotspots.md, the profile notes, when present).</summary>
internal static class Report
{
    private const string Fm = "focusmate";
    private const string Bare = "bare";

    public static int Write(string dir)
    {
        var path = Path.Combine(dir, "results.json");
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"no {path}: run the suite first");
            return 1;
        }

        var results = JsonSerializer.Deserialize<SuiteResults>(File.ReadAllText(path), Json.Options)!;
        DrawCharts(dir, results);
        var md = new Markdown();
        Header(md, results);
        Targets(md, results);
        FanoutTables(md, results);
        Ratios(md, results);
        ConnectionsTable(md, results);
        RestTable(md, results);
        StormTable(md, results);
        HotSpots(md, dir);
        Notes(md, results);
        File.WriteAllText(Path.Combine(dir, "report.md"), md.ToString());
        Console.WriteLine($"wrote {Path.Combine(dir, "report.md")} and charts");
        return 0;
    }

    private static void DrawCharts(string dir, SuiteResults r)
    {
        Charts.Latency(Path.Combine(dir, "fanout-latency-vs-rate.png"), "Fan-out latency against command rate (2,000 clients in 400 rooms)",
            "timer commands per second (each delivered to the room's 5 clients)", Kept(r).Where(f => f.Clients == 2000), f => f.CommandsPerSecond);
        Charts.Latency(Path.Combine(dir, "fanout-latency-vs-clients.png"), "Fan-out latency against clients (rooms of 5, 0.5 commands/s per client)",
            "joined clients", Kept(r).Where(IsSweep), f => f.Clients);
        Charts.Memory(Path.Combine(dir, "memory-vs-connections.png"), r.Connections);
        Charts.CpuPerDelivery(Path.Combine(dir, "cpu-per-delivery.png"), Kept(r).Where(f => f.Clients == 2000));
    }

    internal static bool IsSweep(FanoutResult f) => Math.Abs(f.CommandsPerSecond - (f.Clients / 2.0)) < 0.01;

    private static FanoutResult? At(SuiteResults r, string target, int clients, double rate) =>
        Kept(r).LastOrDefault(f => f.Target == target && f.Clients == clients && Math.Abs(f.CommandsPerSecond - rate) < 0.01);

    /// <summary>The fan-out results that count: a noisy first measurement that was measured again is shown but not used.</summary>
    internal static IEnumerable<FanoutResult> Kept(SuiteResults r) => r.Fanout.Where(f => f.Note is null || !f.Note.StartsWith("noisy", StringComparison.Ordinal));

    private static void Header(Markdown md, SuiteResults r)
    {
        var m = r.Machine;
        md.Line("# FocusMate load benchmark: report");
        md.Line();
        md.Line($"Run {m.StartedAt} → {m.FinishedAt}. Machine: {m.Cores} cores ({m.Cpu}), {m.MemoryBytes / 1073741824.0:F0} GiB, {m.Os}, {m.Runtime}.");
        md.Line($"**Generator and servers share the same {m.Cores} cores** (one box, loopback). Load average at start {m.LoadAverageAtStart}; busiest processes at start: {m.BusiestAtStart}.");
        md.Line("FocusMate: Release build, fresh temporary SQLite data directory, single process, `RateLimiting__Enabled=false`, `Serilog__MinimumLevel__Default=Warning` (request logging off), runtime settings as shipped (workstation concurrent GC, no thread-pool spinning: see the app's runtimeconfig). Bare: ASP.NET Core defaults (server GC).");
        md.Line("Bare: `bench/BareHub` (same wire shapes, in memory, no database, no auth), Release. Targets: " +
            string.Join(", ", r.Targets.Select(t => $"{t.Key} = {t.Value}")) + ".");
        md.Line("Every table's \"others\" column is the CPU (in cores) that neither the server nor the generator used during the window: other engineers' work on the shared machine.");
        md.Line();
        md.Line("![latency against rate](fanout-latency-vs-rate.png)");
        md.Line("![latency against clients](fanout-latency-vs-clients.png)");
        md.Line("![memory against connections](memory-vs-connections.png)");
        md.Line("![CPU per delivery](cpu-per-delivery.png)");
        md.Line();
    }

    private static void Targets(Markdown md, SuiteResults r)
    {
        md.Line("## Targets of issue #6");
        md.Line();
        md.Line("| target | FocusMate | bare | verdict |");
        md.Line("| --- | --- | --- | --- |");
        FanoutTarget(md, r, 1000, 17, "2,000 clients / 400 rooms, 1,000 commands/s: p99 ≤ 17 ms, nothing lost or out of order");
        FanoutTarget(md, r, 3000, 20, "stretch: 3,000 commands/s: p99 ≤ 20 ms");
        MemoryTarget(md, r);
        RestTargets(md, r);
        LargestTarget(md, r);
        RateTarget(md, r);
        md.Line();
    }

    private static string Fan(FanoutResult? f) => f is null
        ? "not run"
        : $"p99 {f.Latency.P99:F1} ms (p50 {f.Latency.P50:F1}, p95 {f.Latency.P95:F1}), lost {f.Lost}, out of order {f.OutOfOrder}, errors {f.CommandErrors}";

    private static void FanoutTarget(Markdown md, SuiteResults r, double rate, double p99, string what)
    {
        var fm = At(r, Fm, 2000, rate);
        var met = fm is not null && fm.Latency.P99 <= p99 && fm.Lost == 0 && fm.OutOfOrder == 0 && fm.CommandErrors == 0;
        md.Line($"| {what} | {Fan(fm)} | {Fan(At(r, Bare, 2000, rate))} | {Verdict(met)} |");
    }

    private static void MemoryTarget(Markdown md, SuiteResults r)
    {
        var fm = r.Connections.FirstOrDefault(c => c.Target == Fm);
        var bare = r.Connections.FirstOrDefault(c => c.Target == Bare);
        static string Mem(ConnectionsResult? c) => c is null ? "not run"
            : $"{c.BytesPerConnection / 1024:F1} KiB per joined client ((RSS after − before) / {c.Clients}; slope {c.SlopeBytesPerConnection / 1024:F1} KiB)";
        var met = fm is not null && Math.Max(fm.BytesPerConnection, fm.SlopeBytesPerConnection) <= 32 * 1024;
        md.Line($"| at most 32 KB of server memory per joined client | {Mem(fm)} | {Mem(bare)} | {Verdict(met)} |");
    }

    private static RestResult? Rest(SuiteResults r, string target, string name) =>
        r.Rest.FirstOrDefault(x => x.Target == target && x.Name == name);

    private static void RestTargets(Markdown md, SuiteResults r)
    {
        static string Get(RestResult? x) => x is null ? "not run" : $"p99 {x.Latency.P99:F1} ms (p50 {x.Latency.P50:F1}), errors {x.Errors}, dropped {x.Dropped}";
        var fmGet = Rest(r, Fm, "GET room");
        md.Line($"| REST GET room p99 ≤ 10 ms at 1,000 requests/s | {Get(fmGet)} | {Get(Rest(r, Bare, "GET room"))} | " +
            $"{Verdict(fmGet is not null && fmGet.Latency.P99 <= 10 && fmGet.Errors == 0)} |");
        var fmCeil = Rest(r, Fm, "GET room ceiling");
        var bareCeil = Rest(r, Bare, "GET room ceiling");
        var ratio = fmCeil is null || bareCeil is null ? 0 : fmCeil.RequestsPerSecondDone / Math.Max(1, bareCeil.RequestsPerSecondDone);
        static string Ceil(RestResult? x) => x is null ? "not run" : $"{x.RequestsPerSecondDone:N0} requests/s ({x.Concurrency} workers)";
        md.Line($"| closed-loop GET ceiling ≥ ¼ of the bare endpoint's | {Ceil(fmCeil)} | {Ceil(bareCeil)} | {Verdict(ratio >= 0.25)} (ratio {ratio:F3}) |");
    }

    /// <summary>The largest sweep client count (rooms of 5, 0.5 commands/s per client) with p95 under 100 ms.</summary>
    internal static int Largest(SuiteResults r, string target) =>
        Kept(r).Where(f => f.Target == target && IsSweep(f) && f.Latency.P95 < 100 && f.Lost == 0).Select(f => f.Clients).DefaultIfEmpty(0).Max();

    private static void LargestTarget(Markdown md, SuiteResults r)
    {
        var tried = r.Fanout.Where(f => f.Target == Fm && IsSweep(f)).Select(f => f.Clients).DefaultIfEmpty(0).Max();
        md.Line($"| largest client count with fan-out p95 < 100 ms (rooms of 5, 0.5 commands/s per client; largest tried {tried:N0}) | " +
            $"{Largest(r, Fm):N0} clients | {Largest(r, Bare):N0} clients | measured |");
    }

    /// <summary>The highest delivery rate a target sustained with p95 under 100 ms and nothing lost.</summary>
    internal static double Sustained(SuiteResults r, string target) =>
        Kept(r).Where(f => f.Target == target && f.Latency.P95 < 100 && f.Lost == 0).Select(f => f.DeliveriesPerSecond).DefaultIfEmpty(0).Max();

    private static void RateTarget(Markdown md, SuiteResults r)
    {
        var fm = Sustained(r, Fm);
        var bare = Sustained(r, Bare);
        var ratio = bare == 0 ? 0 : fm / bare;
        var cpuFm = At(r, Fm, 2000, 1000)?.ServerCpuMicrosPerDelivery ?? 0;
        var cpuBare = At(r, Bare, 2000, 1000)?.ServerCpuMicrosPerDelivery ?? 0;
        var cpuRatio = cpuFm == 0 ? 0 : cpuBare / cpuFm;
        md.Line($"| hub fan-out ≥ ½ the bare hub's message rate | {fm:N0} deliveries/s sustained (p95 < 100 ms, none lost); {cpuFm:F0} µs CPU/delivery | " +
            $"{bare:N0} deliveries/s; {cpuBare:F0} µs CPU/delivery | {Verdict(ratio >= 0.5)} (rate ratio {ratio:F2}; CPU-cost ratio {cpuRatio:F2}) |");
    }

    private static string Verdict(bool met) => met ? "**met**" : "**missed**";

    private static void FanoutTables(Markdown md, SuiteResults r)
    {
        md.Line("## Fan-out");
        md.Line();
        md.Line("Each room's host alternates pause/resume on a running timer; commands leave on an open-model schedule (never waiting for answers) spread round-robin over the rooms. " +
            "Latency: from the moment the generator hands the command to the socket to the moment each client of the room (the host included) reads its `timer_update`, on one monotonic clock. " +
            "Lost: expected deliveries (commands × room size, minus refused commands) that never arrived within the drain; out of order: a `version` lower than one the client already saw.");
        md.Line();
        md.Line("| target | clients | rooms | cmd/s | p50 ms | p95 ms | p99 ms | max ms | delivered / expected | lost | out of order | errors | server cores | µs CPU / delivery | generator cores | others cores | dispatch lag p99 ms | note |");
        md.Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var f in r.Fanout.OrderBy(f => f.Target != Fm).ThenBy(f => f.Clients).ThenBy(f => f.CommandsPerSecond))
        {
            md.Line($"| {f.Target} | {f.Clients:N0} | {f.Rooms} | {f.CommandsPerSecond:N0} | {f.Latency.P50:F1} | {f.Latency.P95:F1} | {f.Latency.P99:F1} | {f.Latency.Max:F1} | " +
                $"{f.Delivered:N0} / {f.Expected:N0} | {f.Lost:N0} | {f.OutOfOrder} | {f.CommandErrors} | {f.Cpu.ServerCores:F2} | {f.ServerCpuMicrosPerDelivery:F0} | {f.Cpu.GeneratorCores:F2} | {f.Cpu.OtherCores:F2} | {f.DispatchLag.P99:F1} | {f.Note} |");
        }

        md.Line();
    }

    private static void Ratios(Markdown md, SuiteResults r)
    {
        md.Line("## FocusMate / bare ratios (same generator, same run)");
        md.Line();
        md.Line("| clients | cmd/s | p50 ratio | p99 ratio | CPU µs per delivery ratio |");
        md.Line("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var fm in Kept(r).Where(f => f.Target == Fm).OrderBy(f => f.Clients).ThenBy(f => f.CommandsPerSecond))
        {
            if (At(r, Bare, fm.Clients, fm.CommandsPerSecond) is { } bare)
            {
                md.Line($"| {fm.Clients:N0} | {fm.CommandsPerSecond:N0} | {Ratio(fm.Latency.P50, bare.Latency.P50)} | {Ratio(fm.Latency.P99, bare.Latency.P99)} | " +
                    $"{Ratio(fm.ServerCpuMicrosPerDelivery, bare.ServerCpuMicrosPerDelivery)} |");
            }
        }

        foreach (var name in r.Rest.Where(x => x.Target == Fm).Select(x => x.Name))
        {
            var (fm, bare) = (Rest(r, Fm, name)!, Rest(r, Bare, name));
            if (bare is not null)
            {
                md.Line($"| REST {name} | {fm.RequestsPerSecondDone:N0}/s | {Ratio(fm.Latency.P50, bare.Latency.P50)} | {Ratio(fm.Latency.P99, bare.Latency.P99)} | " +
                    $"{Ratio(fm.ServerCpuMicrosPerRequest, bare.ServerCpuMicrosPerRequest)} (per request) |");
            }
        }

        md.Line();
    }

    private static string Ratio(double a, double b) => b <= 0 ? "–" : (a / b).ToString("F1", CultureInfo.InvariantCulture) + "×";

    private static void ConnectionsTable(Markdown md, SuiteResults r)
    {
        md.Section("Connections (joined, idle)", "Rooms of 10 made over REST first; RSS read from `/proc/<pid>/status` before the first connection, after each step (once the server is quiet) and after 10 s idle.",
            "| target | clients | RSS before MiB | RSS after MiB | RSS after 10 s idle MiB | KiB per client | slope KiB per client | joins/s | closed |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var c in r.Connections)
        {
            md.Line($"| {c.Target} | {c.Clients:N0} | {c.RssBeforeBytes / 1048576.0:F1} | {c.RssAfterBytes / 1048576.0:F1} | {c.RssAfterIdleBytes / 1048576.0:F1} | " +
                $"{c.BytesPerConnection / 1024:F1} | {c.SlopeBytesPerConnection / 1024:F1} | {c.ConnectsPerSecond:F0} | {c.ClosedClients} |");
        }

        md.Line();
    }

    private static void RestTable(Markdown md, SuiteResults r)
    {
        md.Section("REST", "Open model: requests leave at a constant rate whatever the answers, latency counted from the planned instant. Ceiling: closed loop, N workers back to back (HttpClient on the same cores as the server, so it is lower than wrk would show).",
            "| target | run | model | asked/s | done/s | p50 ms | p95 ms | p99 ms | max ms | ok | 409 | errors | dropped | server cores | µs CPU / request | others cores |",
            "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var x in r.Rest)
        {
            md.Line($"| {x.Target} | {x.Name} | {x.Model} | {x.RequestsPerSecondAsked:N0} | {x.RequestsPerSecondDone:N0} | {x.Latency.P50:F1} | {x.Latency.P95:F1} | {x.Latency.P99:F1} | " +
                $"{x.Latency.Max:F1} | {x.Ok:N0} | {x.Conflicts} | {x.Errors} | {x.Dropped} | {x.Cpu.ServerCores:F2} | {x.ServerCpuMicrosPerRequest:F0} | {x.Cpu.OtherCores:F2} |");
        }

        md.Line();
    }

    private static void StormTable(Markdown md, SuiteResults r)
    {
        md.Section("Join storm", "K clients start together: REST join (the host is one of them), hub connect, `join_room`. A client holds the full list when its snapshot plus the `participant_update` events it got name all K online.",
            "| target | K | round | all hold the full list after s | per client p50 ms | per client max ms | join_room answered p50 ms | max ms | failures |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in r.JoinStorm)
        {
            md.Line($"| {s.Target} | {s.Clients} | {s.Round} | {s.SecondsUntilAllSeeAll:F3} | {s.PerClientFullList.P50:F0} | {s.PerClientFullList.Max:F0} | {s.JoinCall.P50:F0} | {s.JoinCall.Max:F0} | {s.Failures} |");
        }

        md.Line();
    }

    private static void HotSpots(Markdown md, string dir)
    {
        var notes = Path.Combine(dir, "hotspots.md");
        if (File.Exists(notes))
        {
            md.Line(File.ReadAllText(notes).TrimEnd());
            md.Line();
        }
    }

    private static void Notes(Markdown md, SuiteResults r)
    {
        md.Line("## Run log");
        md.Line();
        md.Line("```");
        foreach (var line in r.Log)
        {
            md.Line(line);
        }

        md.Line("```");
    }

    /// <summary>A Markdown text built line by line with invariant formatting.</summary>
    private sealed class Markdown
    {
        private readonly StringBuilder _text = new();

        public void Line(FormattableString line) => _text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

        public void Line(string line = "") => _text.Append(line).Append('\n');

        /// <summary>A section of one table: its heading, what it measures, the table's header and alignment rows.</summary>
        public void Section(string title, string intro, string header, string alignment)
        {
            Line("## " + title);
            Line();
            Line(intro);
            Line();
            Line(header);
            Line(alignment);
        }

        public override string ToString() => _text.ToString();
    }
}
