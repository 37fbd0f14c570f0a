namespace FocusMate.Core.Timers;

/// <summary>
/// Wakes the phase scheduler when a target changes in this process, so it sleeps until the earliest
/// due target instead of polling.
/// </summary>
public sealed class PhaseDeadlines
{
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Completes at the next <see cref="Changed"/>; take it before reading the targets, so no change is missed.</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    public void Changed() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
