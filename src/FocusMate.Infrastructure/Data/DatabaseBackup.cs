using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// An online backup of the SQLite database: <c>VACUUM INTO</c> writes a consistent copy while the app keeps
/// serving (readers and the writer carry on; the copy is one transaction's view). PostgreSQL is backed up with
/// its own tools (pg_dump).
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Writes the copy to <paramref name="target"/>; returns the process exit code (0 done, 2 refused).</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, string dataDirectory, string target, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var provider = configuration.GetValue(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        if (provider != DatabaseProvider.Sqlite)
        {
            await errors.WriteLineAsync("This instance runs on PostgreSQL: back it up with pg_dump (see docs/operations.md, Backups).");
            return 2;
        }

        var path = Path.GetFullPath(target);
        if (File.Exists(path))
        {
            await errors.WriteLineAsync($"{path} exists already: a backup never overwrites a file.");
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var source = DependencyInjection.SqliteConnectionString(configuration.GetConnectionString(DependencyInjection.ConnectionStringName), dataDirectory);
        await using var connection = new SqliteConnection(source);
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA busy_timeout=10000; VACUUM INTO $target;";
            command.Parameters.AddWithValue("$target", path);
            await command.ExecuteNonQueryAsync();
        }

        await output.WriteLineAsync($"backed up {new SqliteConnectionStringBuilder(source).DataSource} to {path} ({new FileInfo(path).Length} bytes)");
        return 0;
    }
}
