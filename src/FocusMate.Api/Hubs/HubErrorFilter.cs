using FocusMate.Api.Auth;
using FocusMate.Core.Errors;
using FocusMate.Core.Timers;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.Api.Hubs;

/// <summary>
/// Refusals on the hub carry the same code as over REST: the caller gets an <c>error</c> event with
/// <c>{code, message}</c>, and the invocation fails with a message ending in <c>"CODE: message"</c>
/// (SignalR prefixes it with "An unexpected error occurred invoking … HubException: "). The connection
/// stays open. Unexpected failures are logged here (SignalR's own log of hub failures is turned down in
/// appsettings.json) and reported as <c>INTERNAL_ERROR</c> without their text.
/// </summary>
public sealed partial class HubErrorFilter(TimeProvider clock, IOverloadDetector overload, Telemetry.ApiMetrics metrics, ILogger<HubErrorFilter> logger)
    : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (FocusMateException refused)
        {
            throw await ReportAsync(invocationContext.Hub, invocationContext.Context, refused.Code, refused.Message, (refused as RetryLaterException)?.RetryAfterSeconds);
        }
        catch (Exception ex) when (overload.IsOverload(ex))
        {
            var busy = new ServiceBusyException(Errors.ProblemExceptionHandler.OverloadRetryAfter);
            throw await ReportAsync(invocationContext.Hub, invocationContext.Context, busy.Code, busy.Message, busy.RetryAfterSeconds);
        }
        catch (Exception ex) when (ex is not HubException and not OperationCanceledException)
        {
            LogUnexpected(ex, invocationContext.HubMethodName);
            throw await ReportAsync(invocationContext.Hub, invocationContext.Context, ErrorCodes.InternalError, "Something went wrong on the server. Please try again.");
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (FocusMateException refused)
        {
            // The token no longer opens this room (participant removed, room deleted), or a limit: say why (the same
            // error event a refused call gets, so the client reads the code, not the close message) and close.
            throw await ReportAsync(context.Hub, context.Context, refused.Code, refused.Message, (refused as RetryLaterException)?.RetryAfterSeconds);
        }
        catch (Exception ex) when (ex is not (HubException or OperationCanceledException))
        {
            // A passing failure (the database overloaded or away) must not tell the client to give up, as a failed
            // connect would (SignalR closes it with "don't reconnect"): the transport is dropped instead, and the
            // client connects again.
            LogConnectFailed(ex);
            context.Context.GetHttpContext()?.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A hub connection could not be set up; dropped so that the client tries again")]
    private partial void LogConnectFailed(Exception exception);

    private async Task<HubException> ReportAsync(Hub hub, HubCallerContext caller, string code, string message, int? retryAfter = null)
    {
        if (code == ErrorCodes.ServiceBusy)
        {
            metrics.Shed();
        }

        var roomId = caller.User.ToCaller()?.RoomId ?? Guid.Empty;
        var now = clock.GetUtcNowMilliseconds();
        var data = new ErrorData(code, message) { RetryAfter = retryAfter };
        await hub.Clients.Caller.SendAsync("error", new RoomEvent<ErrorData>(roomId, data, now));
        return new HubException($"{code}: {message}");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private partial void LogUnexpected(Exception exception, string method);
}
