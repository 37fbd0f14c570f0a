using FocusMate.Api.Auth;
using FocusMate.Api.Contracts;
using FocusMate.Api.Errors;
using FocusMate.Api.RateLimiting;
using FocusMate.Core.Services;
using FocusMate.Core.Timers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc;

namespace FocusMate.Api.Controllers;

/// <summary>
/// Timer commands. Each needs a token of the room, and the host's unless the room allows all control.
/// Each answers with the new timer state, which everyone in the room also gets as <c>timer_update</c>.
/// </summary>
[ApiController]
[Route("api/v1/rooms/{roomId}/timer")]
[Authorize]
[RateLimited(RateLimitPolicy.Commands)]
[Produces("application/json")]
[ProducesResponseType<TimerStateResponse>(StatusCodes.Status200OK)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status429TooManyRequests, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status500InternalServerError, ApiProblem.ContentType)]
public sealed class TimerController(TimerService timers, TimeProvider clock) : ControllerBase
{
    /// <summary>Starts a phase from idle or completed: the one given, or the one that is next.</summary>
    /// <remarks>The body is optional. 409 TIMER_ALREADY_RUNNING when running or paused (use resume).</remarks>
    [HttpPost("start")]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public Task<TimerStateResponse> Start(Guid roomId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] StartTimerRequest? request, CancellationToken cancellationToken) =>
        RunAsync(roomId, TimerCommand.Start, request?.SessionType, cancellationToken);

    /// <summary>Pauses the running phase, keeping the time left to the millisecond.</summary>
    /// <remarks>409 TIMER_NOT_RUNNING unless running.</remarks>
    [HttpPost("pause")]
    public Task<TimerStateResponse> Pause(Guid roomId, CancellationToken cancellationToken) =>
        RunAsync(roomId, TimerCommand.Pause, null, cancellationToken);

    /// <summary>Resumes a paused phase.</summary>
    /// <remarks>409 TIMER_ALREADY_RUNNING when running, TIMER_NOT_RUNNING when idle or completed.</remarks>
    [HttpPost("resume")]
    public Task<TimerStateResponse> Resume(Guid roomId, CancellationToken cancellationToken) =>
        RunAsync(roomId, TimerCommand.Resume, null, cancellationToken);

    /// <summary>Back to idle and a full work phase; a phase cut short is recorded as interrupted.</summary>
    [HttpPost("reset")]
    public Task<TimerStateResponse> Reset(Guid roomId, CancellationToken cancellationToken) =>
        RunAsync(roomId, TimerCommand.Reset, null, cancellationToken);

    /// <summary>Ends the current phase now (recorded as skipped) and moves on as a completion would.</summary>
    /// <remarks>409 TIMER_NOT_RUNNING when idle.</remarks>
    [HttpPost("skip")]
    public Task<TimerStateResponse> Skip(Guid roomId, CancellationToken cancellationToken) =>
        RunAsync(roomId, TimerCommand.Skip, null, cancellationToken);

    private async Task<TimerStateResponse> RunAsync(Guid roomId, TimerCommand command, SessionType? sessionType,
        CancellationToken cancellationToken)
    {
        var state = await timers.ExecuteAsync(roomId, User.ToCaller(), command, sessionType, cancellationToken);
        return state.ToResponse(clock.GetUtcNowMilliseconds());
    }
}

/// <summary>Which phase to start.</summary>
public sealed record StartTimerRequest
{
    /// <summary>work, break or long_break; left out, the phase that is next.</summary>
    /// <example>work</example>
    public SessionType? SessionType { get; init; }
}
