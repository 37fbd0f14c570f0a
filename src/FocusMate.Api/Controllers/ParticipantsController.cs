using FocusMate.Api.Auth;
using FocusMate.Api.Contracts;
using FocusMate.Api.Errors;
using FocusMate.Core.Participants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FocusMate.Api.Controllers;

/// <summary>Participants: join a room, see who is in it, leave it.</summary>
[ApiController]
[Route("api/v1/rooms/{roomId}/participants")]
[Produces("application/json")]
[ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status500InternalServerError, ApiProblem.ContentType)]
public sealed class ParticipantsController(ParticipantService participants) : ControllerBase
{
    /// <summary>Joins the room under a name and returns the participant's token.</summary>
    /// <response code="201">The new participant with its token.</response>
    /// <response code="400">MALFORMED_REQUEST.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    /// <response code="409">MAX_PARTICIPANTS_REACHED: the room is full.</response>
    /// <response code="422">VALIDATION_ERROR.</response>
    [HttpPost]
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
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    public async Task<NoContentResult> Leave(Guid roomId, Guid participantId, CancellationToken cancellationToken)
    {
        await participants.LeaveAsync(roomId, participantId, User.ToCaller(), cancellationToken);
        return NoContent();
    }
}
