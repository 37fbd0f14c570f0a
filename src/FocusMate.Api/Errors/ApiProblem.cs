using System.Text.Json.Serialization;
using FocusMate.Api.Json;
using FocusMate.Core.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace FocusMate.Api.Errors;

/// <summary>An RFC 9457 problem details body with the contract's <c>code</c>.</summary>
public sealed record ApiProblem
{
    /// <summary>Always <c>about:blank</c>: the <c>code</c> names the problem.</summary>
    /// <example>about:blank</example>
    public string Type { get; init; } = "about:blank";

    /// <summary>The HTTP status phrase.</summary>
    /// <example>Conflict</example>
    public required string Title { get; init; }

    /// <example>409</example>
    public required int Status { get; init; }

    /// <summary>What went wrong, in words for a person.</summary>
    /// <example>The timer is already running.</example>
    public required string Detail { get; init; }

    /// <summary>The request path.</summary>
    /// <example>/api/v1/rooms/3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e/timer/start</example>
    public string? Instance { get; init; }

    /// <summary>One of the contract's error codes.</summary>
    /// <example>TIMER_ALREADY_RUNNING</example>
    public required string Code { get; init; }

    /// <summary>For <c>VALIDATION_ERROR</c>: each snake_case field with its messages.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>The id to quote when reporting a problem; the same id is in the server's log.</summary>
    /// <example>00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01</example>
    public string? TraceId { get; init; }

    public const string ContentType = "application/problem+json";

    public static int StatusOf(string code) => code switch
    {
        ErrorCodes.ValidationError => StatusCodes.Status422UnprocessableEntity,
        ErrorCodes.MalformedRequest => StatusCodes.Status400BadRequest,
        ErrorCodes.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.RoomNotFound or ErrorCodes.ParticipantNotFound or ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.RoomNameTaken or ErrorCodes.TimerAlreadyRunning or ErrorCodes.TimerNotRunning
            or ErrorCodes.MaxParticipantsReached => StatusCodes.Status409Conflict,
        ErrorCodes.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCodes.ServiceBusy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ApiProblem For(HttpContext context, string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = StatusOf(code);
        return new ApiProblem
        {
            Title = ReasonPhrases.GetReasonPhrase(status),
            Status = status,
            Detail = detail,
            Instance = context.Request.Path,
            Code = code,
            Errors = errors,
            TraceId = System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier,
        };
    }

    /// <summary>Writes the problem as the response, with its status.</summary>
    public Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = Status;
        return context.Response.WriteAsJsonAsync(this, ApiJson.Options, ContentType, context.RequestAborted);
    }
}
