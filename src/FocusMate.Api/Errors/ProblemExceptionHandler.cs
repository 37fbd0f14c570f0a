using FocusMate.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace FocusMate.Api.Errors;

/// <summary>
/// The one place where failures become problem details: the domain's refusals keep their code and
/// message; anything unexpected is logged and answered with <c>INTERNAL_ERROR</c>, never its text.
/// </summary>
public sealed partial class ProblemExceptionHandler(IOverloadDetector overload, Telemetry.ApiMetrics metrics, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>How long a client is asked to wait when the database is overloaded.</summary>
    public static readonly TimeSpan OverloadRetryAfter = TimeSpan.FromSeconds(2);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // the client went away; nobody is left to answer
        }

        if (overload.IsOverload(exception))
        {
            LogOverload(exception.GetBaseException().Message);
            exception = new ServiceBusyException(OverloadRetryAfter);
        }

        var problem = exception switch
        {
            RequestValidationException invalid => ApiProblem.For(httpContext, invalid.Code, invalid.Message, invalid.Errors),
            FocusMateException refused => ApiProblem.For(httpContext, refused.Code, refused.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                ApiProblem.For(httpContext, ErrorCodes.PayloadTooLarge, "The request body is too large."),
            BadHttpRequestException bad => ApiProblem.For(httpContext, ErrorCodes.MalformedRequest, bad.Message),
            _ => Unexpected(httpContext, exception),
        };
        if (exception is ServiceBusyException)
        {
            metrics.Shed();
        }

        if (exception is RetryLaterException later)
        {
            httpContext.Response.Headers.RetryAfter = later.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await problem.WriteAsync(httpContext);
        return true;
    }

    private ApiProblem Unexpected(HttpContext httpContext, Exception exception)
    {
        LogUnexpected(exception, httpContext.Request.Method, httpContext.Request.Path);
        return ApiProblem.For(httpContext, ErrorCodes.InternalError, "Something went wrong on the server. Please try again.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is overloaded; answered SERVICE_BUSY: {Reason}")]
    private partial void LogOverload(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private partial void LogUnexpected(Exception exception, string method, string path);
}
