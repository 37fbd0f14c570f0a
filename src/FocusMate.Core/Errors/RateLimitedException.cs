namespace FocusMate.Core.Errors;

/// <summary>Too many requests in a short time (any limit: per client address, per participant, per connection).</summary>
public sealed class RateLimitedException(TimeSpan retryAfter, string what = "requests")
    : RetryLaterException(ErrorCodes.RateLimited, $"Too many {what}: wait {Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))} s and try again.", retryAfter);
