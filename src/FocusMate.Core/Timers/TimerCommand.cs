namespace FocusMate.Core.Timers;

/// <summary>What a participant asks the timer to do.</summary>
public enum TimerCommand
{
    Start,
    Pause,
    Resume,
    Reset,
    Skip,
}
