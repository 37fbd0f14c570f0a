using FocusMate.Core.Timers;

namespace FocusMate.Api.Contracts;

/// <summary>A room's timer as of <see cref="ServerTime"/>. Clients count down from <see cref="TargetTimestamp"/>.</summary>
public sealed record TimerStateResponse
{
    /// <example>running</example>
    public required TimerStatus Status { get; init; }

    /// <summary>The current phase; when <c>completed</c>, the phase that is next.</summary>
    /// <example>work</example>
    public required SessionType SessionType { get; init; }

    /// <summary>Full length of the phase in seconds.</summary>
    /// <example>1500</example>
    public required int DurationSeconds { get; init; }

    /// <summary>Seconds left as of <c>server_time</c>, to the millisecond.</summary>
    /// <example>1342.25</example>
    public required double RemainingSeconds { get; init; }

    /// <summary>When the running phase ends (UTC); null unless running.</summary>
    public required DateTimeOffset? TargetTimestamp { get; init; }

    /// <summary>When the current phase started; null when idle or completed.</summary>
    public required DateTimeOffset? StartedAt { get; init; }

    /// <summary>Work sessions done in the current cycle (a long break starts a new cycle).</summary>
    /// <example>2</example>
    public required int CompletedWorkSessions { get; init; }

    /// <summary>Increases with every change; drop any event whose version is not newer than the one you hold.</summary>
    /// <example>7</example>
    public required long Version { get; init; }

    /// <summary>The server's clock when this state was read.</summary>
    public required DateTimeOffset ServerTime { get; init; }
}

public static class TimerStateMapping
{
    public static TimerStateResponse ToResponse(this TimerState timer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return new TimerStateResponse
        {
            Status = timer.Status,
            SessionType = timer.SessionType,
            DurationSeconds = timer.DurationSeconds,
            RemainingSeconds = timer.RemainingAt(now).TotalMilliseconds / 1000.0,
            TargetTimestamp = timer.TargetAt,
            StartedAt = timer.StartedAt,
            CompletedWorkSessions = timer.CompletedWorkSessions,
            Version = timer.Version,
            ServerTime = now,
        };
    }
}
