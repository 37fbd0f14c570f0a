using FocusMate.Core.Rooms;
using FocusMate.Core.Scaling;
using FocusMate.Core.Timers;
using FocusMate.Infrastructure.Caching;
using FocusMate.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FocusMate.IntegrationTests;

/// <summary>The room cache's own rules: a read that raced a write is not kept, and quiet rooms leave nothing behind.</summary>
public sealed class RoomCacheTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(FocusMateFactory.Start);
    private readonly RoomCache _cache;
    private readonly Room _room = new(Guid.NewGuid(), "cache", RoomSettings.Default, FocusMateFactory.Start);
    private readonly TimerState _timer = TimerState.Initial(RoomSettings.Default.Phases);

    public RoomCacheTests() => _cache = new RoomCache(new SingleInstanceBus(), _clock);

    [Fact]
    public void AReadThatStartedBeforeAWriteIsNotKept()
    {
        var stamp = _cache.Stamp(_room.Id);
        _cache.Changed(_room.Id);

        _cache.Store(_room.Id, stamp, _room, _timer, participants: null);

        Assert.Null(_cache.Find(_room.Id));
    }

    [Fact]
    public void AnEntryExpiresAndTheStampOfAQuietRoomGoesAfterAWholeSweep()
    {
        _cache.Store(_room.Id, _cache.Stamp(_room.Id), _room, _timer, participants: null);
        _cache.Changed(_room.Id);
        _cache.Store(_room.Id, _cache.Stamp(_room.Id), _room, _timer, participants: null);
        Assert.NotNull(_cache.Find(_room.Id));

        _clock.Advance(RoomCache.MaxAge);
        Assert.Null(_cache.Find(_room.Id));
        Assert.Equal(1, _cache.StampCount);

        _clock.Advance(RoomCache.MaxAge);
        Assert.Equal(0, _cache.StampCount);
    }

    public void Dispose() => _cache.Dispose();
}
