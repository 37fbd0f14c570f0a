using System.ComponentModel.DataAnnotations;

namespace FocusMate.Core.Push;

/// <summary>Which subscription to drop: the browser's push endpoint.</summary>
public sealed record UnsubscribePushRequest
{
    /// <example>https://fcm.googleapis.com/fcm/send/dGhpcy1pcy1hbi1leGFtcGxl</example>
    [Required]
    public string? Endpoint { get; init; }
}
