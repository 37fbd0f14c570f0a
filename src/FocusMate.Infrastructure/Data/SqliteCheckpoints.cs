using FocusMate.Core.Background;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file off the writers' path. SQLite's own checkpoint runs inside
/// the commit that crosses its threshold (1,000 pages), and that commit, and every timer command queued behind it, waits
/// while the pages are copied and the file is flushed: under load those waits were most of the slowest 5 % of timer
/// commands (docs/operations.md, "Timer writes"). The app's connections now checkpoint only past a far higher threshold
/// (a safety net, <see cref="SqlitePragmas"/>); this service checkpoints passively (it neither waits for nor blocks a
/// writer or a reader) every <see cref="Interval"/>, on a connection of its own, on the other core.
/// </summary>
/// <remarks>Housekeeping of the file, not domain time: it runs on the system clock, also under tests that fake the app's.</remarks>
internal sealed class SqliteCheckpoints(string connectionString, ILogger<SqliteCheckpoints> logger)
    : RecurringService(TimeProvider.System, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override string Work => "A checkpoint of the SQLite write-ahead log";

    protected override TimeSpan RetryAfterFailure => TimeSpan.FromSeconds(5);

    protected override LogLevel FailureLevel => LogLevel.Warning;

    protected override async Task<TimeSpan> RunPassOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=5000; PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return Interval;
    }
}
