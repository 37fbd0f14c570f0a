using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace FocusMate.Api.Hosting;

public static class LoggingSetup
{
    /// <summary>Structured JSON logs to stdout (one event per line), levels from the <c>Serilog</c> section.</summary>
    public static IServiceCollection AddStructuredLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            .Enrich.With<TokenRedaction>()
            .WriteTo.Console(new RenderedCompactJsonFormatter()));

    /// <summary>One line per request with method, path, status and time; health probes only at debug level.</summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // This app's own logger, not the process-wide static one (several hosts in one process, as in tests).
            options.Logger = app.Services.GetService<Serilog.ILogger>();
            options.GetLevel = (context, _, error) => error is not null || context.Response.StatusCode >= 500
                ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Debug : LogEventLevel.Information;
        });
        return app;
    }
}
