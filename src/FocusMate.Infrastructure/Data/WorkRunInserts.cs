using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using FocusMate.Core.History;
using FocusMate.Core.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// The inserts of the work runs that timer changes ended, as raw SQL in the timer writer's transaction. A pause ends a
/// run, so half of a busy room's commands store one; through EF Core's change tracker (<c>SaveChanges</c>, and the
/// savepoint around it) that one row cost more CPU than the rest of the command's write (docs/operations.md, "Timer
/// writes"). A run already stored (same room and end) is left as it is. Table, columns and parameter types come from
/// the EF Core model, as EF Core would write them.
/// </summary>
internal sealed class WorkRunInserts
{
    private static readonly ConcurrentDictionary<Type, WorkRunInserts> PerContextType = new();
    private static readonly string[] Columns = [nameof(RoomWorkRun.RoomId), nameof(RoomWorkRun.StartedAt), nameof(RoomWorkRun.EndedAt)];

    private readonly MappedTable _runs;
    private readonly string _into;

    private WorkRunInserts(DbContext db)
    {
        _runs = new MappedTable(db, typeof(RoomWorkRun));
        _into = $"INSERT INTO {_runs.Table} ({string.Join(", ", Columns.Select(c => _runs[c]))}) ";
    }

    /// <summary>The properties of a run's parameters, in the order <see cref="Append"/> adds them.</summary>
    public IEnumerable<IProperty> Properties => Columns.Select(_runs.Property);

    public static WorkRunInserts For(DbContext db) => PerContextType.GetOrAdd(db.GetType(), _ => new WorkRunInserts(db));

    /// <summary>Inserts the runs, one statement for all of them; nothing when there are none.</summary>
    public static async Task ExecuteAsync(DbContext db, IReadOnlyCollection<(Guid RoomId, WorkRun Run)> runs, CancellationToken cancellationToken)
    {
        if (runs.Count == 0)
        {
            return;
        }

        // A command of the provider only makes the parameters; it is never run.
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>(runs.Count * Columns.Length);
        var sql = For(db).Append(new StringBuilder(), factory, parameters, runs, condition: null);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
    }

    /// <summary>
    /// Appends the insert of <paramref name="runs"/> to <paramref name="sql"/> (one <c>SELECT</c> of parameters per run,
    /// each only where <paramref name="condition"/> holds, when given), adding its parameters to <paramref name="parameters"/>,
    /// named from the number of parameters before them in the command (<paramref name="namesBefore"/> more than the list holds).
    /// </summary>
    public StringBuilder Append(StringBuilder sql, DbCommand factory, List<DbParameter> parameters,
        IEnumerable<(Guid RoomId, WorkRun Run)> runs, string? condition, int namesBefore = 0)
    {
        ArgumentNullException.ThrowIfNull(sql);
        sql.Append(_into);
        var first = true;
        foreach (var (roomId, run) in runs)
        {
            object[] values = [roomId, run.StartedAt, run.EndedAt];
            sql.Append(first ? "SELECT " : " UNION ALL SELECT ");
            for (var i = 0; i < Columns.Length; i++)
            {
                var name = _runs.Sql.GenerateParameterName("p" + (namesBefore + parameters.Count));
                parameters.Add(MappedTable.Parameter(factory, _runs.Property(Columns[i]), name, values[i]));
                sql.Append(i == 0 ? "" : ", ").Append(name);
            }

            // A WHERE before ON CONFLICT keeps SQLite from reading the upsert as a join's ON.
            sql.Append(" WHERE ").Append(condition ?? "1 = 1");
            first = false;
        }

        return sql.Append(" ON CONFLICT DO NOTHING");
    }
}
