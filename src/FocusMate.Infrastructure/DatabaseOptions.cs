namespace FocusMate.Infrastructure;

/// <summary>Which database to use (configuration section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default: a file in the data folder) or <c>Postgres</c> (needs <c>ConnectionStrings:FocusMate</c>).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
