using System.Text.Json;

namespace FocusMate.Bench;

/// <summary>The generator's commands: the suite, one scenario against one running server, or the report.</summary>
internal static class Commands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cli = new Cli(args);
        var scenarios = new Dictionary<string, Func<Cli, RestApi, ServerProbe?, string, Task>>
        {
            ["fanout"] = RunFanout,
            ["connections"] = RunConnections,
            ["rest"] = RunRest,
            ["joinstorm"] = RunStorm,
        };
        if (scenarios.TryGetValue(cli.Command, out var scenario))
        {
            return await Single(cli, scenario);
        }

        return cli.Command switch
        {
            "suite" => await SuiteCommand(cli),
            "report" => Report.Write(cli.Text("results", "bench/results")),
            _ => Help(),
        };
    }

    private static Task RunConnections(Cli c, RestApi api, ServerProbe? probe, string name) =>
        Print(ConnectionsScenario.RunAsync(api, probe, name, c.Int("clients", 1000), c.Int("room-size", 10), c.Int("steps", 5), Console.WriteLine));

    private static async Task<int> SuiteCommand(Cli cli)
    {
        var targets = new List<Target>();
        foreach (var name in new[] { "focusmate", "bare" })
        {
            if (cli.Text(name) is { } url)
            {
                var uri = new Uri(url);
                targets.Add(new Target(name, uri, cli.Probe(name + "-pid", uri), cli.Text(name + "-label") is { } label ? ", " + label : ""));
            }
        }

        var outDir = cli.Text("out", "bench/results");
        var code = await new Suite(targets, cli.Flag("smoke") ? SuitePlan.SmokeRun : SuitePlan.Full, outDir).RunAsync();
        return cli.Flag("smoke") ? code : Math.Max(code, Report.Write(outDir));
    }

    private static async Task<int> Single(Cli cli, Func<Cli, RestApi, ServerProbe?, string, Task> run)
    {
        var target = new Uri(cli.Text("target", "http://127.0.0.1:8000"));
        var probe = cli.Probe("server-pid", target);
        Console.Error.WriteLine($"target {target}, server pid {probe?.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not found (no CPU/RSS figures)"}");
        using var api = new RestApi(target, 1024);
        await run(cli, api, probe, cli.Text("name", target.Authority));
        return 0;
    }

    private static async Task RunFanout(Cli cli, RestApi api, ServerProbe? probe, string name)
    {
        var roomSize = cli.Int("room-size", 5);
        var clients = cli.Int("clients", 100);
        var scenario = new FanoutScenario(probe);
        await using var population = new Population(api, "fo");
        var rooms = await population.PrepareAsync(clients / roomSize, roomSize);
        await population.ConnectAsync(rooms, scenario, startTimer: true);
        Console.Error.WriteLine($"{population.ConnectedClients} clients joined in {rooms.Count} rooms; timers running");
        foreach (var rate in cli.Numbers("rate", 100))
        {
            await (probe?.WaitQuietAsync(0.1, 60) ?? Task.CompletedTask);
            Console.Error.WriteLine($"stage: {rate} commands/s starting");
            var stage = new FanoutStage(rooms.Sum(r => r.Clients.Length), rooms.Count, rate, cli.Number("warmup", 3), cli.Number("seconds", 15));
            await Print(scenario.RunAsync(stage, rooms, name));
        }
    }

    private static async Task RunRest(Cli cli, RestApi api, ServerProbe? probe, string name)
    {
        var rest = new RestScenario(api, probe, name);
        await rest.PrepareAsync(cli.Int("rooms", 200));
        var seconds = cli.Number("seconds", 15);
        await Print(rest.OpenAsync("GET room", cli.Number("rate", 1000), 3, seconds, rest.GetRoom));
        await Print(rest.OpenAsync("POST pause/resume", cli.Number("post-rate", 200), 3, seconds, rest.PauseResume));
        await Print(rest.ClosedAsync("GET room ceiling", cli.Int("concurrency", 32), 2, seconds, rest.GetRoom));
    }

    private static async Task RunStorm(Cli cli, RestApi api, ServerProbe? probe, string name)
    {
        for (var round = 1; round <= cli.Int("rounds", 1); round++)
        {
            await Print(new JoinStormScenario(api).RunAsync(name, cli.Int("clients", 50), round));
        }
    }

    private static async Task Print<T>(Task<T> result) => Console.WriteLine(JsonSerializer.Serialize(await result, Json.Options));

    private static int Help()
    {
        Console.WriteLine("""
            FocusMate load generator (raw-WebSocket SignalR JSON client). See bench/README.md.
              suite --focusmate URL [--focusmate-pid N] --bare URL [--bare-pid N] [--out DIR] [--smoke]
              fanout --target URL [--server-pid N] [--clients 2000] [--room-size 5] [--rate 1000[,3000]] [--warmup 3] [--seconds 15]
              connections --target URL [--server-pid N] [--clients 1000] [--room-size 10] [--steps 5]
              rest --target URL [--server-pid N] [--rate 1000] [--post-rate 200] [--seconds 15] [--concurrency 32] [--rooms 200]
              joinstorm --target URL [--clients 50] [--rounds 1]
              report [--results DIR]
            Without --server-pid the server is the process listening on the target's port (CPU and RSS from /proc).
            """);
        return 2;
    }
}
