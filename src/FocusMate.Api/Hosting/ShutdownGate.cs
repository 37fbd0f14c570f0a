using FocusMate.Api.Errors;
using FocusMate.Core.Errors;

namespace FocusMate.Api.Hosting;

public static class ShutdownGate
{
    /// <summary>
    /// Once this instance is shutting down it takes no new hub connections (503): a client reconnecting
    /// here would only be cut again. nginx retries the upgrade on another instance.
    /// </summary>
    public static WebApplication UseShutdownGate(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.Use(async (context, next) =>
        {
            if (stopping.IsCancellationRequested && context.Request.Path.StartsWithSegments("/hubs"))
            {
                context.Response.Headers.RetryAfter = "1";
                var problem = ApiProblem.For(context, ErrorCodes.InternalError, "This instance is shutting down; connect again.") with
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service Unavailable",
                };
                await problem.WriteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }
}
