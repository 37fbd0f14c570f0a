using FocusMate.Core.Participants;

namespace FocusMate.Core.Rooms;

/// <summary>A new room, its host and the host's token.</summary>
public sealed record CreatedRoom(RoomDetails Details, Participant Host, string Token);
