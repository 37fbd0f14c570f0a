using FocusMate.Core.Timers;
using FocusMate.Infrastructure.Caching;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

internal sealed class TimerRepository(FocusMateDbContext db, TimerWrites writer, RoomCache cache) : ITimerRepository
{
    public async Task<TimerState?> FindAsync(Guid roomId, CancellationToken cancellationToken)
    {
        if (cache.Find(roomId) is { } cached)
        {
            return cached.Timer;
        }

        return await FindStoredAsync(roomId, cancellationToken);
    }

    public async Task<TimerState?> FindStoredAsync(Guid roomId, CancellationToken cancellationToken)
    {
        var row = await db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.RoomId == roomId, cancellationToken);
        var stored = row?.ToState();
        // The database is ahead of this instance's memory (another instance changed the timer and no notice has come, or
        // none will: one instance's bus): the room is read again on its next use, instead of up to the cache's age later.
        if (cache.Find(roomId) is { } cached && cached.Timer.Version != stored?.Version)
        {
            cache.Drop(roomId);
        }

        return stored;
    }

    /// <summary>Saves through this instance's group commit; the cache keeps the saved state, or drops a lost one.</summary>
    public async Task<bool> TrySaveAsync(Guid roomId, long expectedVersion, TimerTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var saved = await writer.SaveAsync(roomId, expectedVersion, transition, cancellationToken);
        if (saved)
        {
            cache.TimerSaved(roomId, expectedVersion, transition.State);
        }
        else
        {
            cache.Changed(roomId);
        }

        return saved;
    }

    public async Task<DateTimeOffset?> EarliestTargetAsync(CancellationToken cancellationToken) =>
        await db.Timers.Where(t => t.TargetAt != null).OrderBy(t => t.TargetAt).Select(t => t.TargetAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> DueRoomsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await db.Timers.Where(t => t.TargetAt != null && t.TargetAt <= now)
            .OrderBy(t => t.TargetAt)
            .Take(limit)
            .Select(t => t.RoomId)
            .ToListAsync(cancellationToken);

    /// <summary>Writes the state only if the stored version is still <paramref name="expectedVersion"/>: one atomic UPDATE on every provider.</summary>
    internal static Task<bool> CompareAndSwapAsync(FocusMateDbContext db, Guid roomId, long expectedVersion, TimerState state,
        CancellationToken cancellationToken) =>
        TimerCompareAndSwap.ExecuteAsync(db, roomId, expectedVersion, state, cancellationToken);

}
