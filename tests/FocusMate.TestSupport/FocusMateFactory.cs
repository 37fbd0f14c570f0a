using FocusMate.Core.Background;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace FocusMate.TestSupport;

/// <summary>
/// The real app over its own database, on a fake clock: a SQLite file in a private data folder, or, when
/// <c>FOCUSMATE_TEST_POSTGRES</c> holds a server's connection string, a PostgreSQL database of its own
/// named after that folder. Two factories given the same folder are two instances over one database
/// (restart, or a second instance racing).
/// </summary>
public sealed class FocusMateFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly bool _ownsDataDirectory;
    private readonly Action<IServiceCollection>? _services;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="dataDirectory">A data folder to share with another factory (a restart, a second instance); a new one when null.</param>
    /// <param name="clock">The fake clock; a new one at <see cref="Start"/> when null.</param>
    /// <param name="services">Replaces services after the app's own.</param>
    /// <param name="settings">Configuration on top of the tests' defaults (<c>RateLimiting:Chat:PermitLimit</c> = 2, …).</param>
    public FocusMateFactory(string? dataDirectory = null, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? NewDataDirectory();
        Clock = clock ?? new FakeTimeProvider(Start);
        _services = services;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>A request header that sets the client address the app sees, as a connection from that address would.</summary>
    public const string PeerHeader = "X-Test-Peer";

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; }

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("focusmate-tests-").FullName;

    /// <summary>The PostgreSQL server the suite runs against, if any (a connection string without a database).</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("FOCUSMATE_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    private static readonly (string Policy, string Permits)[] LimitsOutOfReach =
        [("CreateRoom", "100000"), ("Join", "100000"), ("Api", "100000"), ("Commands", "100000"), ("Settings", "100000"), ("Hub", "100000")];

    /// <summary>Moves the fake clock on; the scheduler wakes for anything that fell due.</summary>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataDirectory", DataDirectory);
        if (PostgresServer is { } server)
        {
            var database = PostgresTestDatabases.NameFor(DataDirectory);
            PostgresTestDatabases.EnsureCreated(server, database);
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:FocusMate", $"{server};Database={database}");
        }

        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft", "Error");
        builder.UseSetting("Spa:RootPath", Path.Combine(DataDirectory, "no-spa"));
        // Tests sweep on demand; a background sweep would race them once the fake clock jumps days ahead.
        builder.UseSetting("Retention:SweepInBackground", "false");
        // Every request of a test comes from one client at one instant of the fake clock: the limits stay on
        // (chat keeps its default, which the chat tests rely on) but the others are out of reach unless a
        // test sets them (see RateLimitTests).
        foreach (var (policy, permits) in LimitsOutOfReach)
        {
            builder.UseSetting($"RateLimiting:{policy}:PermitLimit", permits);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, PeerAddress>();
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataDirectory)
        {
            DeleteQuietly(DataDirectory);
        }
    }

    /// <summary>Removes a data folder and, on PostgreSQL, the database named after it.</summary>
    public static void DeleteQuietly(string directory)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }

        if (PostgresServer is { } server)
        {
            PostgresTestDatabases.Drop(server, PostgresTestDatabases.NameFor(directory));
        }
    }

    /// <summary>The test server has no sockets: a request says which address it comes from (<see cref="PeerHeader"/>), else 10.0.0.1.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, rest) =>
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(
                    context.Request.Headers.TryGetValue(PeerHeader, out var peer) ? peer.ToString() : "10.0.0.1");
                return rest(context);
            });
            next(app);
        };
    }

    /// <summary>Runs the scheduler's pass now (it also runs by itself; this is for tests that need a result to await).</summary>
    public Task<TimeSpan> RunSchedulerPassAsync() =>
        Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<PhaseScheduler>().Single().RunPassAsync(CancellationToken.None);
}
