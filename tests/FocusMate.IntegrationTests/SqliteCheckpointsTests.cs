using FocusMate.Infrastructure.Data;
using FocusMate.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FocusMate.IntegrationTests;

/// <summary>
/// SQLite's write-ahead log is copied into the database file by a service of its own, not inside a writer's commit
/// (the app's connections checkpoint only past a far higher threshold).
/// </summary>
public sealed class SqliteCheckpointsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("focusmate-checkpoints-");

    private string File => Path.Combine(_directory.FullName, "focusmate.db");

    [Fact]
    public async Task TheLogReachesTheDatabaseFileWhileTheWriterKeepsItsConnectionOpen()
    {
        var connectionString = $"Data Source={File};Pooling=False";
        await using var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);");
        // The database file alone (read as immutable: the log is not looked at) does not have the table yet.
        Assert.Null(await RowsInFileAsync());

        using var checkpoints = new SqliteCheckpoints(connectionString, NullLogger<SqliteCheckpoints>.Instance);
        await checkpoints.StartAsync(CancellationToken.None);
        Assert.Equal(3, await Eventually.WaitAsync(RowsInFileAsync, rows => rows == 3));

        // And again for what is written later, while the writer's connection stays open.
        await ExecuteAsync(writer, "INSERT INTO t VALUES (4);");
        Assert.Equal(4, await Eventually.WaitAsync(RowsInFileAsync, rows => rows == 4));
        await checkpoints.StopAsync(CancellationToken.None);
    }

    private async Task<long?> RowsInFileAsync()
    {
        await using var reader = new SqliteConnection($"Data Source=file:{File}?immutable=1;Mode=ReadOnly;Pooling=False");
        await reader.OpenAsync();
        await using var command = reader.CreateCommand();
        command.CommandText = "SELECT count(*) FROM t";
        try
        {
            return (long?)await command.ExecuteScalarAsync();
        }
        catch (SqliteException ex) when (ex.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return null;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
