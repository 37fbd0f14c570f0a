using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

internal sealed class RoomRepository(FocusMateDbContext db, WriteLock writes) : IRoomRepository
{
    private static readonly Func<FocusMateDbContext, Guid, CancellationToken, Task<Room?>> ById =
        EF.CompileAsyncQuery((FocusMateDbContext db, Guid roomId, CancellationToken _) =>
            db.Rooms.AsNoTracking().FirstOrDefault(r => r.Id == roomId));

    private static readonly Func<FocusMateDbContext, Guid, CancellationToken, Task<DetailsRow?>> DetailsById =
        EF.CompileAsyncQuery((FocusMateDbContext db, Guid roomId, CancellationToken _) =>
            (from room in db.Rooms.AsNoTracking()
             where room.Id == roomId
             join timer in db.Timers.AsNoTracking() on room.Id equals timer.RoomId
             select new DetailsRow(room, timer))
            .FirstOrDefault());

    public Task<Room?> FindAsync(Guid roomId, CancellationToken cancellationToken) => ById(db, roomId, cancellationToken);

    public async Task<RoomDetails?> FindDetailsAsync(Guid roomId, CancellationToken cancellationToken) =>
        await DetailsById(db, roomId, cancellationToken) is { } row ? new RoomDetails(row.Room, row.Timer.ToState()) : null;

    /// <summary>The room, its timer and the caller in one statement (a left join: the caller may be gone).</summary>
    private static readonly Func<FocusMateDbContext, Guid, Guid, CancellationToken, Task<CommandRow?>> ForCommand =
        EF.CompileAsyncQuery((FocusMateDbContext db, Guid roomId, Guid participantId, CancellationToken _) =>
            (from room in db.Rooms.AsNoTracking()
             where room.Id == roomId
             join timer in db.Timers.AsNoTracking() on room.Id equals timer.RoomId
             join participant in db.Participants.AsNoTracking().Where(p => p.Id == participantId) on room.Id equals participant.RoomId into callers
             from caller in callers.DefaultIfEmpty()
             select new CommandRow(room, timer, caller))
            .FirstOrDefault());

    public async Task<TimerCommandContext?> FindForCommandAsync(Guid roomId, Guid participantId, CancellationToken cancellationToken) =>
        await ForCommand(db, roomId, participantId, cancellationToken) is { } row
            ? new TimerCommandContext(row.Room, row.Timer.ToState(), row.Caller)
            : null;

    public async Task<bool> TryAddAsync(Room room, TimerState timer, Participant host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (await NameTakenAsync(room.NormalizedName, cancellationToken))
        {
            return false;
        }

        await using var writing = await writes.AcquireAsync(cancellationToken);
        db.Rooms.Add(room);
        db.Timers.Add(TimerRow.From(room.Id, timer));
        db.Participants.Add(host);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another request took the name between the check and the insert: the unique index decided.
            if (await NameTakenAsync(room.NormalizedName, CancellationToken.None))
            {
                return false;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<bool> TrySaveSettingsAsync(Room room, TimerState before, TimerState after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(before);
        await using var writing = await writes.AcquireAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var settings = room.Settings;
        await db.Rooms.Where(r => r.Id == room.Id).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Settings, settings)
            .SetProperty(r => r.UpdatedAt, room.UpdatedAt)
            .SetProperty(r => r.LastActivityAt, room.LastActivityAt), cancellationToken);
        if (after != before && !await TimerRepository.CompareAndSwapAsync(db, room.Id, before.Version, after, cancellationToken))
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(Guid roomId, CancellationToken cancellationToken)
    {
        await using var writing = await writes.AcquireAsync(cancellationToken);
        return await db.Rooms.Where(r => r.Id == roomId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task TouchAsync(Guid roomId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Activity only matters to the day; one write a minute per room is plenty and keeps hot rooms cheap.
        var stale = now - Room.ActivityResolution;
        await using var writing = await writes.AcquireAsync(cancellationToken);
        await db.Rooms.Where(r => r.Id == roomId && r.LastActivityAt < stale)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.LastActivityAt, now), cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> InactiveSinceAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        await db.Rooms.Where(r => r.LastActivityAt < before).OrderBy(r => r.LastActivityAt).Take(limit).Select(r => r.Id)
            .ToListAsync(cancellationToken);

    private Task<bool> NameTakenAsync(string normalizedName, CancellationToken cancellationToken) =>
        db.Rooms.AnyAsync(r => r.NormalizedName == normalizedName, cancellationToken);

    private sealed record DetailsRow(Room Room, TimerRow Timer);

    private sealed record CommandRow(Room Room, TimerRow Timer, Participant? Caller);
}
