namespace FocusMate.Core.Rooms;

/// <summary>Settings to change; fields left out keep their value. New lengths apply from the next phase.</summary>
public sealed record UpdateRoomRequest : RoomSettingsRequest;
