using System.ComponentModel.DataAnnotations;

namespace FocusMate.Core.Participants;

/// <summary>Someone joining a room.</summary>
public sealed record JoinRoomRequest
{
    /// <summary>
    /// The display name: 1–50 characters after trimming, at least one of them visible; no control, format or
    /// bidi characters (zero-width spaces, U+202E, U+2066–2069). Need not be unique.
    /// </summary>
    /// <example>Jun</example>
    [Required]
    public string? UserName { get; init; }
}
