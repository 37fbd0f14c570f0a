namespace FocusMate.Core.Rooms;

/// <summary>Why a room is gone.</summary>
public enum RoomDeletion
{
    /// <summary>Its host deleted it.</summary>
    Deleted,
    /// <summary>Nobody used it for the configured period.</summary>
    Expired,
}
