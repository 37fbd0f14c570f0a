using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FocusMate.TestSupport;

/// <summary>
/// One PostgreSQL database per test, copied from a template migrated once per run: a copy takes a few
/// milliseconds where migrating each database would take most of a second.
/// </summary>
public static class PostgresTestDatabases
{
    private const string Template = "fm_template";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _templateReady;

    public static string NameFor(string dataDirectory) =>
        "fm_" + Path.GetFileName(dataDirectory).Replace("focusmate-tests-", "", StringComparison.Ordinal).ToLowerInvariant();

    public static void EnsureCreated(string server, string database)
    {
        Gate.Wait();
        try
        {
            if (!_templateReady)
            {
                Execute(server, $"DROP DATABASE IF EXISTS \"{Template}\" WITH (FORCE)");
                using (var db = new PostgresFocusMateDbContext(new DbContextOptionsBuilder<PostgresFocusMateDbContext>()
                    .UseNpgsql($"{server};Database={Template}").Options))
                {
                    db.Database.Migrate();
                }

                NpgsqlConnection.ClearAllPools();
                _templateReady = true;
            }

            if (!Exists(server, database))
            {
                Execute(server, $"CREATE DATABASE \"{database}\" TEMPLATE \"{Template}\"");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public static void Drop(string server, string database)
    {
        // Only this test's pool: clearing every pool would cut the connections of tests running beside it.
        using (var pooled = new NpgsqlConnection($"{server};Database={database}"))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        try
        {
            Execute(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
        catch (PostgresException)
        {
            // An autovacuum worker of another role can hold the database for a moment; a leftover
            // database in a throwaway test server harms nothing.
        }
    }

    private static bool Exists(string server, string database)
    {
        using var connection = Open(server);
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return command.ExecuteScalar() is not null;
    }

    private static void Execute(string server, string sql)
    {
        using var connection = Open(server);
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static NpgsqlConnection Open(string server)
    {
        var connection = new NpgsqlConnection($"{server};Database=postgres;Pooling=false");
        connection.Open();
        return connection;
    }
}
