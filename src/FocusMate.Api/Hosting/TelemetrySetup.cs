using System.Net;
using System.Reflection;
using FocusMate.Api.Telemetry;
using FocusMate.Core.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FocusMate.Api.Hosting;

/// <summary>Metrics and traces (configuration section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Traces are recorded when true; unset: when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> says where to send them.</summary>
    public bool? Tracing { get; set; }

    /// <summary>Networks allowed to read <c>/metrics</c> (others get 404): loopback and the private ranges, where Prometheus runs.</summary>
    public IList<string> MetricsNetworks { get; } = [];

    public static readonly string[] DefaultMetricsNetworks = ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];
}

/// <summary>
/// OpenTelemetry for metrics and traces. Metrics: ASP.NET Core's own meters (request duration, Kestrel and
/// SignalR connections) and FocusMate's, served in Prometheus's text format at <c>/metrics</c> on the API's own
/// port. Traces of requests, hub method calls, database commands and Redis, exported over OTLP.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    private static readonly string Version = typeof(TelemetrySetup).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        services.AddSingleton<ReadinessProbe>();
        services.AddHostedService(provider => provider.GetRequiredService<ReadinessProbe>());
        services.AddSingleton<ApiMetrics>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("focusmate-api", serviceVersion: Version))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
                    "Microsoft.AspNetCore.RateLimiting", FocusMateTelemetry.MeterName)
                .AddPrometheusExporter());
        if (TracingEnabled(configuration))
        {
            telemetry.WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments(MetricsPath))
                    .AddSource("Microsoft.AspNetCore.SignalR.Server", FocusMateTelemetry.SourceName)
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddRedisInstrumentation();
                if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
                {
                    tracing.AddOtlpExporter();
                }
            });
        }

        return services;
    }

    /// <summary><c>/metrics</c>, for Prometheus on the internal network only (nginx does not pass it on either).</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        var configured = app.Configuration.GetSection($"{TelemetryOptions.Section}:{nameof(TelemetryOptions.MetricsNetworks)}").Get<string[]>();
        var networks = (configured is { Length: > 0 } ? configured : TelemetryOptions.DefaultMetricsNetworks)
            .Select(n => System.Net.IPNetwork.TryParse(n, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Telemetry:MetricsNetworks holds '{n}', which is not a network in CIDR notation."))
            .ToArray();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(MetricsPath), branch => branch.Use(async (context, next) =>
        {
            if (!Allowed(context.Connection.RemoteIpAddress, networks))
            {
                await Errors.ProblemResponses.WriteNotFoundAsync(context);
                return;
            }

            await next(context);
        }));
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    private static bool Allowed(IPAddress? address, System.Net.IPNetwork[] networks)
    {
        if (address is null)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain));
    }

    private static bool TracingEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>($"{TelemetryOptions.Section}:{nameof(TelemetryOptions.Tracing)}")
        ?? !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}
