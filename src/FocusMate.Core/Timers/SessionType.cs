namespace FocusMate.Core.Timers;

/// <summary>The kind of a phase.</summary>
public enum SessionType
{
    /// <summary>A focus session.</summary>
    Work,
    /// <summary>A short break.</summary>
    Break,
    /// <summary>The long break after every N-th work session.</summary>
    LongBreak,
}
