using FocusMate.Core.Errors;
using Npgsql;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// PostgreSQL refusing connections (53300 too many connections, 57P03 cannot connect now) and the connection pool
/// running dry are overload, however EF Core wrapped them.
/// </summary>
internal sealed class DatabaseOverload : IOverloadDetector
{
    public bool IsOverload(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: "53300" or "57P03" or "53400" }
                || (current is NpgsqlException && current.Message.Contains("connection pool has been exhausted", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
