namespace FocusMate.Core.Push;

/// <summary>Sends one encrypted push (RFC 8291) with the server's VAPID identity (RFC 8292) to a subscription's push service.</summary>
public interface IPushSender
{
    /// <summary>The server's VAPID public key (base64url), which browsers subscribe with.</summary>
    string PublicKey { get; }

    Task<PushDelivery> SendAsync(WebPushSubscription subscription, PushNotice notice, CancellationToken cancellationToken);
}
