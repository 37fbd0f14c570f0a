using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using FocusMate.Core.History;
using FocusMate.Core.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// The focus statements, set-based and as raw SQL. A pause or a phase end closes the focus of a whole room and a start
/// opens it; they follow every timer command, and through EF Core (a LINQ update per participant, a change-tracked insert
/// each) they cost more than the command itself (docs/operations.md, "Timer writes"). Here opening is one statement;
/// closing is one command on SQLite (the intervals inserted from the open rows, then the rows cleared) and, on
/// PostgreSQL, one locking read and one command (an update of exactly the rows read, and one insert of their intervals).
/// Table, columns and parameter types come from the EF Core model, as EF Core would write them.
/// </summary>
internal sealed class FocusStatements
{
    private static readonly ConcurrentDictionary<Type, FocusStatements> PerContextType = new();

    private readonly bool _lockRows;
    private readonly MappedTable _p;
    private readonly MappedTable _f;

    private FocusStatements(DbContext db)
    {
        _p = new MappedTable(db, typeof(Participant));
        _f = new MappedTable(db, typeof(FocusInterval));
        // PostgreSQL: the rows read are locked until the transaction ends, so two instances closing one focus record it
        // once (the second reads it closed). SQLite has one writer, which already holds the database.
        _lockRows = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
    }

    public static FocusStatements For(DbContext db) => PerContextType.GetOrAdd(db.GetType(), _ => new FocusStatements(db));

    /// <summary>Applies <paramref name="changes"/> in order, in the transaction the caller opened.</summary>
    public async Task ApplyAsync(DbContext db, IReadOnlyList<FocusChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            if (change.Starts)
            {
                await OpenAsync(db, change.RoomId, change.ParticipantIds ?? [], change.At, cancellationToken);
            }
            else
            {
                await CloseAsync(db, change.RoomId, change.ParticipantIds, change.At, cancellationToken);
            }
        }
    }

    /// <summary>Opens focus at <paramref name="at"/> for those of <paramref name="participantIds"/> in the room whose focus is not open.</summary>
    public async Task OpenAsync(DbContext db, Guid roomId, IReadOnlyCollection<Guid> participantIds, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (participantIds.Count == 0)
        {
            return;
        }

        await using var command = Command(db);
        var text = new StringBuilder()
            .Append("UPDATE ").Append(_p.Table).Append(" SET ").Append(_p["FocusSince"]).Append(" = ").Append(Add(command, _p, "FocusSince", at))
            .Append(" WHERE ").Append(_p["RoomId"]).Append(" = ").Append(Add(command, _p, "RoomId", roomId))
            .Append(" AND ").Append(_p["FocusSince"]).Append(" IS NULL AND ");
        AppendIn(text, command, _p["Id"], participantIds);
        command.CommandText = text.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Closes the open focus of the room (of <paramref name="participantIds"/> only, when given) at <paramref name="at"/>: each
    /// becomes an interval (unless it did not last), and the participant's focus is cleared.
    /// </summary>
    public async Task CloseAsync(DbContext db, Guid roomId, IReadOnlyCollection<Guid>? participantIds, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (_lockRows)
        {
            await ReadAndCloseAsync(db, roomId, participantIds, at, cancellationToken);
        }
        else if (participantIds is not { Count: 0 })
        {
            await CloseInPlaceAsync(db, roomId, participantIds, at, cancellationToken);
        }
    }

    /// <summary>
    /// SQLite (one writer, which holds the database): the intervals are inserted from the open rows and the rows cleared by
    /// one command of two statements, without reading them into the app first. The interval's id is made in SQL, in the
    /// text form EF Core stores a <see cref="Guid"/> in on SQLite.
    /// </summary>
    private async Task CloseInPlaceAsync(DbContext db, Guid roomId, IReadOnlyCollection<Guid>? participantIds, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var command = Command(db);
        var room = Add(command, _p, "RoomId", roomId);
        var end = Add(command, _f, "EndedAt", at);
        var which = new StringBuilder().Append(_p["RoomId"]).Append(" = ").Append(room).Append(" AND ").Append(_p["FocusSince"]).Append(" IS NOT NULL");
        if (participantIds is not null)
        {
            which.Append(" AND ");
            AppendIn(which, command, _p["Id"], participantIds);
        }

        // Time first (the end in Unix ms, as hex), then random: new rows go to the end of the key's index instead of to a
        // random page of it, which in a table of a few hundred thousand intervals was a page read and a page written each.
        const string Id = "substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12)";
        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(_f.Table).Append(" (").AppendJoin(", ", IntervalColumns.Select(c => _f[c])).Append(") SELECT ")
            .Append(Id).Append(", ").Append(room).Append(", ").Append(_p["Id"]).Append(", ").Append(_p["UserName"]).Append(", ")
            .Append(_p["FocusSince"]).Append(", ").Append(end)
            .Append(" FROM (SELECT printf('%012X', ").Append(end).Append(") || hex(randomblob(10)) AS h, ").Append(_p["Id"]).Append(", ").Append(_p["UserName"]).Append(", ")
            .Append(_p["FocusSince"]).Append(" FROM ").Append(_p.Table).Append(" WHERE ").Append(which)
            .Append(" AND ").Append(_p["FocusSince"]).Append(" < ").Append(end).Append("); UPDATE ").Append(_p.Table)
            .Append(" SET ").Append(_p["FocusSince"]).Append(" = NULL WHERE ").Append(which);
        command.CommandText = text.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>PostgreSQL: the open rows are read and locked, then exactly those are cleared and their intervals inserted.</summary>
    private async Task ReadAndCloseAsync(DbContext db, Guid roomId, IReadOnlyCollection<Guid>? participantIds, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var open = await ReadOpenAsync(db, roomId, participantIds, cancellationToken);
        if (open.Count == 0)
        {
            return;
        }

        await using var command = Command(db);
        var text = new StringBuilder()
            .Append("UPDATE ").Append(_p.Table).Append(" SET ").Append(_p["FocusSince"]).Append(" = NULL WHERE ")
            .Append(_p["FocusSince"]).Append(" IS NOT NULL AND ");
        AppendIn(text, command, _p["Id"], [.. open.Select(o => o.Id)]);
        var lasted = open.Where(o => at > o.Since).ToList();
        if (lasted.Count > 0)
        {
            text.Append("; INSERT INTO ").Append(_f.Table).Append(" (")
                .AppendJoin(", ", IntervalColumns.Select(c => _f[c])).Append(") VALUES ");
            var roomParameter = Add(command, _f, "RoomId", roomId);
            var endParameter = Add(command, _f, "EndedAt", at);
            for (var i = 0; i < lasted.Count; i++)
            {
                var (id, userName, since) = lasted[i];
                text.Append(i == 0 ? "(" : ", (")
                    .Append(Add(command, _f, "Id", Guid.CreateVersion7(at))).Append(", ").Append(roomParameter).Append(", ")
                    .Append(Add(command, _f, "ParticipantId", id)).Append(", ").Append(Add(command, _f, "UserName", userName)).Append(", ")
                    .Append(Add(command, _f, "StartedAt", since)).Append(", ").Append(endParameter).Append(')');
            }
        }

        command.CommandText = text.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static readonly string[] IntervalColumns = ["Id", "RoomId", "ParticipantId", "UserName", "StartedAt", "EndedAt"];

    private async Task<List<(Guid Id, string UserName, DateTimeOffset Since)>> ReadOpenAsync(DbContext db, Guid roomId,
        IReadOnlyCollection<Guid>? participantIds, CancellationToken cancellationToken)
    {
        await using var command = Command(db);
        var text = new StringBuilder()
            .Append("SELECT ").Append(_p["Id"]).Append(", ").Append(_p["UserName"]).Append(", ").Append(_p["FocusSince"])
            .Append(" FROM ").Append(_p.Table)
            .Append(" WHERE ").Append(_p["RoomId"]).Append(" = ").Append(Add(command, _p, "RoomId", roomId))
            .Append(" AND ").Append(_p["FocusSince"]).Append(" IS NOT NULL");
        if (participantIds is not null)
        {
            if (participantIds.Count == 0)
            {
                return [];
            }

            text.Append(" AND ");
            AppendIn(text, command, _p["Id"], participantIds);
        }

        if (_lockRows)
        {
            text.Append(" FOR UPDATE");
        }

        command.CommandText = text.ToString();
        var since = _p.Property("FocusSince").GetRelationalTypeMapping().Converter;
        var open = new List<(Guid, string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var at = since is null ? reader.GetFieldValue<DateTimeOffset>(2) : (DateTimeOffset)since.ConvertFromProvider(reader.GetValue(2))!;
            open.Add((reader.GetFieldValue<Guid>(0), reader.GetString(1), at));
        }

        return open;
    }

    /// <summary>A command on the context's connection, in its transaction (the caller opened both).</summary>
    private static DbCommand Command(DbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private void AppendIn(StringBuilder text, DbCommand command, string column, IReadOnlyCollection<Guid> ids)
    {
        text.Append(column).Append(" IN (");
        var first = true;
        foreach (var id in ids)
        {
            text.Append(first ? "" : ", ").Append(Add(command, _p, "Id", id));
            first = false;
        }

        text.Append(')');
    }

    /// <summary>Adds a parameter typed and converted as EF Core would for <paramref name="property"/>; returns its name.</summary>
    private static string Add(DbCommand command, MappedTable table, string property, object? value)
    {
        var name = table.Sql.GenerateParameterName("p" + command.Parameters.Count);
        command.Parameters.Add(MappedTable.Parameter(command, table.Property(property), name, value));
        return name;
    }
}
