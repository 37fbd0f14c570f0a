namespace FocusMate.Core.Timers;

/// <summary>How a finished phase ended.</summary>
public enum SessionOutcome
{
    /// <summary>It ran to its target.</summary>
    Completed,
    /// <summary>Someone skipped it.</summary>
    Skipped,
    /// <summary>A reset cut it short.</summary>
    Interrupted,
}
