using FocusMate.Core.Admission;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.Api.Hosting;

/// <summary>
/// Makes each REST request and each hub call one unit of work for the database writer
/// (<see cref="WriteAdmission"/>): under overload it is refused with 503 <c>SERVICE_BUSY</c> before its
/// first write, or carried through to the end — never stopped halfway with some of its changes made.
/// </summary>
public static class LoadShedding
{
    public static WebApplication UseLoadShedding(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            using var unit = WriteAdmission.Begin();
            await next(context);
        });
        return app;
    }
}

/// <summary>Each hub method call is a unit of work for the writer (connecting and disconnecting are not: they always go through).</summary>
public sealed class HubLoadSheddingFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var unit = WriteAdmission.Begin();
        return await next(invocationContext);
    }
}
