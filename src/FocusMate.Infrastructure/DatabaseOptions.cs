namespace FocusMate.Infrastructure;

/// <summary>Which database to use (configuration section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default: a file in the data folder) or <c>Postgres</c> (needs <c>ConnectionStrings:FocusMate</c>).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// SQLite takes one writer at a time: at most this many writes wait for their turn; the next one is
    /// refused at once with 503 <c>SERVICE_BUSY</c> instead of queueing without bound.
    /// </summary>
    public int WriteQueueLimit { get; set; } = 256;

    /// <summary>
    /// PostgreSQL: the most connections one instance opens (unless the connection string sets its own). Keep
    /// instances × this below the server's <c>max_connections</c> (100 by default).
    /// </summary>
    public int MaxPoolSize { get; set; } = 40;

    /// <summary>A write that waited this long for its turn gives up with 503 <c>SERVICE_BUSY</c>.</summary>
    public TimeSpan WriteQueueTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
