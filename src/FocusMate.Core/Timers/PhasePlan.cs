namespace FocusMate.Core.Timers;

/// <summary>The part of a room's settings that shapes its phases.</summary>
public sealed record PhasePlan(
    int WorkMinutes,
    int BreakMinutes,
    int LongBreakMinutes,
    int LongBreakInterval,
    bool AutoStartBreak,
    bool AutoStartWork)
{
    public TimeSpan DurationOf(SessionType type) => TimeSpan.FromMinutes(type switch
    {
        SessionType.Work => WorkMinutes,
        SessionType.Break => BreakMinutes,
        _ => LongBreakMinutes,
    });

    public bool AutoStarts(SessionType next) => next == SessionType.Work ? AutoStartWork : AutoStartBreak;
}
