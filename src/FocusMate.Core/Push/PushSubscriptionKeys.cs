using System.ComponentModel.DataAnnotations;

namespace FocusMate.Core.Push;

/// <summary>The browser's keys for encrypting what is pushed to it (RFC 8291), base64url as <c>PushSubscription.toJSON()</c> gives them.</summary>
public sealed record PushSubscriptionKeys
{
    /// <summary>The browser's P-256 public key (65 bytes, uncompressed).</summary>
    [Required]
    public string? P256dh { get; init; }

    /// <summary>The authentication secret (16 bytes).</summary>
    [Required]
    public string? Auth { get; init; }
}
