using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace FocusMate.Api.Hosting;

public static class LoggingSetup
{
    /// <summary>
    /// Logs to stdout, levels from the <c>Serilog</c> section: JSON lines for machines (the default, and what
    /// containers write), or readable lines for a person at a terminal (<c>Logs:Format=Text</c>, which
    /// scripts/run.sh sets when its output is a terminal). Both carry the trace id of the request or span.
    /// </summary>
    public static IServiceCollection AddStructuredLogging(this IServiceCollection services, IConfiguration configuration)
    {
        var text = string.Equals(configuration["Logs:Format"], "Text", StringComparison.OrdinalIgnoreCase);
        // preserveStaticLogger: this app logs through its own logger, never the process-wide static one (several hosts
        // share a process in the tests; with the static logger, whichever host started last would take every log line).
        return services.AddSerilog((provider, logger) =>
        {
            logger
                .ReadFrom.Configuration(configuration)
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext()
                .Enrich.With<TokenRedaction>();
            if (text)
            {
                logger.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        }, preserveStaticLogger: true);
    }

    private const string TextTemplate = "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj} {TraceId}{NewLine}{Exception}";

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
