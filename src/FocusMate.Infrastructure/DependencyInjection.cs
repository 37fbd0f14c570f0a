using FocusMate.Core.Audit;
using FocusMate.Core.Chat;
using FocusMate.Core.Errors;
using FocusMate.Core.History;
using FocusMate.Core.Participants;
using FocusMate.Core.Push;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using FocusMate.Infrastructure.Data;
using FocusMate.Infrastructure.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusMate.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "FocusMate";

    /// <summary>
    /// The database of the configured provider (SQLite or PostgreSQL), its repositories and its instruments, and
    /// its health check, tagged <paramref name="readinessTag"/> for the readiness probe.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration,
        string dataDirectory, string readinessTag)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.WriteQueueLimit > 0 && o.WriteQueueTimeout > TimeSpan.Zero, "Database:WriteQueueLimit and Database:WriteQueueTimeout must be positive.")
            .Validate(o => Enum.IsDefined(o.Provider), "Database:Provider must be Sqlite or Postgres.")
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName)),
                $"Database:Provider=Postgres needs ConnectionStrings:{ConnectionStringName}.")
            .ValidateOnStart();

        var provider = configuration.GetValue(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Postgres)
        {
            var limits = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            services.AddDbContextPool<FocusMateDbContext, PostgresFocusMateDbContext>(options => options.UseNpgsql(PostgresConnectionString(connectionString, limits)));
            services.AddSingleton<WriteLock, ConcurrentWrites>();
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString, dataDirectory);
            services.AddDbContextPool<FocusMateDbContext, SqliteFocusMateDbContext>(options => options
                .UseSqlite(sqlite)
                .AddInterceptors(new SqlitePragmas()));
            services.AddSingleton<WriteLock, SerializedWrites>();
            services.AddHostedService(provider => new SqliteCheckpoints(sqlite, provider.GetRequiredService<ILogger<SqliteCheckpoints>>()));
        }

        services.AddSingleton<Caching.RoomCache>();
        services.AddSingleton<TimerWrites>();
        services.AddHostedService(provider => provider.GetRequiredService<TimerWrites>());
        services.AddScoped<IRoomRepository, RoomRepository>();
        services.AddScoped<ITimerRepository, TimerRepository>();
        services.AddScoped<IParticipantRepository, ParticipantRepository>();
        services.AddScoped<ISessionRepository, SessionRepository>();
        services.AddScoped<IChatRepository, ChatRepository>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IFocusLog, FocusLog>();
        services.AddScoped<IPushSubscriptionRepository, PushSubscriptionRepository>();
        services.AddSingleton<IOverloadDetector, DatabaseOverload>();
        services.AddSingleton<Telemetry.DatabaseMetrics>();
        services.AddHostedService(provider => provider.GetRequiredService<Telemetry.DatabaseMetrics>());
        services.AddHealthChecks().AddDbContextCheck<FocusMateDbContext>("database", tags: [readinessTag]);
        return services;
    }

    /// <summary>
    /// The configured PostgreSQL connection string, with a pool of <see cref="DatabaseOptions.MaxPoolSize"/> unless it
    /// sets its own: Npgsql's default of 100 per instance makes two instances exceed PostgreSQL's default of 100
    /// connections, and a join storm after a failover then finds the server refusing connections.
    /// </summary>
    private static string PostgresConnectionString(string? configured, DatabaseOptions limits)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured ?? "");
        if (!(configured ?? "").Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            && !(configured ?? "").Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = limits.MaxPoolSize;
        }

        return builder.ConnectionString;
    }

    /// <summary>The configured SQLite connection string, or a file <c>focusmate.db</c> in the data folder.</summary>
    internal static string SqliteConnectionString(string? configured, string dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "");
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            Directory.CreateDirectory(dataDirectory);
            builder.DataSource = Path.Combine(dataDirectory, "focusmate.db");
        }

        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
