namespace FocusMate.Core.Timers;

/// <summary>A phase that ended, as the history records it.</summary>
public sealed record FinishedPhase(
    SessionType Type,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int PlannedSeconds,
    int ActualSeconds,
    SessionOutcome Outcome);
