namespace FocusMate.Core.Timers;

public static class ClockExtensions
{
    /// <summary>
    /// The current UTC instant cut to whole milliseconds: the precision of the contract's instants and of
    /// every database here, so a state read back equals the state that was written.
    /// </summary>
    public static DateTimeOffset GetUtcNowMilliseconds(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
