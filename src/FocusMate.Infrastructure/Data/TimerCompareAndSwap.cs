using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using FocusMate.Core.Timers;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// The timer's compare-and-swap: <c>UPDATE timers SET … WHERE room_id = @room AND version = @expected</c>,
/// one atomic statement on every provider. It runs on every timer command, so it is built once per
/// provider from the EF Core model (table, columns, value converters and parameter types as EF Core would
/// use them) and run as raw SQL: LINQ <c>ExecuteUpdate</c> re-evaluated its expression tree on each call,
/// which the profile showed as about a third of the cost of a timer command.
/// </summary>
internal sealed class TimerCompareAndSwap
{
    private static readonly ConcurrentDictionary<Type, TimerCompareAndSwap> PerContextType = new();

    private readonly string _sql;
    private readonly string _template;
    private readonly IProperty[] _set;
    private readonly IProperty _roomId;
    private readonly IProperty _version;
    private readonly string[] _names;
    private readonly ISqlGenerationHelper _sqlHelper;
    private readonly string _versionColumn;

    private TimerCompareAndSwap(DbContext db)
    {
        var timers = new MappedTable(db, typeof(TimerRow));
        var sql = timers.Sql;
        string Column(IProperty p) => timers[p.Name];

        _set = [.. new[]
        {
            nameof(TimerRow.Status), nameof(TimerRow.SessionType), nameof(TimerRow.DurationSeconds), nameof(TimerRow.RemainingMilliseconds),
            nameof(TimerRow.TargetAt), nameof(TimerRow.StartedAt), nameof(TimerRow.CompletedWorkSessions), nameof(TimerRow.Version),
        }.Select(timers.Property)];
        _roomId = timers.Property(nameof(TimerRow.RoomId));
        _version = timers.Property(nameof(TimerRow.Version));
        _sqlHelper = sql;
        _versionColumn = Column(_version);
        _names = [.. Enumerable.Range(0, _set.Length + 2).Select(i => sql.GenerateParameterName("p" + i))];
        // The statement with {0}…{n} for its parameters' names; _sql has the names of a statement on its own.
        var assignments = _set.Select((p, i) => $"{Column(p)} = {{{i}}}");
        _template = $"UPDATE {timers.Table} SET {string.Join(", ", assignments)} " +
                    $"WHERE {Column(_roomId)} = {{{_set.Length}}} AND {Column(_version)} = {{{_set.Length + 1}}}";
        _sql = string.Format(CultureInfo.InvariantCulture, _template, _names);
    }

    /// <summary>Writes <paramref name="state"/> if the stored version is still <paramref name="expectedVersion"/>; false when it was not.</summary>
    public static async Task<bool> ExecuteAsync(DbContext db, Guid roomId, long expectedVersion, TimerState state, CancellationToken cancellationToken)
    {
        var statement = PerContextType.GetOrAdd(db.GetType(), _ => new TimerCompareAndSwap(db));
        // Through EF Core's raw SQL path: the context's connection and transaction, its command logging,
        // interceptors and diagnostics, with none of the LINQ translation.
        return await db.Database.ExecuteSqlRawAsync(statement._sql, statement.Parameters(db, roomId, expectedVersion, state), cancellationToken) == 1;
    }

    /// <summary>
    /// Every compare-and-swap of a batch in one round trip (PostgreSQL): one command of as many statements, each
    /// <c>UPDATE … RETURNING</c> (Npgsql sends them as one batch, as <c>NpgsqlBatch</c> does), run through EF Core's raw
    /// command path so its logging, interceptors and traces see it. True for each change whose statement found its
    /// expected version. The caller's transaction holds them all.
    /// </summary>
    public static async Task<bool[]> ExecuteAllAsync(DbContext db, IReadOnlyList<(Guid RoomId, long ExpectedVersion, TimerState State)> changes,
        CancellationToken cancellationToken)
    {
        var statement = PerContextType.GetOrAdd(db.GetType(), _ => new TimerCompareAndSwap(db));
        var sql = new StringBuilder();
        var parameters = new List<object>(changes.Count * statement._names.Length);
        foreach (var (roomId, expectedVersion, state) in changes)
        {
            // Each statement's parameters get names of their own.
            var renamed = statement.Parameters(db, roomId, expectedVersion, state);
            var names = new object[renamed.Length];
            for (var i = 0; i < renamed.Length; i++)
            {
                names[i] = renamed[i].ParameterName = statement._sqlHelper.GenerateParameterName("p" + (parameters.Count + i));
            }

            sql.AppendFormat(CultureInfo.InvariantCulture, statement._template, names).Append(" RETURNING ").Append(statement._versionColumn).Append(";\n");
            parameters.AddRange(renamed);
        }

        var command = db.GetService<IRawSqlCommandBuilder>().Build(sql.ToString(), parameters, db.Model);
        await using var reader = await command.RelationalCommand.ExecuteReaderAsync(
            new RelationalCommandParameterObject(db.GetService<IRelationalConnection>(), command.ParameterValues, null, db,
                db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.ExecuteSqlRaw),
            cancellationToken);
        var saved = new bool[changes.Count];
        for (var i = 0; i < saved.Length; i++)
        {
            if (i > 0 && !await reader.DbDataReader.NextResultAsync(cancellationToken))
            {
                throw new InvalidOperationException($"The batch of {changes.Count} timer changes returned {i} results.");
            }

            saved[i] = await reader.DbDataReader.ReadAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>Parameters typed and converted as EF Core would (enums as text, instants as the provider stores them).</summary>
    private DbParameter[] Parameters(DbContext db, Guid roomId, long expectedVersion, TimerState state)
    {
        object?[] values =
        [
            state.Status, state.SessionType, state.DurationSeconds, state.RemainingMilliseconds,
            state.TargetAt, state.StartedAt, state.CompletedWorkSessions, state.Version,
        ];
        // A command of the provider only makes the parameters; it is never run.
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new DbParameter[_set.Length + 2];
        for (var i = 0; i < _set.Length; i++)
        {
            parameters[i] = MappedTable.Parameter(factory, _set[i], _names[i], values[i]);
        }

        parameters[^2] = MappedTable.Parameter(factory, _roomId, _names[^2], roomId);
        parameters[^1] = MappedTable.Parameter(factory, _version, _names[^1], expectedVersion);
        return parameters;
    }
}
