using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FocusMate.TestSupport;

namespace FocusMate.ComposeTests.Support;

/// <summary>A volume a container mounts: named ones belong to the project, anonymous ones have a generated id.</summary>
public sealed record VolumeMount(string Container, string Name, string Destination);

/// <summary>
/// One compose shape of the clean checkout, as a deployment: a project of its own (unique name), published on a
/// free port on 127.0.0.1, brought up with `docker compose up --wait` before the tests and taken down with
/// `down -v` after them.
/// </summary>
public abstract class ComposeStack : IAsyncLifetime
{
    private const string ProjectLabel = "com.docker.compose.project";
    private readonly string[] _files;
    private readonly Dictionary<string, string> _environment;

    protected ComposeStack(string shape, string[] files, Dictionary<string, string> environment)
    {
        Shape = shape;
        _files = files;
        var prefix = Environment.GetEnvironmentVariable("FOCUSMATE_COMPOSE_PROJECT_PREFIX") is { Length: > 0 } p ? p : "fmct";
        Project = $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}-{shape}";
        Port = FreePort();
        Web = new Uri($"http://127.0.0.1:{Port}");
        _environment = new Dictionary<string, string>(environment) { ["FOCUSMATE_PORT"] = $"127.0.0.1:{Port}" };
        Http = new HttpClient { BaseAddress = Web, Timeout = TimeSpan.FromSeconds(20) };
    }

    public string Shape { get; }

    public string Project { get; }

    public int Port { get; }

    /// <summary>The one origin browsers use: nginx on the published port.</summary>
    public Uri Web { get; }

    public HttpClient Http { get; }

    public string Network => $"{Project}_default";

    /// <summary>A room an earlier step of the deployment's life left behind for later steps, with its running timer.</summary>
    public (FocusMate.Api.Contracts.CreatedRoomResponse Room, FocusMate.Api.Contracts.TimerStateResponse Started)? Remembered { get; private set; }

    public void Remember(FocusMate.Api.Contracts.CreatedRoomResponse room, FocusMate.Api.Contracts.TimerStateResponse started) =>
        Remembered = (room, started);

    public async Task InitializeAsync()
    {
        await Images.BuildAsync();
        var elapsed = await UpAsync();
        Report.Add($"{Shape} shape: `up` to healthy in {Report.Seconds(elapsed)}");
    }

    public async Task DisposeAsync()
    {
        // Also when a test failed half-way: nothing of the project may stay behind.
        await ComposeAsync(TimeSpan.FromMinutes(2), "down", "-v", "--remove-orphans", "--timeout", "5");
        Http.Dispose();
    }

    /// <summary><c>docker compose</c> with this project's name and files, in the checkout.</summary>
    public Task<CommandResult> ComposeAsync(params string[] arguments) => ComposeAsync(TimeSpan.FromMinutes(3), arguments);

    public Task<CommandResult> ComposeAsync(TimeSpan timeout, params string[] arguments)
    {
        var all = new List<string> { "compose", "-p", Project };
        foreach (var file in _files)
        {
            all.Add("-f");
            all.Add(file);
        }

        all.AddRange(arguments);
        return Docker.RunAsync(all, Checkout.Path, _environment, timeout);
    }

    /// <summary>`up -d --wait` (every service running and healthy); how long it took.</summary>
    public async Task<TimeSpan> UpAsync(params string[] services)
    {
        var watch = Stopwatch.StartNew();
        var up = await ComposeAsync(TimeSpan.FromMinutes(4), ["up", "-d", "--wait", "--wait-timeout", "180", .. services]);
        if (!up.Succeeded)
        {
            var logs = await ComposeAsync("logs", "--no-color", "--tail", "40");
            throw new InvalidOperationException($"{up.Describe()}\n--- logs ---\n{logs.Output}{logs.Error}");
        }

        return watch.Elapsed;
    }

    public async Task DownAsync(bool volumes)
    {
        var arguments = volumes ? new[] { "down", "-v", "--timeout", "5" } : ["down", "--timeout", "5"];
        (await ComposeAsync(arguments)).OrThrow();
    }

    /// <summary>The id of the service's container (running or not).</summary>
    public async Task<string> ContainerAsync(string service)
    {
        var id = (await ComposeAsync("ps", "-a", "-q", service)).OrThrow().Output.Trim();
        return id.Length > 0 ? id : throw new InvalidOperationException($"{service} has no container in {Project}.");
    }

    /// <summary>What the service wrote to stdout and stderr, without compose's prefixes (and its erase-line codes).</summary>
    public async Task<string> LogsAsync(string service) =>
        (await ComposeAsync("logs", "--no-color", "--no-log-prefix", service)).OrThrow().Output.Replace("\u001b[2K", "", StringComparison.Ordinal);

    /// <summary>One field of `docker inspect` of the service's container, as a Go template (e.g. {{.State.Health.Status}}).</summary>
    public async Task<string> InspectAsync(string service, string format) =>
        await Docker.OutputAsync("inspect", "--format", format, await ContainerAsync(service));

    /// <summary>Every service of the project with its state and health, from `docker compose ps`.</summary>
    public async Task<IReadOnlyDictionary<string, string>> StatesAsync()
    {
        var lines = (await ComposeAsync("ps", "-a", "--format", "{{.Service}} {{.State}} {{.Health}}")).OrThrow().Output;
        return lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
    }

    /// <summary>The volumes the project's containers mount.</summary>
    public async Task<IReadOnlyList<VolumeMount>> VolumeMountsAsync()
    {
        var mounts = new List<VolumeMount>();
        foreach (var container in await Docker.LinesAsync("ps", "-a", "-q", "--filter", $"label={ProjectLabel}={Project}"))
        {
            var name = await Docker.OutputAsync("inspect", "--format", "{{.Name}}", container);
            using var json = JsonDocument.Parse(await Docker.OutputAsync("inspect", "--format", "{{json .Mounts}}", container));
            mounts.AddRange(json.RootElement.EnumerateArray()
                .Where(m => m.GetProperty("Type").GetString() == "volume")
                .Select(m => new VolumeMount(name.TrimStart('/'), m.GetProperty("Name").GetString()!, m.GetProperty("Destination").GetString()!)));
        }

        return mounts;
    }

    /// <summary>
    /// `down -v`; returns the volumes the containers mounted before, and what of the project is left after it:
    /// containers, networks and volumes with the project's label, and any of those volumes (anonymous ones carry no label).
    /// </summary>
    public async Task<(IReadOnlyList<string> Mounted, IReadOnlyList<string> Left)> DownWithVolumesAsync()
    {
        var mounted = (await VolumeMountsAsync()).Select(m => m.Name).ToList();
        await DownAsync(volumes: true);
        return (mounted, await LeftoversAsync(mounted));
    }

    private async Task<IReadOnlyList<string>> LeftoversAsync(IEnumerable<string> volumes)
    {
        var filter = $"label={ProjectLabel}={Project}";
        var left = new List<string>();
        left.AddRange((await Docker.LinesAsync("ps", "-a", "--filter", filter, "--format", "{{.Names}}")).Select(n => $"container {n}"));
        left.AddRange((await Docker.LinesAsync("network", "ls", "--filter", filter, "--format", "{{.Name}}")).Select(n => $"network {n}"));
        left.AddRange((await Docker.LinesAsync("volume", "ls", "--filter", filter, "--format", "{{.Name}}")).Select(n => $"volume {n}"));
        var existing = await Docker.LinesAsync("volume", "ls", "--format", "{{.Name}}");
        left.AddRange(volumes.Intersect(existing).Select(n => $"volume {n}"));
        return [.. left.Distinct()];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>`docker compose up`: nginx and one API on SQLite in a named volume.</summary>
public sealed class SingleStack() : ComposeStack("single", ["docker-compose.yml"], []);

/// <summary>
/// `docker compose -f docker-compose.yml -f docker-compose.scale.yml up`: nginx, two API instances, PostgreSQL and
/// Redis, with the signing key and the database password given through the environment (as .env would).
/// </summary>
public sealed class ScaleStack() : ComposeStack("scale", ["docker-compose.yml", "docker-compose.scale.yml"], new()
{
    ["FOCUSMATE_SIGNING_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
    ["POSTGRES_PASSWORD"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
})
{
    /// <summary>
    /// Which API services hold each participant's hub connections in the room, from the presence the instances
    /// share in Redis ("room|participant|instance", an instance id starting with its container's host name).
    /// Waits until at least <paramref name="participants"/> participants are there.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, HashSet<string>>> InstancesOfAsync(Guid roomId, int participants)
    {
        var hosts = new Dictionary<string, string>();
        foreach (var service in new[] { "api", "api-2" })
        {
            hosts[await InspectAsync(service, "{{.Config.Hostname}}")] = service;
        }

        return await Eventually.WaitAsync(async () =>
        {
            var values = (await ComposeAsync("exec", "-T", "redis", "redis-cli", "--raw", "HVALS", "focusmate:presence:connections")).OrThrow().Output;
            return values.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => v.Split('|'))
                .Where(parts => parts.Length == 3 && parts[0] == roomId.ToString())
                .GroupBy(parts => Guid.Parse(parts[1]))
                .ToDictionary(g => g.Key, g => g.Select(parts => hosts.FirstOrDefault(h => parts[2].StartsWith(h.Key + "-", StringComparison.Ordinal)).Value ?? parts[2]).ToHashSet());
        }, found => found.Count >= participants, TimeSpan.FromSeconds(15));
    }
}
