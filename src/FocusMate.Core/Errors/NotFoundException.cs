namespace FocusMate.Core.Errors;

/// <summary>Something named by the request does not exist.</summary>
public sealed class NotFoundException(string code, string message) : FocusMateException(code, message)
{
    public static NotFoundException Room(Guid roomId) => new(ErrorCodes.RoomNotFound, $"Room {roomId} does not exist.");

    public static NotFoundException Participant(Guid participantId) =>
        new(ErrorCodes.ParticipantNotFound, $"Participant {participantId} is not in this room.");
}
