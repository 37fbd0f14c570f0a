namespace FocusMate.Core.Access;

/// <summary>Who a participant token says is calling: a participant of one room, with the version of its token.</summary>
public readonly record struct Caller(Guid RoomId, Guid ParticipantId, int TokenVersion = 0);
