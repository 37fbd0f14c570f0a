namespace FocusMate.Api.RateLimiting;

/// <summary>Counts the endpoint or hub method under <paramref name="policy"/> (besides the general limit every call counts under).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class RateLimitedAttribute(RateLimitPolicy policy) : Attribute
{
    public RateLimitPolicy Policy { get; } = policy;

    /// <summary>Whether the policy counts per participant (the caller's token) rather than per client address.</summary>
    public bool PerParticipant => Policy is RateLimitPolicy.Commands or RateLimitPolicy.Settings or RateLimitPolicy.Chat or RateLimitPolicy.Hub;
}
