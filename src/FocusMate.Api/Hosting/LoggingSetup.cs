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
        }, preserveStaticLogger: true).KeepOneLoggerPerCategory();
    }

    /// <summary>
    /// Serilog's logger factory makes a new logger (a Serilog context and its own event-id cache) on every
    /// <c>CreateLogger</c>, and SignalR and Kestrel ask for loggers per connection: that was about 1.4 KB of every
    /// joined client. Decorated here to keep one logger per category, as Microsoft's own factory does.
    /// </summary>
    private static IServiceCollection KeepOneLoggerPerCategory(this IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new CachingLoggerFactory(
            (ILoggerFactory)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!))));
        return services;
    }

    private sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Microsoft.Extensions.Logging.ILogger> _loggers = new(StringComparer.Ordinal);

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
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
