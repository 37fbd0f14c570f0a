using System.Reflection;
using FocusMate.Api.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FocusMate.Api.Hosting;

public static class HealthSetup
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        // The database's check, tagged ReadyTag too, comes with the database (FocusMate.Infrastructure's AddDatabase).
        services.AddHealthChecks().AddCheck<ShuttingDownCheck>("shutting-down", tags: [ReadyTag]);
        return services;
    }

    /// <summary><c>/health</c>: the process answers. <c>/health/ready</c>: and its database too (503 when not).</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        });
        return app;
    }

    private static readonly string Version = typeof(HealthSetup).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        context.Response.Headers.CacheControl = "no-store";
        var body = new HealthResponse(report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy", clock.GetUtcNow(), Version);
        return context.Response.WriteAsJsonAsync(body, ApiJson.Options);
    }

    private sealed record HealthResponse(string Status, DateTimeOffset Timestamp, string Version);

    /// <summary>Not ready once shutdown has begun, so a load balancer stops sending new clients here.</summary>
    private sealed class ShuttingDownCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("The instance is shutting down.")
                : HealthCheckResult.Healthy());
    }
}
