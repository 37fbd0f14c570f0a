using FocusMate.Core.Chat;
using FocusMate.Core.History;
using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using FocusMate.Infrastructure.Data;
using FocusMate.Infrastructure.Presence;
using FocusMate.Infrastructure.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FocusMate.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "FocusMate";

    /// <summary>The database of the configured provider, the repositories and presence.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration,
        string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Validate(o => Enum.IsDefined(o.Provider), "Database:Provider must be Sqlite or Postgres.")
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName)),
                $"Database:Provider=Postgres needs ConnectionStrings:{ConnectionStringName}.")
            .ValidateOnStart();

        var provider = configuration.GetValue(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<FocusMateDbContext, PostgresFocusMateDbContext>(options => options.UseNpgsql(connectionString ?? ""));
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString, dataDirectory);
            services.AddDbContextPool<FocusMateDbContext, SqliteFocusMateDbContext>(options => options
                .UseSqlite(sqlite)
                .AddInterceptors(new SqlitePragmas()));
        }

        services.AddScoped<IRoomRepository, RoomRepository>();
        services.AddScoped<ITimerRepository, TimerRepository>();
        services.AddScoped<IParticipantRepository, ParticipantRepository>();
        services.AddScoped<ISessionRepository, SessionRepository>();
        services.AddScoped<IChatRepository, ChatRepository>();
        services.AddSingleton<IPresenceTracker, InMemoryPresenceTracker>();
        return services;
    }

    /// <summary>The configured SQLite connection string, or a file <c>focusmate.db</c> in the data folder.</summary>
    private static string SqliteConnectionString(string? configured, string dataDirectory)
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
