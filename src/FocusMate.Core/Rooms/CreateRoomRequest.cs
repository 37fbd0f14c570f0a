using System.ComponentModel.DataAnnotations;

namespace FocusMate.Core.Rooms;

/// <summary>A new room; its creator joins it as host. Only the two names are required.</summary>
public sealed record CreateRoomRequest : RoomSettingsRequest
{
    /// <summary>3–50 characters of letters, digits, <c>_</c> and <c>-</c>; unique, ignoring case.</summary>
    /// <example>team-alpha</example>
    [Required]
    public string? RoomName { get; init; }

    /// <summary>The creator's display name, with the same rules as a participant's <c>user_name</c>.</summary>
    /// <example>Mina</example>
    [Required]
    public string? HostName { get; init; }
}
