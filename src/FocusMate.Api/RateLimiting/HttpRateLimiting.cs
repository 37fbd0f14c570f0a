using System.Threading.RateLimiting;
using FocusMate.Api.Auth;
using FocusMate.Api.Errors;
using FocusMate.Core.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace FocusMate.Api.RateLimiting;

/// <summary>
/// REST's share of the limits, through ASP.NET Core's rate-limiting middleware: every request to the API
/// or the hub counts per client address under <see cref="RateLimitPolicy.Api"/> (room creation and joins
/// under their own, stricter, policies instead), and an endpoint marked <see cref="RateLimitedAttribute"/>
/// counts under its policy too, per participant where the policy says so. Over a limit: 429 with
/// <c>RATE_LIMITED</c> and <c>Retry-After</c>.
/// </summary>
public static class HttpRateLimiting
{
    private const string RejectingPolicy = "focusmate.rate-limit-policy";

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.Section)
            .Validate(o => Enum.GetValues<RateLimitPolicy>().All(p => o.RuleOf(p).IsValid),
                "Every RateLimiting rule needs PermitLimit > 0 and a Window between 100 ms and 1 day.")
            .Validate(o => o.HubConnectionsPerParticipant > 0, "RateLimiting:HubConnectionsPerParticipant must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<HubRateLimitFilter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimits>((options, limits) =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                limits.Through<HttpContext>(context => GeneralKey(context, limits)),
                limits.Through<HttpContext>(context => EndpointKey(context, limits)));
            options.OnRejected = (context, _) => RejectAsync(context.HttpContext, limits);
        });
        return services;
    }

    private static string GeneralKey(HttpContext context, RateLimits limits)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/hubs"))
        {
            return RateLimits.NoLimit;
        }

        return Marked(context) is { PerParticipant: false }
            ? RateLimits.NoLimit // room creation and joins count under their own policy instead
            : Counted(context, limits, RateLimitPolicy.Api, RateLimits.ClientOf(context.Connection.RemoteIpAddress));
    }

    private static string EndpointKey(HttpContext context, RateLimits limits)
    {
        if (Marked(context) is not { } marked)
        {
            return RateLimits.NoLimit;
        }

        if (!marked.PerParticipant)
        {
            return Counted(context, limits, marked.Policy, RateLimits.ClientOf(context.Connection.RemoteIpAddress));
        }

        // No valid token: the endpoint answers 401 itself; there is nobody to count.
        return context.User.ToCaller() is { } caller ? Counted(context, limits, marked.Policy, caller.ParticipantId.ToString()) : RateLimits.NoLimit;
    }

    private static RateLimitedAttribute? Marked(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>();

    /// <summary>The key to count under, remembering the policy: if this limiter refuses, the answer names its window.</summary>
    private static string Counted(HttpContext context, RateLimits limits, RateLimitPolicy policy, string client)
    {
        context.Items[RejectingPolicy] = policy;
        return limits.Key(policy, client);
    }

    private static ValueTask RejectAsync(HttpContext context, RateLimits limits)
    {
        var policy = context.Items[RejectingPolicy] is RateLimitPolicy counted ? counted : RateLimitPolicy.Api;
        var refusal = limits.Refusal(policy);
        context.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ValueTask(ApiProblem.For(context, ErrorCodes.RateLimited, refusal.Message).WriteAsync(context));
    }
}
