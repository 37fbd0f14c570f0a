using FocusMate.Core.Timers;

namespace FocusMate.Infrastructure.Data;

/// <summary>The stored form of a room's timer: one row per room, changed by compare-and-swap on <see cref="Version"/>.</summary>
internal sealed class TimerRow
{
    public Guid RoomId { get; set; }

    public TimerStatus Status { get; set; }

    public SessionType SessionType { get; set; }

    public int DurationSeconds { get; set; }

    public long RemainingMilliseconds { get; set; }

    public DateTimeOffset? TargetAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public int CompletedWorkSessions { get; set; }

    public long Version { get; set; }

    public static TimerRow From(Guid roomId, TimerState state) => new()
    {
        RoomId = roomId,
        Status = state.Status,
        SessionType = state.SessionType,
        DurationSeconds = state.DurationSeconds,
        RemainingMilliseconds = state.RemainingMilliseconds,
        TargetAt = state.TargetAt,
        StartedAt = state.StartedAt,
        CompletedWorkSessions = state.CompletedWorkSessions,
        Version = state.Version,
    };

    public TimerState ToState() => new(Status, SessionType, DurationSeconds, RemainingMilliseconds, TargetAt, StartedAt,
        CompletedWorkSessions, Version);
}
