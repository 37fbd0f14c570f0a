using FocusMate.Core.Timers;

namespace FocusMate.Core.History;

/// <summary>The history of finished phases, and of the work runs in them.</summary>
public interface ISessionRepository
{
    /// <summary>The room's most recent finished phases, newest first.</summary>
    Task<IReadOnlyList<TimerSession>> RecentAsync(Guid roomId, int limit, CancellationToken cancellationToken);

    /// <summary>The room's latest phase that ran to its target, or null when none did.</summary>
    Task<TimerSession?> LastCompletedAsync(Guid roomId, CancellationToken cancellationToken);

    /// <summary>Totals of the room's work phases that ended at or after <paramref name="since"/>, by outcome.</summary>
    Task<IReadOnlyList<WorkTotal>> WorkTotalsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The room's work phases that ended at or after <paramref name="since"/>: when each ended and how long it ran.</summary>
    Task<IReadOnlyList<WorkEnd>> WorkEndsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The room's work runs that ended after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<WorkRun>> WorkRunsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken);
}
