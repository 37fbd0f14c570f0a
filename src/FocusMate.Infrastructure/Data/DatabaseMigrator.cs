using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FocusMate.Infrastructure.Data;

public static class DatabaseMigrator
{
    /// <summary>Brings the database to the latest migration of its provider (SQLite files are switched to WAL first).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FocusMateDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        await CreateHistoryTableIfMissingAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Npgsql's migrator reads the migrations history before EF creates its table, so on an empty PostgreSQL
    /// database that read fails: EF logs "Failed executing DbCommand" at Error level and PostgreSQL an ERROR,
    /// although nothing is wrong. Creating the empty table first, when the catalog says it is missing, makes a
    /// first start log no error. (EF's own existence check runs that same failing read, so the catalog is asked.)
    /// </summary>
    private static async Task CreateHistoryTableIfMissingAsync(FocusMateDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || !await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return;
        }

        var missing = await db.Database
            .SqlQueryRaw<bool>("""SELECT to_regclass('"__EFMigrationsHistory"') IS NULL AS "Value" """)
            .SingleAsync(cancellationToken);
        if (missing)
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
