using FocusMate.Core.Scaling;
using StackExchange.Redis;

namespace FocusMate.Infrastructure.ScaleOut;

/// <summary>
/// Claims shared by every instance through Redis (<c>SET NX</c> with an expiry). A key claimed on this instance is
/// refused here at once; while Redis is away, each instance can only refuse what it saw itself.
/// </summary>
internal sealed class RedisOnceOnlyClaims(IConnectionMultiplexer redis, LocalOnceOnlyClaims local) : IOnceOnlyClaims
{
    private const string Prefix = "focusmate:once:";

    public async Task<bool> TryClaimAsync(string key, TimeSpan keepFor)
    {
        if (!local.TryClaim(key, keepFor))
        {
            return false;
        }

        if (!redis.IsConnected)
        {
            return true;
        }

        try
        {
            return await redis.GetDatabase().StringSetAsync(Prefix + key, 1, keepFor, When.NotExists);
        }
        catch (RedisException)
        {
            return true;
        }
    }
}
