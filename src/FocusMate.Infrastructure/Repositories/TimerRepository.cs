using FocusMate.Core.History;
using FocusMate.Core.Timers;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

internal sealed class TimerRepository(FocusMateDbContext db, WriteLock writes) : ITimerRepository
{
    public async Task<TimerState?> FindAsync(Guid roomId, CancellationToken cancellationToken)
    {
        var row = await db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.RoomId == roomId, cancellationToken);
        return row?.ToState();
    }

    public async Task<bool> TrySaveAsync(Guid roomId, long expectedVersion, TimerTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        await using var writing = await writes.AcquireAsync(cancellationToken);
        if (transition.FinishedPhases.Count == 0)
        {
            return await CompareAndSwapAsync(db, roomId, expectedVersion, transition.State, cancellationToken);
        }

        await using var dbTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await CompareAndSwapAsync(db, roomId, expectedVersion, transition.State, cancellationToken))
        {
            return false;
        }

        db.Sessions.AddRange(transition.FinishedPhases.Select(phase => TimerSession.From(roomId, phase)));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await dbTransaction.CommitAsync(cancellationToken);
        return true;
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
