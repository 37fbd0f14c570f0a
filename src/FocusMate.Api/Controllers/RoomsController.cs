using FocusMate.Api.Auth;
using FocusMate.Api.Contracts;
using FocusMate.Api.Errors;
using FocusMate.Api.Hosting;
using FocusMate.Api.RateLimiting;
using FocusMate.Core.Rooms;
using FocusMate.Core.Services;
using FocusMate.Core.Timers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FocusMate.Api.Controllers;

/// <summary>Rooms: create one (you become its host), read it, change its settings, delete it.</summary>
[ApiController]
[Route("api/v1/rooms")]
[Produces("application/json")]
[ProducesResponseType<ApiProblem>(StatusCodes.Status429TooManyRequests, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status500InternalServerError, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status503ServiceUnavailable, ApiProblem.ContentType)]
public sealed class RoomsController(RoomService rooms, ShareLinks links, TimeProvider clock) : ControllerBase
{
    /// <summary>Creates a room; its creator joins as host and gets a token.</summary>
    /// <remarks>Only <c>room_name</c> and <c>host_name</c> are required; every setting has the default shown.</remarks>
    /// <response code="201">The room, with the host's participant token.</response>
    /// <response code="400">MALFORMED_REQUEST: the body is not JSON.</response>
    /// <response code="409">ROOM_NAME_TAKEN: another room has this name (ignoring case).</response>
    /// <response code="413">PAYLOAD_TOO_LARGE.</response>
    /// <response code="422">VALIDATION_ERROR: a field is missing, out of range, of the wrong type, or unknown.</response>
    [HttpPost]
    [RateLimited(RateLimitPolicy.CreateRoom)]
    [ProducesResponseType<CreatedRoomResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status413PayloadTooLarge, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public async Task<ActionResult<CreatedRoomResponse>> Create(CreateRoomRequest request, CancellationToken cancellationToken)
    {
        var created = await rooms.CreateAsync(request, cancellationToken);
        var roomId = created.Details.Room.Id;
        return CreatedAtAction(nameof(Get), new { roomId },
            created.ToResponse(links.For(roomId), clock.GetUtcNowMilliseconds()));
    }

    /// <summary>Reads a room with its participant count and timer. Needs only the room id.</summary>
    /// <response code="200">The room.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    [HttpGet("{roomId}")]
    [ProducesResponseType<RoomResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public async Task<RoomResponse> Get(Guid roomId, CancellationToken cancellationToken)
    {
        var details = await rooms.GetAsync(roomId, cancellationToken);
        return details.ToResponse(links.For(roomId), clock.GetUtcNowMilliseconds());
    }

    /// <summary>Changes settings (host only). Fields left out keep their value.</summary>
    /// <remarks>
    /// A phase under way keeps its length; new durations apply from the next phase. An idle or
    /// completed timer shows the new length at once. Everyone in the room gets <c>room_updated</c>.
    /// </remarks>
    /// <response code="200">The room with its new settings.</response>
    /// <response code="401">UNAUTHORIZED: no valid token.</response>
    /// <response code="403">FORBIDDEN: not the host, or a token of another room.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    /// <response code="422">VALIDATION_ERROR.</response>
    [HttpPatch("{roomId}")]
    [Authorize]
    [RateLimited(RateLimitPolicy.Settings)]
    [ProducesResponseType<RoomResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public async Task<RoomResponse> Update(Guid roomId, UpdateRoomRequest request, CancellationToken cancellationToken)
    {
        var details = await rooms.UpdateAsync(roomId, User.ToCaller(), request, cancellationToken);
        return details.ToResponse(links.For(roomId), clock.GetUtcNowMilliseconds());
    }

    /// <summary>Deletes the room with its timer, participants and history (host only).</summary>
    /// <remarks>Connected clients get <c>room_deleted</c> and are disconnected; the name is free again.</remarks>
    /// <response code="204">Deleted.</response>
    /// <response code="401">UNAUTHORIZED.</response>
    /// <response code="403">FORBIDDEN: not the host, or a token of another room.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    [HttpDelete("{roomId}")]
    [Authorize]
    [RateLimited(RateLimitPolicy.Settings)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public async Task<NoContentResult> Delete(Guid roomId, CancellationToken cancellationToken)
    {
        await rooms.DeleteAsync(roomId, User.ToCaller(), cancellationToken);
        return NoContent();
    }

    /// <summary>The room's record of host actions, newest first (members only).</summary>
    /// <remarks>
    /// Settings changed, participants removed, the host role handed over and the timer reset, each with who
    /// did it and when. (A deleted room takes its record with it; the server log keeps a line for each action.)
    /// </remarks>
    /// <param name="roomId">The room.</param>
    /// <param name="limit">How many entries, 1–200 (default 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <response code="200">The entries, newest first.</response>
    /// <response code="401">UNAUTHORIZED.</response>
    /// <response code="403">FORBIDDEN: a token of another room.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    /// <response code="422">VALIDATION_ERROR: limit out of range.</response>
    [HttpGet("{roomId}/audit")]
    [Authorize]
    [ProducesResponseType<IReadOnlyList<AuditEntryResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public async Task<IEnumerable<AuditEntryResponse>> Audit(Guid roomId, [FromQuery] int? limit, CancellationToken cancellationToken)
    {
        var entries = await rooms.AuditAsync(roomId, User.ToCaller(), limit, cancellationToken);
        return entries.Select(e => e.ToResponse());
    }
}
