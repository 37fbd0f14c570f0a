using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using FocusMate.Infrastructure.Caching;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

internal sealed class RoomRepository(FocusMateDbContext db, WriteLock writes, RoomCache cache) : IRoomRepository
{
    private static readonly Func<FocusMateDbContext, Guid, CancellationToken, Task<DetailsRow?>> DetailsById =
        EF.CompileAsyncQuery((FocusMateDbContext db, Guid roomId, CancellationToken _) =>
            (from room in db.Rooms.AsNoTracking()
             where room.Id == roomId
             join timer in db.Timers.AsNoTracking() on room.Id equals timer.RoomId
             select new DetailsRow(room, timer))
            .FirstOrDefault());

    public async Task<Room?> FindAsync(Guid roomId, CancellationToken cancellationToken) =>
        (await FindDetailsAsync(roomId, cancellationToken))?.Room;

    /// <summary>From the cache when the room is there; else read (and cached, unless a write raced the read).</summary>
    public async Task<RoomDetails?> FindDetailsAsync(Guid roomId, CancellationToken cancellationToken)
    {
        if (cache.Find(roomId) is { } cached)
        {
            return new RoomDetails(cached.Room.Copy(), cached.Timer);
        }

        var stamp = cache.Stamp(roomId);
        if (await DetailsById(db, roomId, cancellationToken) is not { } row)
        {
            return null;
        }

        var timer = row.Timer.ToState();
        cache.Store(roomId, stamp, row.Room, timer, participants: null);
        return new RoomDetails(row.Room, timer);
    }

    /// <summary>
    /// From the cache in the steady state. A room not cached with its participants is read in two statements (the
    /// room with its timer, then its participants) and cached whole, so the next command of the room reads nothing.
    /// </summary>
    public async Task<TimerCommandContext?> FindForCommandAsync(Guid roomId, Guid participantId, bool stored, CancellationToken cancellationToken)
    {
        if (!stored && cache.Find(roomId) is { Participants: { } cachedParticipants } cached)
        {
            return new TimerCommandContext(cached.Room.Copy(), cached.Timer, cachedParticipants.FirstOrDefault(p => p.Id == participantId), FromMemory: true);
        }

        var stamp = cache.Stamp(roomId);
        if (await DetailsById(db, roomId, cancellationToken) is not { } row)
        {
            return null;
        }

        var participants = await ParticipantRepository.ListQuery(db, roomId).ToListAsync(cancellationToken);
        var timer = row.Timer.ToState();
        cache.Store(roomId, stamp, row.Room, timer, participants);
        return new TimerCommandContext(row.Room, timer, participants.FirstOrDefault(p => p.Id == participantId));
    }

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
            cache.Changed(room.Id);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        cache.Changed(room.Id);
        return true;
    }

    public async Task<bool> DeleteAsync(Guid roomId, CancellationToken cancellationToken)
    {
        await using var writing = await writes.AcquireAsync(cancellationToken);
        var deleted = await db.Rooms.Where(r => r.Id == roomId).ExecuteDeleteAsync(cancellationToken) > 0;
        cache.Changed(roomId);
        return deleted;
    }

    public async Task TouchAsync(Guid roomId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Activity only matters to the day; one write a minute per room is plenty and keeps hot rooms cheap.
        var stale = now - Room.ActivityResolution;
        await using var writing = await writes.AcquireAsync(cancellationToken);
        await db.Rooms.Where(r => r.Id == roomId && r.LastActivityAt < stale)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.LastActivityAt, now), cancellationToken);
        // The cached room's activity is read to decide when to write it next: read it again.
        cache.Drop(roomId);
    }

    public async Task<IReadOnlyList<Guid>> InactiveSinceAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        await db.Rooms.Where(r => r.LastActivityAt < before).OrderBy(r => r.LastActivityAt).Take(limit).Select(r => r.Id)
            .ToListAsync(cancellationToken);

    private Task<bool> NameTakenAsync(string normalizedName, CancellationToken cancellationToken) =>
        db.Rooms.AnyAsync(r => r.NormalizedName == normalizedName, cancellationToken);

    private sealed record DetailsRow(Room Room, TimerRow Timer);
}
