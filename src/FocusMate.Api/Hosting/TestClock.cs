using FocusMate.Api.Json;
using FocusMate.Core.Errors;
using FocusMate.Core.Timers;

namespace FocusMate.Api.Hosting;

/// <summary>
/// A clock end-to-end tests can move forward, so a phase end is reached without waiting minutes.
/// Only with <c>Testing:ClockControl=true</c>; never part of a normal deployment.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

public static class TestClock
{
    private const string Switch = "Testing:ClockControl";

    public static IServiceCollection AddTestClockIfEnabled(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(Switch))
        {
            var clock = new AdjustableClock();
            services.AddSingleton(clock);
            services.AddSingleton<TimeProvider>(clock);
        }

        return services;
    }

    /// <summary><c>POST /_test/clock {"advance_seconds": N}</c>: moves the server clock on and wakes the scheduler.</summary>
    public static WebApplication MapTestClockIfEnabled(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(Switch))
        {
            app.MapPost("/_test/clock", async (HttpContext context, AdjustableClock clock, PhaseDeadlines deadlines) =>
            {
                var request = await context.Request.ReadFromJsonAsync<AdvanceRequest>(ApiJson.Options, context.RequestAborted);
                if (request is not { AdvanceSeconds: > 0 and <= 86_400 })
                {
                    throw RequestValidationException.For("advance_seconds", "'advance_seconds' must be between 0 and 86400.");
                }

                clock.Advance(TimeSpan.FromSeconds(request.AdvanceSeconds));
                deadlines.Wake();
                return Results.Json(new { server_time = clock.GetUtcNow() }, ApiJson.Options);
            });
        }

        return app;
    }

    private sealed record AdvanceRequest(double AdvanceSeconds);
}
