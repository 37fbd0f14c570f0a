using System.Threading.Channels;
using FocusMate.Core.Timers;

namespace FocusMate.Core.Push;

/// <summary>
/// The phase ends waiting to be pushed. The instance whose compare-and-swap recorded a completion puts it here, once;
/// the delivery service (Background) takes it from here and sends it to the room's subscriptions. Bounded: if pushes
/// pile up (push services down for long), the oldest are dropped, never the timer's own work.
/// </summary>
public sealed class PhaseEndPushes
{
    private readonly Channel<(Guid RoomId, PhaseEnd End)> _queue =
        Channel.CreateBounded<(Guid, PhaseEnd)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(Guid roomId, IReadOnlyList<PhaseEnd> ends)
    {
        ArgumentNullException.ThrowIfNull(ends);
        foreach (var end in ends)
        {
            _queue.Writer.TryWrite((roomId, end));
        }
    }

    public ChannelReader<(Guid RoomId, PhaseEnd End)> Reader => _queue.Reader;
}
