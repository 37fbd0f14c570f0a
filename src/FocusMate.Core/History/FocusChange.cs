namespace FocusMate.Core.History;

/// <summary>
/// Focus that starts or ends for some participants of a room at an instant. <see cref="ParticipantIds"/> null on an
/// end means every participant of the room.
/// </summary>
public sealed record FocusChange(Guid RoomId, bool Starts, IReadOnlyCollection<Guid>? ParticipantIds, DateTimeOffset At);
