namespace FocusMate.Core.Errors;

/// <summary>The error codes of the contract (README, error table), shared by REST and the hub.</summary>
public static class ErrorCodes
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string MalformedRequest = "MALFORMED_REQUEST";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string RoomNotFound = "ROOM_NOT_FOUND";
    public const string ParticipantNotFound = "PARTICIPANT_NOT_FOUND";
    public const string NotFound = "NOT_FOUND";
    public const string RoomNameTaken = "ROOM_NAME_TAKEN";
    public const string TimerAlreadyRunning = "TIMER_ALREADY_RUNNING";
    public const string TimerNotRunning = "TIMER_NOT_RUNNING";
    public const string MaxParticipantsReached = "MAX_PARTICIPANTS_REACHED";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";
    public const string ServiceBusy = "SERVICE_BUSY";
}
