using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// Per-connection SQLite settings. With WAL (set once per file at start-up), <c>synchronous=NORMAL</c>
/// keeps every committed change across a process crash and skips a disk flush per commit. Writers in this
/// process queue on <see cref="WriteLock"/>; <c>busy_timeout</c> covers another process writing the same
/// file (SQLite then waits in short steps instead of Microsoft.Data.Sqlite's 150 ms retry sleep).
/// </summary>
/// <remarks>
/// The settings belong to the native connection, which Microsoft.Data.Sqlite pools: they are applied the
/// first time a native connection is opened, not on every open (EF Core opens and closes around each
/// query, and three PRAGMA statements parsed and run per open were most of SQLite's cost per command).
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // wal_autocheckpoint: far above SQLite's 1,000 pages, as a safety net only; SqliteCheckpoints checkpoints off the writers'
    // path. journal_size_limit: the log file is cut back to 64 MiB after it was reset. cache_size: up to 16 MiB of pages per
    // connection (SQLite's default is 2 MiB, less than the indexes a busy writer touches once the statistics have grown).
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; " +
        "PRAGMA wal_autocheckpoint=10000; PRAGMA journal_size_limit=67108864; PRAGMA cache_size=-16384;";

    /// <summary>Native connections already set up; an entry goes when its connection is collected.</summary>
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Remember(handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (IsNew(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(handle);
        }
    }

    private bool IsNew(DbConnection connection, out object? handle)
    {
        ArgumentNullException.ThrowIfNull(connection);
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !_configured.TryGetValue(handle, out _);
    }

    /// <summary>Marks a native connection as set up, once its settings were applied without error.</summary>
    private void Remember(object? handle)
    {
        if (handle is not null)
        {
            _configured.AddOrUpdate(handle, Configured);
        }
    }

    private static readonly object Configured = new();
}
