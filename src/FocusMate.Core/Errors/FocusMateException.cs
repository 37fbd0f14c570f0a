namespace FocusMate.Core.Errors;

/// <summary>A refusal the contract names: the code says which, the message says why in words a user can read.</summary>
public abstract class FocusMateException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The request is not acceptable; <see cref="Errors"/> maps each snake_case field to its messages.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors, string message = "The request has invalid fields.")
    : FocusMateException(ErrorCodes.ValidationError, message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The body could not be read as the JSON the endpoint takes.</summary>
public sealed class MalformedRequestException(string message) : FocusMateException(ErrorCodes.MalformedRequest, message);

/// <summary>The body is larger than the server accepts.</summary>
public sealed class PayloadTooLargeException(long limitBytes)
    : FocusMateException(ErrorCodes.PayloadTooLarge, $"The request body is larger than {limitBytes} bytes.");

/// <summary>No valid participant token came with a call that needs one.</summary>
public sealed class UnauthorizedException(string message = "A participant token of this room is required.")
    : FocusMateException(ErrorCodes.Unauthorized, message);

/// <summary>The token is valid but does not allow this: another room's, or not the host's.</summary>
public sealed class ForbiddenException(string message) : FocusMateException(ErrorCodes.Forbidden, message);

/// <summary>Something named by the request does not exist.</summary>
public sealed class NotFoundException(string code, string message) : FocusMateException(code, message)
{
    public static NotFoundException Room(Guid roomId) => new(ErrorCodes.RoomNotFound, $"Room {roomId} does not exist.");

    public static NotFoundException Participant(Guid participantId) =>
        new(ErrorCodes.ParticipantNotFound, $"Participant {participantId} is not in this room.");
}

/// <summary>The request conflicts with the current state (a taken name, a full room).</summary>
public sealed class ConflictException(string code, string message) : FocusMateException(code, message);

/// <summary>A refusal that passes with time: <see cref="RetryAfter"/> says when to try again.</summary>
public abstract class RetryLaterException(string code, string message, TimeSpan retryAfter) : FocusMateException(code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Whole seconds to wait, at least one (the <c>Retry-After</c> header's unit).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>Too many requests in a short time (any limit: per client address, per participant, per connection).</summary>
public sealed class RateLimitedException(TimeSpan retryAfter, string what = "requests")
    : RetryLaterException(ErrorCodes.RateLimited, $"Too many {what}: wait {Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))} s and try again.", retryAfter);

/// <summary>The server sheds load instead of queueing without bound (the database writer is saturated).</summary>
public sealed class ServiceBusyException(TimeSpan retryAfter)
    : RetryLaterException(ErrorCodes.ServiceBusy, $"The server is busy right now: wait {Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))} s and try again.", retryAfter);
