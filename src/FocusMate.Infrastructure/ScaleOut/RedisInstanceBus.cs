using FocusMate.Core.Scaling;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FocusMate.Infrastructure.ScaleOut;

/// <summary>Notices between instances over Redis pub/sub; each message carries its sender so nobody hears itself.</summary>
internal sealed partial class RedisInstanceBus : IInstanceBus
{
    private const char Separator = '\n';
    private readonly IConnectionMultiplexer _redis;
    private readonly InstanceIdentity _instance;
    private readonly ILogger<RedisInstanceBus> _logger;

    public RedisInstanceBus(IConnectionMultiplexer redis, InstanceIdentity instance, ILogger<RedisInstanceBus> logger)
    {
        _redis = redis;
        _instance = instance;
        _logger = logger;
        redis.ConnectionRestored += (_, args) =>
        {
            if (args.ConnectionType == ConnectionType.Subscription)
            {
                _ = SubscribePendingAsync();
                LogRestored();
                Restored?.Invoke(this, EventArgs.Empty);
            }
        };
    }

    public event EventHandler? Restored;

    /// <summary>Subscriptions that could not be made yet (Redis was down at start-up); made when it comes.</summary>
    private readonly List<(string Topic, Action<string> Handler)> _pending = [];

    public void Publish(string topic, string message)
    {
        try
        {
            _redis.GetSubscriber().Publish(Channel(topic), $"{_instance.Id}{Separator}{message}", CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            LogPublishFailed(ex, topic);
        }
    }

    /// <summary>Subscribes now, or, while Redis is away, as soon as it is reachable: an instance starts without it.</summary>
    public async Task SubscribeAsync(string topic, Action<string> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            await SubscribeNowAsync(topic, handler);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis away at start-up fails fast (no connection) or after the command timeout (RedisTimeoutException,
            // a TimeoutException): either way the subscription waits for the link.
            LogSubscribeDeferred(ex, topic);
            lock (_pending)
            {
                _pending.Add((topic, handler));
            }
        }
    }

    private async Task SubscribePendingAsync()
    {
        (string Topic, Action<string> Handler)[] pending;
        lock (_pending)
        {
            pending = [.. _pending];
            _pending.Clear();
        }

        foreach (var (topic, handler) in pending)
        {
            await SubscribeAsync(topic, handler);
        }
    }

    private Task SubscribeNowAsync(string topic, Action<string> handler) =>
        _redis.GetSubscriber().SubscribeAsync(Channel(topic), (_, value) =>
        {
            var text = value.ToString();
            var split = text.IndexOf(Separator, StringComparison.Ordinal);
            if (split > 0 && text[..split] != _instance.Id)
            {
                handler(text[(split + 1)..]);
            }
        });

    private static RedisChannel Channel(string topic) => RedisChannel.Literal($"bus:{topic}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances about {Topic}")]
    private partial void LogPublishFailed(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable: listening for {Topic} starts when it is back")]
    private partial void LogSubscribeDeferred(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "The link to the other instances (Redis) is back; resyncing")]
    private partial void LogRestored();
}
