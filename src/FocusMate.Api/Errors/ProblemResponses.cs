using System.Text.Json;
using FocusMate.Core.Errors;
using Microsoft.AspNetCore.Mvc;

namespace FocusMate.Api.Errors;

public static class ProblemResponses
{
    /// <summary>
    /// Route and query values that fail to bind: an id that is not a UUID names nothing (404), any other
    /// value is a <c>VALIDATION_ERROR</c> naming its snake_case field.
    /// </summary>
    public static IActionResult FromModelState(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var invalid = context.ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList();
        var problem = invalid switch
        {
            // MVC refuses an empty body itself before any formatter runs.
            _ when invalid.Contains("") =>
                ApiProblem.For(context.HttpContext, ErrorCodes.MalformedRequest, "A JSON object is required as the request body."),
            _ when invalid.Contains("roomId") =>
                ApiProblem.For(context.HttpContext, ErrorCodes.RoomNotFound, "No room has this id: room ids are UUIDs."),
            _ when invalid.Contains("participantId") =>
                ApiProblem.For(context.HttpContext, ErrorCodes.ParticipantNotFound, "No participant has this id: participant ids are UUIDs."),
            _ => Invalid(context.HttpContext, invalid),
        };
        return new ProblemResult(problem);
    }

    /// <summary>Answers requests that reached no endpoint (unknown path, or a method the path does not take) with <c>NOT_FOUND</c>.</summary>
    public static async Task WriteNotFoundAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var detail = $"No endpoint handles {context.Request.Method} {context.Request.Path}.";
        await ApiProblem.For(context, ErrorCodes.NotFound, detail).WriteAsync(context);
    }

    private static ApiProblem Invalid(HttpContext context, IEnumerable<string> keys)
    {
        var errors = keys
            .Select(key => JsonNamingPolicy.SnakeCaseLower.ConvertName(key.Split('.').Last()))
            .Distinct()
            .ToDictionary(field => field, field => new[] { $"'{field}' has a value of the wrong type." });
        return ApiProblem.For(context, ErrorCodes.ValidationError, "The request has invalid fields.", errors);
    }

    /// <summary>Writes the problem itself, so no content negotiation or [Produces] filter can change its media type.</summary>
    private sealed class ProblemResult(ApiProblem problem) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => problem.WriteAsync(context.HttpContext);
    }
}
