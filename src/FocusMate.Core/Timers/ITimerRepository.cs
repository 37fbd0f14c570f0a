namespace FocusMate.Core.Timers;

/// <summary>The timers of rooms, changed only by compare-and-swap on their version.</summary>
public interface ITimerRepository
{
    Task<TimerState?> FindAsync(Guid roomId, CancellationToken cancellationToken);

    /// <summary>
    /// The timer as the database holds it, never from memory: for the scheduler, which must not pass over a due
    /// phase because a change another instance made is still on its way.
    /// </summary>
    Task<TimerState?> FindStoredAsync(Guid roomId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the transition's state and the phases it finished, in one transaction, if the stored
    /// version is still <paramref name="expectedVersion"/>; false when another change came first.
    /// </summary>
    Task<bool> TrySaveAsync(Guid roomId, long expectedVersion, TimerTransition transition, CancellationToken cancellationToken);

    /// <summary>The earliest target of any running timer.</summary>
    Task<DateTimeOffset?> EarliestTargetAsync(CancellationToken cancellationToken);

    /// <summary>Rooms whose running phase is due at <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<Guid>> DueRoomsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
