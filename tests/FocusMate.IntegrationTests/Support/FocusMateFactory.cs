using FocusMate.Core.Timers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FocusMate.IntegrationTests.Support;

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

    public FocusMateFactory(string? dataDirectory = null, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? NewDataDirectory();
        Clock = clock ?? new FakeTimeProvider(Start);
        _services = services;
    }

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
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
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

    /// <summary>Runs the scheduler's pass now (it also runs by itself; this is for tests that need a result to await).</summary>
    public Task<TimeSpan> RunSchedulerPassAsync() =>
        Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<PhaseScheduler>().Single().RunPassAsync(CancellationToken.None);
}
