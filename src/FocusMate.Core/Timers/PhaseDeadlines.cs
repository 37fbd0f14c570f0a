using FocusMate.Core.Scaling;

namespace FocusMate.Core.Timers;

/// <summary>
/// Wakes the phase scheduler when a target changes, so it sleeps until the earliest due target instead
/// of polling. A change here also wakes the schedulers of the other instances, so any of them completes
/// the phase on time if this one is gone by then.
/// </summary>
public sealed class PhaseDeadlines(IInstanceBus bus)
{
    public const string Topic = "deadlines";

    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Completes at the next change; take it before reading the targets, so no change is missed.</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    /// <summary>A target changed in this instance.</summary>
    public void Changed()
    {
        ChangedElsewhere();
        bus.Publish(Topic, "");
    }

    /// <summary>A target changed in another instance.</summary>
    public void ChangedElsewhere() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    /// <summary>Listens for the other instances' changes.</summary>
    public Task ListenAsync() => bus.SubscribeAsync(Topic, _ => ChangedElsewhere());

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
