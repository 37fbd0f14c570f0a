using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// Per-connection SQLite settings. With WAL (set once per file at start-up), <c>synchronous=NORMAL</c>
/// keeps every committed change across a process crash and skips a disk flush per commit. Writers in this
/// process queue on <see cref="WriteLock"/>; <c>busy_timeout</c> covers another process writing the same
/// file (SQLite then waits in short steps instead of Microsoft.Data.Sqlite's 150 ms retry sleep).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
