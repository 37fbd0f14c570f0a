using FocusMate.Api.Auth;
using FocusMate.Api.Contracts;
using FocusMate.Api.Errors;
using FocusMate.Api.RateLimiting;
using FocusMate.Core.Chat;
using FocusMate.Core.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FocusMate.Api.Controllers;

/// <summary>The room's chat, for its members. Messages also arrive live as <c>chat_message</c> on the hub.</summary>
[ApiController]
[Route("api/v1/rooms/{roomId}/messages")]
[Authorize]
[Produces("application/json")]
[ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status500InternalServerError, ApiProblem.ContentType)]
public sealed class MessagesController(ChatService chat) : ControllerBase
{
    /// <summary>The room's last messages, oldest first.</summary>
    /// <param name="roomId">The room.</param>
    /// <param name="limit">How many, 1–500 (default 100).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The messages.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<ChatMessageResponse>>(StatusCodes.Status200OK)]
    public async Task<IEnumerable<ChatMessageResponse>> List(Guid roomId, [FromQuery] int? limit, CancellationToken cancellationToken)
    {
        var messages = await chat.RecentAsync(roomId, User.ToCaller(), limit, cancellationToken);
        return messages.Select(m => m.ToResponse());
    }

    /// <summary>Sends a message to everyone in the room.</summary>
    /// <remarks>1–500 characters. Each participant may send a few messages every few seconds; more get 429 RATE_LIMITED with Retry-After.</remarks>
    /// <response code="201">The message as stored.</response>
    /// <response code="429">RATE_LIMITED: too many messages; see Retry-After.</response>
    [HttpPost]
    [RateLimited(RateLimitPolicy.Chat)]
    [ProducesResponseType<ChatMessageResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status429TooManyRequests, ApiProblem.ContentType)]
    public async Task<ActionResult<ChatMessageResponse>> Send(Guid roomId, SendMessageRequest request, CancellationToken cancellationToken)
    {
        var message = await chat.SendAsync(roomId, User.ToCaller(), request, cancellationToken);
        return StatusCode(StatusCodes.Status201Created, message.ToResponse());
    }
}
