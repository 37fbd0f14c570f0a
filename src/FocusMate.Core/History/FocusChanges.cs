using System.Threading.Channels;

namespace FocusMate.Core.History;

/// <summary>
/// Focus changes waiting to be written (by the focus recorder, in Background), in the order they happened. Each carries
/// the instant it took effect, so writing it a moment later records the same interval. <see cref="FlushAsync"/> lets a
/// reader (the statistics) wait until what this instance recorded is written.
/// </summary>
public sealed class FocusChanges
{
    private readonly Channel<FocusChange> _queue = Channel.CreateUnbounded<FocusChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private long _pending;
    private TaskCompletionSource _idle = Completed();

    public void Record(FocusChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        _queue.Writer.TryWrite(change);
    }

    public ChannelReader<FocusChange> Reader => _queue.Reader;

    /// <summary>The writer wrote (or gave up on) <paramref name="count"/> changes.</summary>
    public void Written(int count)
    {
        lock (_gate)
        {
            _pending -= count;
            if (_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    /// <summary>Completes once every change recorded so far is written, or after <paramref name="patience"/>.</summary>
    public async Task FlushAsync(TimeSpan patience)
    {
        Task idle;
        lock (_gate)
        {
            idle = _idle.Task;
        }

        await Task.WhenAny(idle, Task.Delay(patience));
    }

    private static TaskCompletionSource Completed()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }
}
