namespace FocusMate.Core.Presence;

/// <summary>A participant whose last connection closed.</summary>
public sealed record PresenceLeft(Guid RoomId, Guid ParticipantId);
