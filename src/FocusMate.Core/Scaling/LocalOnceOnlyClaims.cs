using System.Collections.Concurrent;

namespace FocusMate.Core.Scaling;

/// <summary>
/// Claims remembered by this process: all there is for a single instance, and the first check of several (a key
/// claimed here is refused here without asking anyone). Expired claims are forgotten as new ones come in.
/// </summary>
public sealed class LocalOnceOnlyClaims(TimeProvider clock) : IOnceOnlyClaims
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claimed = new(StringComparer.Ordinal);

    public Task<bool> TryClaimAsync(string key, TimeSpan keepFor) => Task.FromResult(TryClaim(key, keepFor));

    public bool TryClaim(string key, TimeSpan keepFor)
    {
        var now = clock.GetUtcNow();
        foreach (var (claimed, until) in _claimed)
        {
            if (until < now)
            {
                _claimed.TryRemove(claimed, out _);
            }
        }

        return _claimed.TryAdd(key, now + keepFor);
    }
}
