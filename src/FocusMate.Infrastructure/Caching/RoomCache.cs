using System.Collections.Concurrent;
using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Scaling;
using FocusMate.Core.Timers;

namespace FocusMate.Infrastructure.Caching;

/// <summary>
/// The active rooms of this instance in memory — settings, timer, participants — so that a timer command's
/// authorisation read, <c>GET</c> room and the participant list need no database read in the steady state.
/// <list type="bullet">
/// <item>Every write of this instance updates or drops the room's entry (a timer that was saved is kept at its new
/// version), and tells the other instances, which drop theirs.</item>
/// <item>A read that raced a write never stores what it read (each room has a stamp every write moves on).</item>
/// <item>The timer's version decides anyway: a command that read a stale timer fails its compare-and-swap, which
/// drops the entry, and tries again from the database.</item>
/// <item>An entry lives <see cref="MaxAge"/> at most, and all are dropped when the link to the other instances comes
/// back after an outage (notices may have been lost meanwhile).</item>
/// </list>
/// </summary>
public sealed class RoomCache : IDisposable
{
    public const string Topic = "rooms";

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly ConcurrentDictionary<Guid, long> _stamps = new();
    private Dictionary<Guid, long> _idleStamps = [];
    private readonly IInstanceBus _bus;
    private readonly TimeProvider _clock;
    private readonly ITimer _sweep;

    public RoomCache(IInstanceBus bus, TimeProvider clock)
    {
        _bus = bus;
        _clock = clock;
        bus.Restored += (_, _) => Clear();
        _ = bus.SubscribeAsync(Topic, message =>
        {
            if (Guid.TryParse(message, out var roomId))
            {
                Drop(roomId);
            }
        });
        _sweep = clock.CreateTimer(_ => RemoveExpired(), null, MaxAge, MaxAge);
    }

    /// <summary>A room as cached: its data, and its participants once someone read them (longest present first).</summary>
    public sealed record Entry(Room Room, TimerState Timer, IReadOnlyList<Participant>? Participants, DateTimeOffset LoadedAt);

    public int Count => _entries.Count;

    /// <summary>Rooms with a stamp kept (tests: stamps of quiet rooms do not pile up).</summary>
    internal int StampCount => _stamps.Count;

    /// <summary>The room's stamp now; take it before reading the database, give it to <see cref="Store"/> after.</summary>
    public long Stamp(Guid roomId) => _stamps.GetValueOrDefault(roomId);

    public Entry? Find(Guid roomId) =>
        _entries.TryGetValue(roomId, out var entry) && _clock.GetUtcNow() - entry.LoadedAt < MaxAge ? entry : null;

    /// <summary>Keeps what was read from the database, unless a write came since <paramref name="stamp"/> was taken.</summary>
    public void Store(Guid roomId, long stamp, Room room, TimerState timer, IReadOnlyList<Participant>? participants)
    {
        if (Stamp(roomId) == stamp)
        {
            _entries[roomId] = new Entry(room.Copy(), timer, participants, _clock.GetUtcNow());
            if (Stamp(roomId) != stamp)
            {
                _entries.TryRemove(roomId, out _);
            }
        }
    }

    /// <summary>This instance saved the room's timer at a new version: the entry keeps it, the others drop theirs.</summary>
    public void TimerSaved(Guid roomId, long expectedVersion, TimerState saved)
    {
        var entry = Find(roomId);
        Changed(roomId);
        if (entry is not null && entry.Timer.Version == expectedVersion)
        {
            _entries[roomId] = entry with { Timer = saved };
        }
    }

    /// <summary>The room changed here (settings, participants, deletion, a lost compare-and-swap): dropped here and everywhere.</summary>
    public void Changed(Guid roomId)
    {
        Drop(roomId);
        _bus.Publish(Topic, roomId.ToString());
    }

    /// <summary>Dropped here only (what changed does not matter to other instances' reads).</summary>
    public void Drop(Guid roomId)
    {
        _stamps.AddOrUpdate(roomId, 1, (_, stamp) => stamp + 1);
        _entries.TryRemove(roomId, out _);
    }

    /// <summary>Rooms whose cached participant list holds one of <paramref name="participantIds"/> never seen before.</summary>
    public IEnumerable<Guid> RoomsWithUnseen(IReadOnlyCollection<Guid> participantIds)
    {
        foreach (var (roomId, entry) in _entries)
        {
            if (entry.Participants?.Any(p => p.FirstSeenAt is null && participantIds.Contains(p.Id)) == true)
            {
                yield return roomId;
            }
        }
    }

    public void Clear()
    {
        foreach (var roomId in _entries.Keys)
        {
            Drop(roomId);
        }
    }

    private void RemoveExpired()
    {
        var now = _clock.GetUtcNow();
        foreach (var (roomId, entry) in _entries)
        {
            if (now - entry.LoadedAt >= MaxAge)
            {
                // The stamp stays: a read that started before may not store after this.
                _entries.TryRemove(KeyValuePair.Create(roomId, entry));
            }
        }

        // A stamp goes once its room has had no entry and no write for a whole sweep: no read that could race that
        // write is still running, so rooms that were deleted or went quiet leave nothing behind.
        var idle = new Dictionary<Guid, long>();
        foreach (var (roomId, stamp) in _stamps)
        {
            if (_entries.ContainsKey(roomId))
            {
                continue;
            }

            if (_idleStamps.TryGetValue(roomId, out var before) && before == stamp)
            {
                _stamps.TryRemove(KeyValuePair.Create(roomId, stamp));
            }
            else
            {
                idle[roomId] = stamp;
            }
        }

        _idleStamps = idle;
    }

    public void Dispose() => _sweep.Dispose();
}
