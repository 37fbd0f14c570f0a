namespace FocusMate.Core.Timers;

/// <summary>Where a room's timer stands.</summary>
public enum TimerStatus
{
    /// <summary>Nothing has run since the last reset; the next phase is work.</summary>
    Idle,
    /// <summary>A phase is counting down towards its target instant.</summary>
    Running,
    /// <summary>A phase is stopped with its remaining time kept to the millisecond.</summary>
    Paused,
    /// <summary>A phase ended and the next one did not start by itself.</summary>
    Completed,
}
