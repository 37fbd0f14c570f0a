using FocusMate.Api.Auth;
using FocusMate.Api.Contracts;
using FocusMate.Api.Errors;
using FocusMate.Api.RateLimiting;
using FocusMate.Core.Participants;
using FocusMate.Core.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FocusMate.Api.Controllers;

/// <summary>Participants: join a room, see who is in it, leave it.</summary>
[ApiController]
[Route("api/v1/rooms/{roomId}/participants")]
[Produces("application/json")]
[ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status429TooManyRequests, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status500InternalServerError, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status503ServiceUnavailable, ApiProblem.ContentType)]
public sealed class ParticipantsController(ParticipantService participants, HubTickets tickets) : ControllerBase
{
    /// <summary>Joins the room under a name and returns the participant's token.</summary>
    /// <response code="201">The new participant with its token.</response>
    /// <response code="400">MALFORMED_REQUEST.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    /// <response code="409">MAX_PARTICIPANTS_REACHED: the room is full.</response>
    /// <response code="422">VALIDATION_ERROR.</response>
    [HttpPost]
    [RateLimited(RateLimitPolicy.Join)]
    [ProducesResponseType<JoinedParticipantResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public async Task<ActionResult<JoinedParticipantResponse>> Join(Guid roomId, JoinRoomRequest request,
        CancellationToken cancellationToken)
    {
        var joined = await participants.JoinAsync(roomId, request, cancellationToken);
        return StatusCode(StatusCodes.Status201Created, joined.ToResponse());
    }

    /// <summary>Lists the room's participants, longest present first, with who is online.</summary>
    /// <response code="200">The participants.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<ParticipantResponse>>(StatusCodes.Status200OK)]
    public async Task<IEnumerable<ParticipantResponse>> List(Guid roomId, CancellationToken cancellationToken)
    {
        var list = await participants.ListAsync(roomId, cancellationToken);
        return list.Select(p => p.ToResponse());
    }

    /// <summary>Hands the host role to another participant (host only).</summary>
    /// <remarks>Everyone gets <c>participant_update</c> with action <c>host_changed</c> naming the new host.</remarks>
    /// <response code="200">The new host.</response>
    /// <response code="401">UNAUTHORIZED.</response>
    /// <response code="403">FORBIDDEN: not the host, or a token of another room.</response>
    /// <response code="404">ROOM_NOT_FOUND or PARTICIPANT_NOT_FOUND.</response>
    [HttpPost("{participantId}/host")]
    [Authorize]
    [RateLimited(RateLimitPolicy.Settings)]
    [ProducesResponseType<ParticipantResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    public async Task<ParticipantResponse> TransferHost(Guid roomId, Guid participantId, CancellationToken cancellationToken)
    {
        var host = await participants.TransferHostAsync(roomId, participantId, User.ToCaller(), cancellationToken);
        return host.ToResponse();
    }

    /// <summary>Removes a participant: yourself (leave), or anyone if you are the host.</summary>
    /// <remarks>
    /// A removed participant's hub connections close at once and its token stops working; it can come
    /// back only by joining again as someone new. When the host leaves, the role passes to the
    /// longest-present online participant (else the longest-present one).
    /// </remarks>
    /// <response code="204">Removed.</response>
    /// <response code="401">UNAUTHORIZED.</response>
    /// <response code="403">FORBIDDEN: removing someone else without being host, or a token of another room.</response>
    /// <response code="404">ROOM_NOT_FOUND or PARTICIPANT_NOT_FOUND.</response>
    [HttpDelete("{participantId}")]
    [Authorize]
    [RateLimited(RateLimitPolicy.Settings)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    public async Task<NoContentResult> Leave(Guid roomId, Guid participantId, CancellationToken cancellationToken)
    {
        await participants.LeaveAsync(roomId, participantId, User.ToCaller(), cancellationToken);
        return NoContent();
    }

    /// <summary>Removes everyone who is offline, but you (host only): frees the seats of people who never came back.</summary>
    /// <remarks>Each removed participant is announced as <c>participant_update</c> <c>removed</c>; their tokens stop working.</remarks>
    /// <response code="200">Who was removed.</response>
    /// <response code="401">UNAUTHORIZED.</response>
    /// <response code="403">FORBIDDEN: not the host, or a token of another room.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    /// <response code="503">SERVICE_BUSY: who is online cannot be known right now (Redis is away); try again.</response>
    [HttpDelete("offline")]
    [Authorize]
    [RateLimited(RateLimitPolicy.Settings)]
    [ProducesResponseType<RemovedParticipantsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    public async Task<RemovedParticipantsResponse> RemoveOffline(Guid roomId, CancellationToken cancellationToken)
    {
        var removed = await participants.RemoveOfflineAsync(roomId, User.ToCaller(), cancellationToken);
        return new RemovedParticipantsResponse { Removed = [.. removed.Select(p => p.Id)] };
    }

    /// <summary>Says what you are working on this session, shown next to your name to everyone; empty or null clears it.</summary>
    /// <remarks>Everyone gets <c>participant_update</c> with action <c>task</c>. The hub's <c>set_task(text)</c> does the same.</remarks>
    /// <response code="200">You, with your task.</response>
    /// <response code="400">MALFORMED_REQUEST.</response>
    /// <response code="401">UNAUTHORIZED.</response>
    /// <response code="403">FORBIDDEN: a token of another room.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    /// <response code="422">VALIDATION_ERROR: over 80 characters, or control, format or direction characters.</response>
    [HttpPut("me/task")]
    [Authorize]
    [RateLimited(RateLimitPolicy.Settings)]
    [ProducesResponseType<ParticipantResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public async Task<ParticipantResponse> SetTask(Guid roomId, SetTaskRequest request, CancellationToken cancellationToken)
    {
        var me = await participants.SetTaskAsync(roomId, User.ToCaller(), request, cancellationToken);
        return me.ToResponse();
    }

    /// <summary>Replaces your token: the new one is returned, and the old one stops working at once, everywhere.</summary>
    /// <remarks>Hub connections opened with the old token are closed; connect again with the new one.</remarks>
    /// <response code="200">You, with your new token.</response>
    /// <response code="401">UNAUTHORIZED: no valid token, or one replaced already.</response>
    /// <response code="403">FORBIDDEN: a token of another room.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    [HttpPost("me/token")]
    [Authorize]
    [RateLimited(RateLimitPolicy.Settings)]
    [ProducesResponseType<JoinedParticipantResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    public async Task<JoinedParticipantResponse> RotateToken(Guid roomId, CancellationToken cancellationToken)
    {
        var rotated = await participants.RotateTokenAsync(roomId, User.ToCaller(), cancellationToken);
        return rotated.ToResponse();
    }

    /// <summary>A short-lived, single-use ticket to open the hub with, so the token itself never travels in a URL.</summary>
    /// <remarks>
    /// Browsers cannot send headers on WebSockets, so the hub takes its credential from the query string,
    /// which proxies write to their logs. Connect with <c>access_token=&lt;ticket&gt;</c> within a minute; the
    /// ticket opens one connection and nothing else.
    /// </remarks>
    /// <response code="200">The ticket and when it expires.</response>
    /// <response code="401">UNAUTHORIZED.</response>
    /// <response code="403">FORBIDDEN: a token of another room.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    [HttpPost("me/hub-ticket")]
    [Authorize]
    [ProducesResponseType<HubTicketResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    public async Task<HubTicketResponse> HubTicket(Guid roomId, CancellationToken cancellationToken)
    {
        var me = await participants.IdentifyAsync(roomId, User.ToCaller(), cancellationToken);
        var (ticket, expiresAt) = tickets.Issue(me);
        return new HubTicketResponse { Ticket = ticket, ExpiresAt = expiresAt };
    }
}
