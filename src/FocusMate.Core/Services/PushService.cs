using FluentValidation;
using FocusMate.Core.Access;
using FocusMate.Core.Errors;
using FocusMate.Core.Push;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using FocusMate.Core.Validation;
using Microsoft.Extensions.Options;

namespace FocusMate.Core.Services;

/// <summary>Subscribing a participant's browser to the room's phase ends, and dropping it again.</summary>
public sealed class PushService(
    IRoomRepository rooms,
    IPushSubscriptionRepository subscriptions,
    IPushSender sender,
    RoomAccess access,
    IValidator<SubscribePushRequest> validator,
    IOptions<PushOptions> options,
    TimeProvider clock)
{
    /// <summary>The server's VAPID public key, for <c>pushManager.subscribe({applicationServerKey})</c>.</summary>
    public string PublicKey => sender.PublicKey;

    /// <summary>Subscribes the caller's browser (member only); subscribing again replaces the keys and language.</summary>
    public async Task<WebPushSubscription> SubscribeAsync(Guid roomId, Caller? caller, SubscribePushRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        var me = await access.RequireMemberAsync(roomId, caller, cancellationToken);
        await validator.EnsureValidAsync(request, cancellationToken);
        var subscription = new WebPushSubscription(Guid.NewGuid(), roomId, me.Id, request.Endpoint!,
            Base64Url.Encode(Base64Url.TryDecode(request.Keys!.P256dh)!), Base64Url.Encode(Base64Url.TryDecode(request.Keys.Auth)!),
            request.Language ?? "en", clock.GetUtcNowMilliseconds());
        var limit = options.Value.MaxPerParticipant;
        return await subscriptions.SaveAsync(subscription, limit, cancellationToken)
            ? subscription
            : throw RequestValidationException.For("endpoint", $"A participant keeps at most {limit} push subscriptions: unsubscribe one first.");
    }

    /// <summary>Drops the caller's subscription for that endpoint (member only); unknown endpoints are <c>NOT_FOUND</c>.</summary>
    public async Task UnsubscribeAsync(Guid roomId, Caller? caller, UnsubscribePushRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        var me = await access.RequireMemberAsync(roomId, caller, cancellationToken);
        if (string.IsNullOrEmpty(request.Endpoint))
        {
            throw RequestValidationException.For("endpoint", "'endpoint' must not be empty.");
        }

        if (!await subscriptions.RemoveAsync(roomId, me.Id, request.Endpoint, cancellationToken))
        {
            throw new NotFoundException(ErrorCodes.NotFound, "This browser is not subscribed in this room.");
        }
    }
}
