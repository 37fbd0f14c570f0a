using FocusMate.Core.Timers;

namespace FocusMate.Core.History;

/// <summary>A finished phase of a room, as stored in its history.</summary>
public sealed record TimerSession(
    Guid Id,
    Guid RoomId,
    SessionType SessionType,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int PlannedSeconds,
    int ActualSeconds,
    SessionOutcome Outcome)
{
    public static TimerSession From(Guid roomId, FinishedPhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return new(Guid.NewGuid(), roomId, phase.Type, phase.StartedAt, phase.EndedAt, phase.PlannedSeconds,
            phase.ActualSeconds, phase.Outcome);
    }
}
