using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Npgsql;
using StackExchange.Redis;
using FocusMate.TestSupport;

namespace FocusMate.ScaleOutTests.Support;

/// <summary>
/// A deployment on this machine: two API processes (the Release build) on one PostgreSQL database and
/// one Redis, behind nginx running the repository's own config template. Each process has a test
/// clock that the tests move forward together. A cluster with <see cref="OwnRedis"/> runs a Redis server of
/// its own, which its tests stop and start.
/// </summary>
public class Cluster : IAsyncLifetime
{
    private const int RedisDatabase = 7;
    private readonly string _work = Directory.CreateTempSubdirectory("focusmate-cluster-").FullName;
    private readonly string _database = $"fm_cluster_{Guid.NewGuid():N}"[..24];
    private Process? _nginx;

    public static string Repository => FocusMate.TestSupport.Repository.Root;

    public IReadOnlyList<ApiInstance> Instances { get; private set; } = [];

    /// <summary>The one origin browsers use: nginx.</summary>
    public Uri Web { get; private set; } = null!;

    public HttpClient Http { get; } = new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });

    /// <summary>How far every instance's clock has been moved on, so a restarted instance can be put level again.</summary>
    public TimeSpan ClockOffset { get; private set; }

    private static string Postgres => Required("FOCUSMATE_TEST_POSTGRES");

    /// <summary>The Redis server of a cluster with its own (null for the shared one the test script starts).</summary>
    public RedisServer? OwnRedis { get; private set; }

    /// <summary>Whether this cluster runs a Redis server of its own that its tests may stop and start.</summary>
    protected virtual bool WithOwnRedis => false;

    /// <summary>Settings of every instance on top of the cluster's.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected string Redis => OwnRedis is { } own ? own.ConnectionString : Required("FOCUSMATE_TEST_REDIS") + $",defaultDatabase={RedisDatabase}";

    /// <summary>The settings every instance gets (one more instance can be started with them).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    /// <summary>The connection string of the cluster's database, for reading what it recorded.</summary>
    public string Database => $"{Postgres};Database={_database}";

    public string WorkFolder => _work;

    public async Task InitializeAsync()
    {
        // nginx workers run as an unprivileged user: they must be able to reach the work folder.
        File.SetUnixFileMode(_work, (UnixFileMode)Convert.ToInt32("755", 8));
        await ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        if (WithOwnRedis)
        {
            OwnRedis = new RedisServer();
            await OwnRedis.StartAsync();
        }

        await FlushRedisAsync();
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__FocusMate"] = Database,
            ["ConnectionStrings__Redis"] = Redis,
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["RateLimiting__Enabled"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            environment[key] = value;
        }

        Environment = environment;
        Instances = [new ApiInstance(1, Ports.Free(), _work, environment), new ApiInstance(2, Ports.Free(), _work, environment)];
        // The first start migrates the database; the second finds it current.
        await Instances[0].StartAsync();
        await Instances[1].StartAsync();
        await StartNginxAsync();
    }

    /// <summary>With <c>FOCUSMATE_CLUSTER_LOGS</c> set, the instances' and nginx's logs are copied there when the cluster ends.</summary>
    private void KeepLogs()
    {
        if (System.Environment.GetEnvironmentVariable("FOCUSMATE_CLUSTER_LOGS") is not { Length: > 0 } folder)
        {
            return;
        }

        var target = Directory.CreateDirectory(Path.Combine(folder, $"{GetType().Name}-{DateTime.UtcNow:HHmmss}"));
        foreach (var log in Directory.GetFiles(_work, "*.log"))
        {
            File.Copy(log, Path.Combine(target.FullName, Path.GetFileName(log)), overwrite: true);
        }
    }

    /// <summary>Another instance of the deployment, not started and not behind nginx.</summary>
    public ApiInstance NewInstance(int number) => new(number, Ports.Free(), _work, Environment);

    public async Task DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            instance.Kill();
        }

        StopNginx();
        Http.Dispose();
        KeepLogs();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        if (OwnRedis is not null)
        {
            OwnRedis.Dispose();
        }
        else
        {
            await FlushRedisAsync();
        }

        try
        {
            // FOCUSMATE_KEEP_CLUSTER=1 keeps the instances' logs (api-N.log) for a look after a failed drill.
            if (System.Environment.GetEnvironmentVariable("FOCUSMATE_KEEP_CLUSTER") != "1")
            {
                Directory.Delete(_work, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Moves every running instance's clock on by the same amount (and wakes their schedulers).</summary>
    public async Task AdvanceClocksAsync(TimeSpan by)
    {
        ClockOffset += by;
        await Task.WhenAll(Instances.Where(i => i.IsRunning).Select(i => i.AdvanceClockAsync(by)));
    }

    /// <summary>Starts a stopped instance and puts its clock level with the others.</summary>
    public async Task RestartAsync(ApiInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        await instance.StartAsync();
        if (ClockOffset > TimeSpan.Zero)
        {
            await instance.AdvanceClockAsync(ClockOffset);
        }
    }

    /// <summary>How many of the room's hub connections the instance holds, from the shared presence in Redis (the shared Redis).</summary>
    public static Task<int> ConnectionsOnAsync(ApiInstance instance, Guid roomId) =>
        ConnectionsOnAsync(Required("FOCUSMATE_TEST_REDIS") + $",defaultDatabase={RedisDatabase}", instance, roomId);

    /// <summary>How many of the room's hub connections the instance holds, in this cluster's presence record.</summary>
    public Task<int> ConnectionsHeldAsync(ApiInstance instance, Guid roomId) => ConnectionsOnAsync(Redis, instance, roomId);

    private static async Task<int> ConnectionsOnAsync(string redisConnection, ApiInstance instance, Guid roomId)
    {
        ArgumentNullException.ThrowIfNull(instance);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnection);
        var connections = await redis.GetDatabase().HashValuesAsync("focusmate:presence:connections");
        // Each value is "room|participant|instance", and an instance id holds its process id: "machine-pid-random".
        return connections.Select(c => c.ToString().Split('|'))
            .Count(parts => parts[0] == roomId.ToString() && parts[2].Contains($"-{instance.ProcessId}-", StringComparison.Ordinal));
    }

    public string NginxLog => File.Exists(Path.Combine(_work, "access.log")) ? File.ReadAllText(Path.Combine(_work, "access.log")) : "";

    /// <summary>nginx's error log (upstream failures write the whole request line there).</summary>
    public string NginxErrorLog => File.Exists(Path.Combine(_work, "error.log")) ? File.ReadAllText(Path.Combine(_work, "error.log")) : "";

    private async Task StartNginxAsync()
    {
        var port = Ports.Free();
        var spa = Path.Combine(Repository, "frontend", "dist");
        if (!File.Exists(Path.Combine(spa, "index.html")))
        {
            throw new InvalidOperationException($"Build the browser app first: {spa} has no index.html (npm run build in frontend/).");
        }

        var template = await File.ReadAllTextAsync(Path.Combine(Repository, "deploy", "nginx", "focusmate.conf.template"));
        var site = template
            .Replace("${NGINX_PORT}", $"127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("${SPA_ROOT}", spa, StringComparison.Ordinal)
            .Replace("${API_SERVERS}", string.Join(' ', Instances.Select(i => $"server 127.0.0.1:{i.Port} max_fails=0;")), StringComparison.Ordinal)
            .Replace("${ACCESS_LOG}", Path.Combine(_work, "access.log"), StringComparison.Ordinal)
            .Replace("${API_UPSTREAM}", "focusmate_api", StringComparison.Ordinal)
            .Replace("${NGINX_RESOLVER}", "127.0.0.11", StringComparison.Ordinal)
            .Replace("${NGINX_SNIPPETS}", Path.Combine(Repository, "deploy", "nginx"), StringComparison.Ordinal)
            // All test traffic comes from 127.0.0.1: limits far above what the suite sends.
            .Replace("${NGINX_API_RATE}", "10000r/s", StringComparison.Ordinal)
            .Replace("${NGINX_API_BURST}", "10000", StringComparison.Ordinal)
            .Replace("${NGINX_HUB_RATE}", "10000r/s", StringComparison.Ordinal)
            .Replace("${NGINX_HUB_BURST}", "10000", StringComparison.Ordinal)
            .Replace("${NGINX_HUB_CONNECTIONS}", "10000", StringComparison.Ordinal);
        var sitePath = Path.Combine(_work, "focusmate.conf");
        await File.WriteAllTextAsync(sitePath, site);
        var main = Path.Combine(_work, "nginx.conf");
        await File.WriteAllTextAsync(main, $$"""
            worker_processes 1;
            daemon off;
            pid {{_work}}/nginx.pid;
            error_log {{_work}}/error.log warn;
            events { worker_connections 1024; }
            http {
                include /etc/nginx/mime.types;
                default_type application/octet-stream;
                client_body_temp_path {{_work}}/client_body;
                proxy_temp_path {{_work}}/proxy;
                fastcgi_temp_path {{_work}}/fastcgi;
                uwsgi_temp_path {{_work}}/uwsgi;
                scgi_temp_path {{_work}}/scgi;
                include {{sitePath}};
            }
            """);
        _nginx = Process.Start(new ProcessStartInfo("nginx", ["-c", main]) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("nginx did not start.");
        Web = new Uri($"http://127.0.0.1:{port}");
        await Eventually.WaitAsync(async () => await Rest.PingAsync(new Uri(Web, "/health")), up => up, TimeSpan.FromSeconds(20));
    }

    private void StopNginx()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            _nginx.WaitForExit(5000);
        }
    }

    protected static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{Postgres};Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task FlushRedisAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis + ",allowAdmin=true");
        await redis.GetDatabase().ExecuteAsync("FLUSHDB");
    }

    private static string Required(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run these tests through scripts/test.sh, which starts PostgreSQL and Redis.");

}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<Cluster>
{
    public const string Name = "cluster";
}
