using FocusMate.Core.History;

namespace FocusMate.Core.Timers;

/// <summary>A phase that ended, as the history records it.</summary>
public sealed record FinishedPhase(
    SessionType Type,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int PlannedSeconds,
    int ActualSeconds,
    SessionOutcome Outcome);

/// <summary>A phase that ran to its target: what ended, what comes next, and whether it started by itself.</summary>
public sealed record PhaseCompletion(SessionType CompletedSessionType, SessionType NextSessionType, bool AutoStart);

/// <summary>A completion as the room hears it: what ended and came next, and the instant the phase ended (its target).</summary>
public sealed record PhaseEnd(PhaseCompletion Completion, DateTimeOffset CompletedAt);
