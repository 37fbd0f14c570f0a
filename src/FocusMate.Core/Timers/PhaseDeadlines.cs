using System.Globalization;
using FocusMate.Core.Scaling;

namespace FocusMate.Core.Timers;

/// <summary>
/// Wakes the phase scheduler when a new target comes before the moment it plans to wake, so it sleeps
/// until the earliest due target instead of polling, and a pause or a later target costs it nothing.
/// A new target here also reaches the schedulers of the other instances, so any of them completes the
/// phase on time if this one is gone by then.
/// </summary>
public sealed class PhaseDeadlines(IInstanceBus bus)
{
    public const string Topic = "deadlines";

    /// <summary>The UTC ticks the scheduler plans to wake at; 0 while it is awake (every change then counts).</summary>
    private long _plannedWake;

    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Completes when a target earlier than the planned wake-up appears. Take it before reading the targets.</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    /// <summary>The scheduler is awake and reading the targets: any new target must wake it again.</summary>
    public void Awake() => Volatile.Write(ref _plannedWake, 0);

    /// <summary>The scheduler will sleep until <paramref name="wakeAt"/>.</summary>
    public void SleepUntil(DateTimeOffset wakeAt) => Volatile.Write(ref _plannedWake, wakeAt.UtcTicks);

    /// <summary>A running phase got a new target in this instance.</summary>
    public void Changed(DateTimeOffset target)
    {
        ChangedElsewhere(target);
        bus.Publish(Topic, target.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A running phase got a new target, here or in another instance.</summary>
    public void ChangedElsewhere(DateTimeOffset target)
    {
        var planned = Volatile.Read(ref _plannedWake);
        if (planned == 0 || target.UtcTicks < planned)
        {
            Wake();
        }
    }

    /// <summary>Wakes the scheduler whatever it planned (the clock itself moved, in tests).</summary>
    public void Wake() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    /// <summary>Listens for the other instances' new targets.</summary>
    public Task ListenAsync() => bus.SubscribeAsync(Topic, message =>
    {
        if (long.TryParse(message, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds))
        {
            ChangedElsewhere(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
        }
    });

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
