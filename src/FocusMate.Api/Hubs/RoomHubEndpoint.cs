using FocusMate.Api.Hosting;
using FocusMate.Api.Json;
using FocusMate.Api.RateLimiting;
using FocusMate.Core.Events;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace FocusMate.Api.Hubs;

public static class RoomHubEndpoint
{
    /// <summary>
    /// SignalR with the room hub's limits and filters (errors, rate limits, load shedding), the connections it
    /// keeps, and the events services raise, sent to the rooms' clients. With several instances the backplane is
    /// added by the scale-out set-up (FocusMate.Infrastructure's <c>AddScaleOut</c>).
    /// </summary>
    public static IServiceCollection AddRoomHub(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = limits.MaxHubMessageBytes;
                // Outermost first: refusals (rate limits included) are reported by the error filter.
                options.AddFilter<HubErrorFilter>();
                options.AddFilter<HubRateLimitFilter>();
                options.AddFilter<HubLoadSheddingFilter>();
            })
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions));
        services.AddSingleton<HubErrorFilter>();
        services.AddSingleton<HubLoadSheddingFilter>();
        services.AddSingleton<RoomConnections>();
        services.AddHostedService(provider => provider.GetRequiredService<RoomConnections>());
        services.AddHostedService<ConnectionReconciler>();
        services.AddSingleton<IRoomEvents, HubRoomEvents>();
        return services;
    }

    /// <summary>
    /// The room hub at <see cref="RoomHub.Path"/>, as <c>MapHub</c> would map it, with the
    /// <see cref="SlowClientGuard"/> between SignalR and each connection's transport.
    /// </summary>
    public static IEndpointConventionBuilder MapRoomHub(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlowClientGuard).FullName!);
        var options = new HttpConnectionDispatcherOptions
        {
            // What SignalR may hold for the client unsent before a flush waits (the guard's "stopped reading"). It is the
            // transport's buffer, not the application's (that one bounds what the client sends): a join_room answer
            // with a long chat history (up to ~300 KB) must fit, or a reading client is cut off on joining.
            TransportMaxBufferSize = limits.HubSendBufferBytes,
            TransportSendTimeout = limits.HubSendTimeout,
        };
        var endpoint = app.MapConnections(RoomHub.Path, options, connection => connection.UseSlowClientGuard(logger, app.Services.GetRequiredService<Telemetry.ApiMetrics>()).UseHub<RoomHub>());
        var attributes = typeof(RoomHub).GetCustomAttributes(inherit: true);
        endpoint.Add(builder =>
        {
            foreach (var attribute in attributes)
            {
                builder.Metadata.Add(attribute);
            }

            builder.Metadata.Add(new HubMetadata(typeof(RoomHub)));
        });
        return endpoint;
    }
}
