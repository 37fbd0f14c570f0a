using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace FocusMate.Core.Push;

/// <summary>The browser's <c>PushSubscription</c> as <c>toJSON()</c> gives it, and the language its notifications are written in.</summary>
public sealed record SubscribePushRequest
{
    /// <summary>The push service's URL for this browser; its origin must be on the server's allow-list.</summary>
    /// <example>https://fcm.googleapis.com/fcm/send/dGhpcy1pcy1hbi1leGFtcGxl</example>
    [Required]
    public string? Endpoint { get; init; }

    /// <summary>When the browser lets the subscription lapse (Unix ms), as the browser reports it; may be null.</summary>
    [JsonPropertyName("expirationTime")]
    public double? ExpirationTime { get; init; }

    [Required]
    public PushSubscriptionKeys? Keys { get; init; }

    /// <summary>The language of the notifications: <c>en</c> (default) or <c>ko</c>.</summary>
    /// <example>en</example>
    public string? Language { get; init; }
}
