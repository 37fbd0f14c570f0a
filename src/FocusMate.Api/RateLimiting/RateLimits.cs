using System.Globalization;
using System.Net.Sockets;
using System.Net;
using System.Threading.RateLimiting;
using FocusMate.Core.Errors;
using Microsoft.Extensions.Options;

namespace FocusMate.Api.RateLimiting;

/// <summary>
/// Every limit of <see cref="RateLimitingOptions"/>, counted in one place for REST and the hub alike, so a
/// timer command sent over REST and one sent over the hub use up the same allowance.
/// </summary>
/// <remarks>
/// The counting is System.Threading.RateLimiting's fixed-window limiter, one partition per policy, client
/// and window. Windows are cut from the app's <see cref="TimeProvider"/> rather than the limiter's own
/// stopwatch, so tests that move the clock see windows pass, and <c>Retry-After</c> is exactly the time
/// left in the window. A partition lives no longer than its window; the partitioned limiter drops idle ones.
/// </remarks>
public sealed class RateLimits : IDisposable
{
    private const string Unlimited = "-";
    private const char Separator = '|';

    private readonly IOptions<RateLimitingOptions> _options;
    private readonly TimeProvider _clock;
    private readonly Telemetry.ApiMetrics _metrics;
    private readonly PartitionedRateLimiter<string> _limiter;

    public RateLimits(IOptions<RateLimitingOptions> options, TimeProvider clock, Telemetry.ApiMetrics metrics)
    {
        _options = options;
        _clock = clock;
        _metrics = metrics;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => key == Unlimited
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, Limiter));
    }

    public bool Enabled => _options.Value.Enabled;

    /// <summary>Takes one permit of <paramref name="policy"/> for <paramref name="client"/>, or throws <c>RATE_LIMITED</c>.</summary>
    public void Take(RateLimitPolicy policy, string client)
    {
        if (!Enabled)
        {
            return;
        }

        using var lease = _limiter.AttemptAcquire(Key(policy, client));
        if (!lease.IsAcquired)
        {
            throw Refusal(policy);
        }
    }

    /// <summary>The refusal of <paramref name="policy"/> now: its <c>Retry-After</c> is the time left in the current window.</summary>
    public RateLimitedException Refusal(RateLimitPolicy policy)
    {
        _metrics.RateLimited(policy);
        var window = _options.Value.RuleOf(policy).Window.Ticks;
        var now = _clock.GetUtcNow().UtcTicks;
        var left = TimeSpan.FromTicks(window - (now % window));
        return new RateLimitedException(left, What(policy));
    }

    /// <summary>
    /// The key of the partition that counts <paramref name="client"/> under <paramref name="policy"/> in the
    /// current window, or the unlimited key when limits are off.
    /// </summary>
    public string Key(RateLimitPolicy policy, string client)
    {
        if (!Enabled)
        {
            return Unlimited;
        }

        var window = _options.Value.RuleOf(policy).Window.Ticks;
        var index = _clock.GetUtcNow().UtcTicks / window;
        return string.Create(CultureInfo.InvariantCulture, $"{(int)policy}{Separator}{client}{Separator}{index}");
    }

    /// <summary>The key of a request that no limit counts.</summary>
    public static string NoLimit => Unlimited;

    /// <summary>The shared counters seen through another key (an HTTP request, for the rate-limiting middleware).</summary>
    public PartitionedRateLimiter<T> Through<T>(Func<T, string> key) => _limiter.WithTranslatedKey(key, leaveOpen: true);

    /// <summary>
    /// Who a client address is for counting: the address itself, or for IPv6 its /64 network, which one
    /// subscriber can fill with addresses of its own.
    /// </summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose() => _limiter.Dispose();

    private FixedWindowRateLimiterOptions Limiter(string key)
    {
        var policy = (RateLimitPolicy)int.Parse(key.AsSpan(0, key.IndexOf(Separator, StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        var rule = _options.Value.RuleOf(policy);
        // The partition only lives for one window of the app's clock; the limiter's own window never refills it.
        return new FixedWindowRateLimiterOptions { PermitLimit = rule.PermitLimit, Window = rule.Window, QueueLimit = 0, AutoReplenishment = true };
    }

    private static string What(RateLimitPolicy policy) => policy switch
    {
        RateLimitPolicy.CreateRoom => "rooms created",
        RateLimitPolicy.Join => "joins",
        RateLimitPolicy.Commands => "timer commands",
        RateLimitPolicy.Settings => "changes",
        RateLimitPolicy.Chat => "messages",
        _ => "requests",
    };
}
