using FocusMate.Core.History;
using FocusMate.Core.Timers;

namespace FocusMate.Api.Contracts;

/// <summary>A finished phase.</summary>
public sealed record SessionResponse
{
    public required Guid SessionId { get; init; }

    /// <example>work</example>
    public required SessionType SessionType { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>The phase's full length in seconds.</summary>
    /// <example>1500</example>
    public required int PlannedSeconds { get; init; }

    /// <summary>How many of those seconds ran (pauses excluded).</summary>
    /// <example>1500</example>
    public required int ActualSeconds { get; init; }

    /// <example>completed</example>
    public required SessionOutcome Outcome { get; init; }
}

/// <summary>Work statistics over a period.</summary>
public sealed record StatisticsResponse
{
    /// <example>week</example>
    public required StatisticsPeriod Period { get; init; }

    /// <summary>The IANA zone the period was counted in.</summary>
    /// <example>Asia/Seoul</example>
    public required string Tz { get; init; }

    /// <summary>Where the period began, as a UTC instant.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>Work phases that ran to the end.</summary>
    /// <example>6</example>
    public required int CompletedSessions { get; init; }

    /// <summary>Actual seconds of all finished work phases, partial ones included.</summary>
    /// <example>9600</example>
    public required long TotalFocusTimeSeconds { get; init; }

    /// <summary>Mean actual seconds of completed work phases (0 when none).</summary>
    /// <example>1500</example>
    public required double AverageSessionDuration { get; init; }

    /// <summary>Completed work phases over all finished work phases (0 when none).</summary>
    /// <example>0.75</example>
    public required double CompletionRate { get; init; }

    /// <summary>Every local day of the period up to today, oldest first: the actual seconds of the work phases that ended on it.</summary>
    public required IReadOnlyList<DayFocusResponse> Days { get; init; }

    /// <summary>
    /// How long each participant focused in the period — online, showing focusing, while a work phase ran — most first:
    /// everyone in the room now (0 when they did not focus), and those who left after focusing.
    /// </summary>
    public required IReadOnlyList<ParticipantFocusResponse> Participants { get; init; }
}

/// <summary>A local day's focus time.</summary>
public sealed record DayFocusResponse
{
    /// <summary>The day in the requested time zone (ISO 8601 date).</summary>
    /// <example>2026-11-30</example>
    public required DateOnly Date { get; init; }

    /// <example>4500</example>
    public required long FocusSeconds { get; init; }
}

/// <summary>One participant's focus time in the period.</summary>
public sealed record ParticipantFocusResponse
{
    public required Guid ParticipantId { get; init; }

    /// <summary>Its name now, or the last it had in the room.</summary>
    /// <example>Jun</example>
    public required string UserName { get; init; }

    /// <example>3000</example>
    public required long FocusSeconds { get; init; }
}

public static class HistoryMapping
{
    public static SessionResponse ToResponse(this TimerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new SessionResponse
        {
            SessionId = session.Id,
            SessionType = session.SessionType,
            StartedAt = session.StartedAt,
            EndedAt = session.EndedAt,
            PlannedSeconds = session.PlannedSeconds,
            ActualSeconds = session.ActualSeconds,
            Outcome = session.Outcome,
        };
    }

    public static StatisticsResponse ToResponse(this RoomStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new StatisticsResponse
        {
            Period = statistics.Period,
            Tz = statistics.TimeZone,
            Since = statistics.Since,
            CompletedSessions = statistics.CompletedSessions,
            TotalFocusTimeSeconds = statistics.TotalFocusTimeSeconds,
            AverageSessionDuration = statistics.AverageSessionDuration,
            CompletionRate = statistics.CompletionRate,
            Days = [.. statistics.Days.Select(d => new DayFocusResponse { Date = d.Date, FocusSeconds = d.FocusSeconds })],
            Participants = [.. statistics.Participants.Select(p => new ParticipantFocusResponse
            {
                ParticipantId = p.ParticipantId,
                UserName = p.UserName,
                FocusSeconds = p.FocusSeconds,
            })],
        };
    }
}
