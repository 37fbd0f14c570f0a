namespace FocusMate.Core.Errors;

/// <summary>A refusal that passes with time: <see cref="RetryAfter"/> says when to try again.</summary>
public abstract class RetryLaterException(string code, string message, TimeSpan retryAfter) : FocusMateException(code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Whole seconds to wait, at least one (the <c>Retry-After</c> header's unit).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
