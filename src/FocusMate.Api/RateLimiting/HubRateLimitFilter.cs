using System.Reflection;
using FocusMate.Api.Auth;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.Api.RateLimiting;

/// <summary>
/// The hub's share of the limits: every method call counts under <see cref="RateLimitPolicy.Hub"/> per
/// participant, and a method marked <see cref="RateLimitedAttribute"/> also under its policy, which REST
/// shares (a timer command over REST and one over the hub use one allowance). A refused call throws
/// <c>RATE_LIMITED</c> before the method runs, so it changes nothing.
/// </summary>
public sealed class HubRateLimitFilter(RateLimits limits) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (limits.Enabled && invocationContext.Context.User.ToCaller() is { } caller)
        {
            var participant = caller.ParticipantId.ToString();
            limits.Take(RateLimitPolicy.Hub, participant);
            if (invocationContext.HubMethod.GetCustomAttribute<RateLimitedAttribute>() is { } marked)
            {
                limits.Take(marked.Policy, participant);
            }
        }

        return next(invocationContext);
    }
}
