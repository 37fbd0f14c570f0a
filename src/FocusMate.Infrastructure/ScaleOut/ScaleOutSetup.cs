using FocusMate.Core.Presence;
using FocusMate.Core.Scaling;
using FocusMate.Infrastructure.Presence;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FocusMate.Infrastructure.ScaleOut;

/// <summary>
/// Everything that lets several instances serve one deployment, in one place. Without a Redis connection string
/// the app is a single process: presence in memory, nobody to tell, claims kept locally. With one, a single Redis
/// connection (one multiplexer) carries the SignalR backplane (a group send reaches the room's clients on every
/// instance), presence shared by all instances, the notices between them, and hub tickets spent everywhere.
/// </summary>
public static class ScaleOutSetup
{
    public const string RedisConnectionStringName = "Redis";

    /// <summary>True when a Redis connection string is configured: several instances share presence and notices through it.</summary>
    public static bool UsesRedis(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisConnectionStringName));

    /// <summary>Presence, instance notices, once-only claims and, with Redis, the SignalR backplane.</summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LocalOnceOnlyClaims>();
        if (!UsesRedis(configuration))
        {
            services.AddSingleton<IPresenceTracker, InMemoryPresenceTracker>();
            services.AddSingleton<IInstanceBus, SingleInstanceBus>();
            services.AddSingleton<IOnceOnlyClaims>(provider => provider.GetRequiredService<LocalOnceOnlyClaims>());
            return services;
        }

        var redis = ConfigurationOptions.Parse(configuration.GetConnectionString(RedisConnectionStringName)!);
        // Start even when Redis is not up yet, and keep reconnecting while it is away.
        redis.AbortOnConnectFail = false;
        // While Redis is away, presence calls fail at once (presence is then unknown) instead of queueing.
        redis.BacklogPolicy = BacklogPolicy.FailFast;
        redis.ClientName = "focusmate";
        // Every pub/sub channel of FocusMate's (the SignalR backplane's too) under one prefix.
        redis.ChannelPrefix = RedisChannel.Literal("focusmate:");
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<IInstanceBus, RedisInstanceBus>();
        services.AddSingleton<IPresenceTracker, RedisPresenceTracker>();
        services.AddSingleton<IOnceOnlyClaims, RedisOnceOnlyClaims>();
        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<RedisOptions>().Configure<IConnectionMultiplexer>((options, multiplexer) =>
            options.ConnectionFactory = _ => Task.FromResult(multiplexer));
        return services;
    }
}
