using FocusMate.Core.Timers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;

namespace FocusMate.TestSupport;

/// <summary>
/// The real app on Kestrel, with <paramref name="clock"/> as its time and <c>POST /_test/clock</c> to move it; with
/// <c>FOCUSMATE_TEST_SPANS</c> set (and tracing on), every span it records is written to that file.
/// </summary>
public sealed class ClockedApp(AdjustableClock clock) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(clock);
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IStartupFilter, ClockEndpoint>();
            if (Environment.GetEnvironmentVariable("FOCUSMATE_TEST_SPANS") is { Length: > 0 } spans)
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new SpanFile(spans)));
            }
        });
    }

    /// <summary><c>POST /_test/clock {"advance_seconds": N}</c>: moves the clock on and wakes the scheduler.</summary>
    private sealed class ClockEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                if (!context.Request.Path.Equals("/_test/clock", StringComparison.Ordinal) || !HttpMethods.IsPost(context.Request.Method))
                {
                    await rest(context);
                    return;
                }

                var request = await context.Request.ReadFromJsonAsync<AdvanceRequest>(context.RequestAborted);
                if (request is not { advance_seconds: > 0 and <= 86_400 })
                {
                    context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                    await context.Response.WriteAsync("advance_seconds must be between 0 and 86400");
                    return;
                }

                var clock = context.RequestServices.GetRequiredService<AdjustableClock>();
                clock.Advance(TimeSpan.FromSeconds(request.advance_seconds));
                context.RequestServices.GetRequiredService<PhaseDeadlines>().Wake();
                await context.Response.WriteAsJsonAsync(new { server_time = clock.GetUtcNow() });
            });
            next(app);
        };
    }

#pragma warning disable CA1812, IDE1006, CA1707 // Created by the JSON reader; named as the wire names it.
    private sealed record AdvanceRequest(double advance_seconds);
#pragma warning restore CA1812, IDE1006, CA1707
}
