using System.Collections.Concurrent;
using System.Data.Common;
using FocusMate.Core.Timers;
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
    private readonly IProperty[] _set;
    private readonly IProperty _roomId;
    private readonly IProperty _version;
    private readonly string[] _names;

    private TimerCompareAndSwap(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TimerRow)) ?? throw new InvalidOperationException("TimerRow is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        IProperty Property(string name) => entity.FindProperty(name) ?? throw new InvalidOperationException($"TimerRow.{name} is not mapped.");
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

        _set = [.. new[]
        {
            nameof(TimerRow.Status), nameof(TimerRow.SessionType), nameof(TimerRow.DurationSeconds), nameof(TimerRow.RemainingMilliseconds),
            nameof(TimerRow.TargetAt), nameof(TimerRow.StartedAt), nameof(TimerRow.CompletedWorkSessions), nameof(TimerRow.Version),
        }.Select(Property)];
        _roomId = Property(nameof(TimerRow.RoomId));
        _version = Property(nameof(TimerRow.Version));
        _names = [.. Enumerable.Range(0, _set.Length + 2).Select(i => sql.GenerateParameterName("p" + i))];
        var assignments = _set.Select((p, i) => $"{Column(p)} = {_names[i]}");
        _sql = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {string.Join(", ", assignments)} " +
               $"WHERE {Column(_roomId)} = {_names[^2]} AND {Column(_version)} = {_names[^1]}";
    }

    /// <summary>Writes <paramref name="state"/> if the stored version is still <paramref name="expectedVersion"/>; false when it was not.</summary>
    public static async Task<bool> ExecuteAsync(DbContext db, Guid roomId, long expectedVersion, TimerState state, CancellationToken cancellationToken)
    {
        var statement = PerContextType.GetOrAdd(db.GetType(), _ => new TimerCompareAndSwap(db));
        // Through EF Core's raw SQL path: the context's connection and transaction, its command logging,
        // interceptors and diagnostics, with none of the LINQ translation.
        return await db.Database.ExecuteSqlRawAsync(statement._sql, statement.Parameters(db, roomId, expectedVersion, state), cancellationToken) == 1;
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
            parameters[i] = Parameter(factory, _set[i], _names[i], values[i]);
        }

        parameters[^2] = Parameter(factory, _roomId, _names[^2], roomId);
        parameters[^1] = Parameter(factory, _version, _names[^1], expectedVersion);
        return parameters;
    }

    private static DbParameter Parameter(DbCommand factory, IProperty property, string name, object? value) =>
        property.GetRelationalTypeMapping().CreateParameter(factory, name, value, property.IsNullable);
}
