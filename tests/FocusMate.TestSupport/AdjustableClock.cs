namespace FocusMate.TestSupport;

/// <summary>
/// The system clock, moved on by tests (<see cref="Advance"/>) and optionally running faster than real time:
/// with speed N, N seconds pass for every real one, counted from an epoch every process of a drill shares,
/// so several instances agree on the time. Timers scale with it: a phase of a minute ends after 60/N seconds.
/// </summary>
public sealed class AdjustableClock(double speed = 1, DateTimeOffset? epoch = null) : TimeProvider
{
    private readonly DateTimeOffset _epoch = epoch ?? DateTimeOffset.UtcNow;
    private long _offsetTicks;

    public double Speed { get; } = speed >= 1 ? speed : 1;

    public override DateTimeOffset GetUtcNow()
    {
        var real = System.GetUtcNow();
        var fast = Speed == 1 ? real : _epoch + (real - _epoch) * Speed;
        return fast.AddTicks(Interlocked.Read(ref _offsetTicks));
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan || Speed == 1 ? span : span / Speed;
}
