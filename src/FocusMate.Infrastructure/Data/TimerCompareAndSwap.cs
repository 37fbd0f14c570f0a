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
    private readonly string _table;
    private readonly string _roomColumn;

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
        _table = timers.Table;
        _roomColumn = Column(_roomId);
        _names = [.. Enumerable.Range(0, _set.Length + 2).Select(i => sql.GenerateParameterName("p" + i))];
        // The statement with {0}…{n} for its parameters' names; _sql has the names of a statement on its own.
        var assignments = _set.Select((p, i) => $"{Column(p)} = {{{i}}}");
        _template = $"UPDATE {timers.Table} SET {string.Join(", ", assignments)} " +
                    $"WHERE {Column(_roomId)} = {{{_set.Length}}} AND {Column(_version)} = {{{_set.Length + 1}}}";
        _sql = string.Format(CultureInfo.InvariantCulture, _template, _names);
    }

    private static TimerCompareAndSwap For(DbContext db) => PerContextType.GetOrAdd(db.GetType(), _ => new TimerCompareAndSwap(db));

    /// <summary>Writes <paramref name="state"/> if the stored version is still <paramref name="expectedVersion"/>; false when it was not.</summary>
    public static async Task<bool> ExecuteAsync(DbContext db, Guid roomId, long expectedVersion, TimerState state, CancellationToken cancellationToken)
    {
        var statement = For(db);
        // Through EF Core's raw SQL path: the context's connection and transaction, its command logging,
        // interceptors and diagnostics, with none of the LINQ translation.
        return await db.Database.ExecuteSqlRawAsync(statement._sql, statement.Parameters(db, roomId, expectedVersion, state), cancellationToken) == 1;
    }

    /// <summary>
    /// Every compare-and-swap of a batch in one round trip (PostgreSQL): one command of as many statements, each
    /// <c>UPDATE … RETURNING</c> (Npgsql sends them as one batch, as <c>NpgsqlBatch</c> does), run through EF Core's raw
    /// command path so its logging, interceptors and traces see it. A change that ended work runs is one statement with
    /// them (<c>WITH changed AS (UPDATE … RETURNING), runs AS (INSERT … WHERE EXISTS (SELECT 1 FROM changed)) SELECT …</c>):
    /// the runs are stored only with a change that landed. True for each change whose statement found its expected
    /// version. The caller's transaction holds them all.
    /// </summary>
    public static async Task<bool[]> ExecuteAllAsync(DbContext db,
        IReadOnlyList<(Guid RoomId, long ExpectedVersion, TimerState State, IReadOnlyList<WorkRun> Runs)> changes, CancellationToken cancellationToken)
    {
        var statement = For(db);
        var sql = new StringBuilder();
        var parameters = new List<object>(changes.Count * statement._names.Length);
        using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var (roomId, expectedVersion, state, runs) in changes)
        {
            // Each statement's parameters get names of their own.
            var renamed = statement.Parameters(db, roomId, expectedVersion, state);
            var names = new object[renamed.Length];
            for (var i = 0; i < renamed.Length; i++)
            {
                names[i] = renamed[i].ParameterName = statement._sqlHelper.GenerateParameterName("p" + (parameters.Count + i));
            }

            parameters.AddRange(renamed);
            if (runs.Count == 0)
            {
                sql.AppendFormat(CultureInfo.InvariantCulture, statement._template, names).Append(" RETURNING ").Append(statement._versionColumn).Append(";\n");
                continue;
            }

            // The work runs the change ended go in the same statement, only if its update found the expected version.
            var runParameters = new List<DbParameter>();
            sql.Append("WITH changed AS (").AppendFormat(CultureInfo.InvariantCulture, statement._template, names)
                .Append(" RETURNING ").Append(statement._versionColumn).Append("), runs AS (");
            WorkRunInserts.For(db).Append(sql, factory, runParameters, runs.Select(run => (roomId, run)), "EXISTS (SELECT 1 FROM changed)", parameters.Count);
            sql.Append(") SELECT ").Append(statement._versionColumn).Append(" FROM changed;\n");
            parameters.AddRange(runParameters);
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
        var values = Values(roomId, expectedVersion, state);
        var properties = ParameterProperties;
        // A command of the provider only makes the parameters; it is never run.
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new DbParameter[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            parameters[i] = MappedTable.Parameter(factory, properties[i], _names[i], values[i]);
        }

        return parameters;
    }

    /// <summary>The properties of the statement's parameters, in order: the columns set, the room, the expected version.</summary>
    private IProperty[] ParameterProperties => [.. _set, _roomId, _version];

    private static object?[] Values(Guid roomId, long expectedVersion, TimerState state) =>
    [
        state.Status, state.SessionType, state.DurationSeconds, state.RemainingMilliseconds,
        state.TargetAt, state.StartedAt, state.CompletedWorkSessions, state.Version, roomId, expectedVersion,
    ];

    /// <summary>
    /// SQLite: the writer's statements of nearly every command, each built once for the writer's connection (its SQL,
    /// EF Core's command and the parameters) and given the values of each change: the compare-and-swap alone, and the
    /// compare-and-swap with the one work run a pause ends. Building them per change was most of what the writer
    /// allocated (docs/operations.md, "Timer writes"). They run through EF Core's command path, so its logging,
    /// interceptors and traces see them. One per writer connection, never shared: the parameters hold one change at a time.
    /// </summary>
    public sealed class Prepared
    {
        private readonly DbContext _db;
        private readonly IRelationalConnection _connection;
        private readonly IRelationalCommandDiagnosticsLogger _logger;
        private readonly (IProperty Property, DbParameter Parameter)[] _swap;
        private readonly (IProperty Property, DbParameter Parameter)[] _run;
        private readonly RawSqlCommand _swapCommand;
        private readonly RawSqlCommand _withRunCommand;

        public Prepared(DbContext db)
        {
            ArgumentNullException.ThrowIfNull(db);
            _db = db;
            _connection = db.GetService<IRelationalConnection>();
            _logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
            var statement = For(db);
            var swap = statement.Parameters(db, Guid.Empty, 0, new TimerState(TimerStatus.Idle, SessionType.Work, 0, 0, null, null, 0, 0));
            _swap = [.. statement.ParameterProperties.Zip(swap)];
            using var factory = db.Database.GetDbConnection().CreateCommand();
            var withRun = new List<DbParameter>(swap);
            var runs = WorkRunInserts.For(db);
            // The run goes first, only if the stored version is still the expected one; then the timer's row, which
            // returns its version when it changed. The writer holds the database between the two. If the insert fails,
            // nothing of the change is written; if the update then failed, the run stays, and a run stored early only
            // overlaps the one stored when the run really ends (the statistics merge overlapping runs).
            var stillExpected = $"EXISTS (SELECT 1 FROM {statement._table} WHERE {statement._roomColumn} = {statement._names[^2]} " +
                                $"AND {statement._versionColumn} = {statement._names[^1]})";
            var sql = runs.Append(new StringBuilder(), factory, withRun, [(Guid.Empty, default(WorkRun))], stillExpected)
                .Append(";\n").Append(statement._sql).Append(" RETURNING ").Append(statement._versionColumn);
            _run = [.. runs.Properties.Zip(withRun.Skip(swap.Length))];
            var builder = db.GetService<IRawSqlCommandBuilder>();
            _swapCommand = builder.Build(statement._sql, swap, db.Model);
            _withRunCommand = builder.Build(sql.ToString(), withRun, db.Model);
        }

        /// <summary>Writes <paramref name="state"/> if the stored version is still <paramref name="expectedVersion"/>; false when it was not.</summary>
        public async Task<bool> SwapAsync(Guid roomId, long expectedVersion, TimerState state, CancellationToken cancellationToken)
        {
            Assign(_swap, Values(roomId, expectedVersion, state));
            return await _swapCommand.RelationalCommand.ExecuteNonQueryAsync(Arguments(_swapCommand), cancellationToken) == 1;
        }

        /// <summary>As <see cref="SwapAsync"/>, and stores <paramref name="run"/> with the change, in the same command.</summary>
        public async Task<bool> SwapWithRunAsync(Guid roomId, long expectedVersion, TimerState state, WorkRun run, CancellationToken cancellationToken)
        {
            Assign(_swap, Values(roomId, expectedVersion, state));
            Assign(_run, [roomId, run.StartedAt, run.EndedAt]);
            var version = await _withRunCommand.RelationalCommand.ExecuteScalarAsync(Arguments(_withRunCommand), cancellationToken);
            return version is not (null or DBNull);
        }

        private RelationalCommandParameterObject Arguments(RawSqlCommand command) =>
            new(_connection, command.ParameterValues, null, _db, _logger, CommandSource.ExecuteSqlRaw);

        private static void Assign((IProperty Property, DbParameter Parameter)[] parameters, object?[] values)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                MappedTable.Assign(parameters[i].Parameter, parameters[i].Property, values[i]);
            }
        }
    }
}
