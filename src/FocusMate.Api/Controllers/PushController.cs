using FocusMate.Api.Auth;
using FocusMate.Api.Contracts;
using FocusMate.Api.Errors;
using FocusMate.Api.RateLimiting;
using FocusMate.Core.Push;
using FocusMate.Core.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FocusMate.Api.Controllers;

/// <summary>Web Push: a participant's browser gets the room's phase ends even with the tab closed or the phone locked.</summary>
[ApiController]
[Produces("application/json")]
[ProducesResponseType<ApiProblem>(StatusCodes.Status429TooManyRequests, ApiProblem.ContentType)]
[ProducesResponseType<ApiProblem>(StatusCodes.Status500InternalServerError, ApiProblem.ContentType)]
public sealed class PushController(PushService push) : ControllerBase
{
    /// <summary>The server's VAPID public key, for <c>pushManager.subscribe({ userVisibleOnly: true, applicationServerKey })</c>.</summary>
    /// <response code="200">The key (base64url, P-256).</response>
    [HttpGet("api/v1/push/key")]
    [ProducesResponseType<PushKeyResponse>(StatusCodes.Status200OK)]
    public PushKeyResponse Key() => new() { PublicKey = push.PublicKey };

    /// <summary>Subscribes your browser to the room's phase ends (member only).</summary>
    /// <remarks>
    /// The body is the browser's <c>PushSubscription.toJSON()</c> (<c>endpoint</c>, <c>expirationTime</c>, <c>keys</c>),
    /// plus the <c>language</c> the notifications are written in. The endpoint must belong to a known push service
    /// (<c>Push__AllowedEndpoints</c>). Subscribing the same endpoint again replaces it. Every phase end of the room is
    /// then pushed once, within a second; leaving the room drops the subscription.
    /// </remarks>
    /// <response code="201">Subscribed.</response>
    /// <response code="400">MALFORMED_REQUEST.</response>
    /// <response code="401">UNAUTHORIZED.</response>
    /// <response code="403">FORBIDDEN: a token of another room.</response>
    /// <response code="404">ROOM_NOT_FOUND.</response>
    /// <response code="422">VALIDATION_ERROR: an endpoint not on the allow-list, keys of the wrong size, an unknown language.</response>
    [HttpPost("api/v1/rooms/{roomId}/push-subscriptions")]
    [Authorize]
    [RateLimited(RateLimitPolicy.Settings)]
    [ProducesResponseType<PushSubscriptionResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public async Task<ActionResult<PushSubscriptionResponse>> Subscribe(Guid roomId, SubscribePushRequest request, CancellationToken cancellationToken)
    {
        var subscription = await push.SubscribeAsync(roomId, User.ToCaller(), request, cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new PushSubscriptionResponse
        {
            Endpoint = subscription.Endpoint,
            Language = subscription.Language,
            CreatedAt = subscription.CreatedAt,
        });
    }

    /// <summary>Unsubscribes your browser from the room's phase ends (member only).</summary>
    /// <response code="204">Unsubscribed.</response>
    /// <response code="400">MALFORMED_REQUEST.</response>
    /// <response code="401">UNAUTHORIZED.</response>
    /// <response code="403">FORBIDDEN: a token of another room.</response>
    /// <response code="404">ROOM_NOT_FOUND, or NOT_FOUND: this endpoint is not subscribed.</response>
    /// <response code="422">VALIDATION_ERROR.</response>
    [HttpDelete("api/v1/rooms/{roomId}/push-subscriptions")]
    [Authorize]
    [RateLimited(RateLimitPolicy.Settings)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public async Task<NoContentResult> Unsubscribe(Guid roomId, UnsubscribePushRequest request, CancellationToken cancellationToken)
    {
        await push.UnsubscribeAsync(roomId, User.ToCaller(), request, cancellationToken);
        return NoContent();
    }
}
