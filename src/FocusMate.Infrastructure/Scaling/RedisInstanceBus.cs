using FocusMate.Core.Scaling;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FocusMate.Infrastructure.Scaling;

/// <summary>Notices between instances over Redis pub/sub; each message carries its sender so nobody hears itself.</summary>
internal sealed partial class RedisInstanceBus(IConnectionMultiplexer redis, InstanceIdentity instance, ILogger<RedisInstanceBus> logger)
    : IInstanceBus
{
    private const char Separator = '\n';

    public void Publish(string topic, string message)
    {
        try
        {
            redis.GetSubscriber().Publish(Channel(topic), $"{instance.Id}{Separator}{message}", CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            LogPublishFailed(ex, topic);
        }
    }

    public async Task SubscribeAsync(string topic, Action<string> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        await redis.GetSubscriber().SubscribeAsync(Channel(topic), (_, value) =>
        {
            var text = value.ToString();
            var split = text.IndexOf(Separator, StringComparison.Ordinal);
            if (split > 0 && text[..split] != instance.Id)
            {
                handler(text[(split + 1)..]);
            }
        });
    }

    private static RedisChannel Channel(string topic) => RedisChannel.Literal($"focusmate:bus:{topic}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances about {Topic}")]
    private partial void LogPublishFailed(Exception exception, string topic);
}

/// <summary>This process's name among the instances of a deployment.</summary>
public sealed class InstanceIdentity
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
