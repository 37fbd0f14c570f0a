using FocusMate.Api.Contracts;
using FocusMate.Api.Errors;
using FocusMate.Core.Services;
using Microsoft.AspNetCore.Mvc;

namespace FocusMate.Api.Controllers;

/// <summary>A room's finished phases and its work statistics. Needs only the room id.</summary>
[ApiController]
[Route("api/v1/rooms/{roomId}")]
[Produces("application/json")]
[ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status500InternalServerError, ApiProblem.ContentType)]
public sealed class HistoryController(HistoryService history) : ControllerBase
{
    /// <summary>Finished phases, newest first, each with its outcome (completed, skipped, interrupted).</summary>
    /// <param name="roomId">The room.</param>
    /// <param name="limit">How many, 1–500 (default 50).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The history.</response>
    /// <response code="422">VALIDATION_ERROR: limit out of range or not a number.</response>
    [HttpGet("sessions")]
    [ProducesResponseType<IReadOnlyList<SessionResponse>>(StatusCodes.Status200OK)]
    public async Task<IEnumerable<SessionResponse>> Sessions(Guid roomId, [FromQuery] int? limit, CancellationToken cancellationToken)
    {
        var sessions = await history.RecentAsync(roomId, limit, cancellationToken);
        return sessions.Select(s => s.ToResponse());
    }

    /// <summary>Work statistics since local midnight, Monday 00:00 or the 1st, in the given time zone.</summary>
    /// <param name="roomId">The room.</param>
    /// <param name="period">today (default), week or month.</param>
    /// <param name="tz">An IANA time zone such as Asia/Seoul (default UTC).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The statistics.</response>
    /// <response code="422">VALIDATION_ERROR: unknown period or time zone.</response>
    [HttpGet("statistics")]
    [ProducesResponseType<StatisticsResponse>(StatusCodes.Status200OK)]
    public async Task<StatisticsResponse> Statistics(Guid roomId, [FromQuery] string? period, [FromQuery] string? tz,
        CancellationToken cancellationToken)
    {
        var statistics = await history.StatisticsAsync(roomId, period, tz, cancellationToken);
        return statistics.ToResponse();
    }
}
