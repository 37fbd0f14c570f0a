namespace FocusMate.Core.Presence;

/// <summary>A participant that is online again after its connections were recorded anew.</summary>
public sealed record PresenceBack(Guid RoomId, Guid ParticipantId);
