namespace FocusMate.Core.Errors;

/// <summary>The server sheds load instead of queueing without bound (the database writer is saturated).</summary>
public sealed class ServiceBusyException(TimeSpan retryAfter)
    : RetryLaterException(ErrorCodes.ServiceBusy, $"The server is busy right now: wait {Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))} s and try again.", retryAfter);
