using FocusMate.Api.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace FocusMate.Api.Hubs;

public static class RoomHubEndpoint
{
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
            ApplicationMaxBufferSize = limits.HubSendBufferBytes,
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
