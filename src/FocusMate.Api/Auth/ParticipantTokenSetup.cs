using System.Security.Claims;
using FocusMate.Api.Errors;
using FocusMate.Core.Access;
using FocusMate.Core.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FocusMate.Api.Auth;

public static class ParticipantTokenSetup
{
    /// <summary>JWT participant tokens: accepted as a Bearer header on REST and as <c>access_token</c> on the hub.</summary>
    public static IServiceCollection AddParticipantTokens(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.SigningKey) || o.SigningKey.Length >= SigningKeys.MinimumKeyLength,
                $"Auth:SigningKey must be at least {SigningKeys.MinimumKeyLength} characters.")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "Auth:TokenLifetime must be positive.")
            .ValidateOnStart();
        // Loaded now, not on first use: a damaged key file stops the start with a clear message.
        services.AddSingleton(SigningKeys.Load(configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.SigningKey)}"], dataDirectory));
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton<HubTickets>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SymmetricSecurityKey, TimeProvider, HubTickets>(Configure);
        services.AddAuthorization();
        return services;
    }

    private static void Configure(JwtBearerOptions options, SymmetricSecurityKey key, TimeProvider clock, HubTickets tickets)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = AuthOptions.Issuer,
            ValidAudiences = [AuthOptions.Audience, HubTickets.Audience],
            IssuerSigningKey = key,
            // Only the algorithm tokens are issued with: no "none", no RSA/HMAC confusion, no downgrade.
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            NameClaimType = ParticipantClaims.Participant,
            // Lifetimes are judged on the app's clock, the same one that issued the token.
            LifetimeValidator = (notBefore, expires, _, _) => IsWithin(clock.GetUtcNow().UtcDateTime, notBefore, expires),
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // Browsers cannot set headers on WebSockets: the hub takes the token from the query string.
                if (context.HttpContext.Request.Path.StartsWithSegments("/hubs")
                    && context.Request.Query.TryGetValue("access_token", out var token))
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = async context =>
            {
                var hubRequest = context.HttpContext.Request.Path.StartsWithSegments("/hubs");
                if (context.SecurityToken is not JsonWebToken token || !await tickets.AdmitAsync(token, hubRequest))
                {
                    context.Fail("A hub ticket opens one hub connection and nothing else.");
                    return;
                }

                context.Principal = Slim(context.Principal, context.Scheme.Name);
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                var detail = context.AuthenticateFailure is null
                    ? "A participant token is required: send it as 'Authorization: Bearer <token>'."
                    : "The participant token is not valid.";
                await ApiProblem.For(context.HttpContext, ErrorCodes.Unauthorized, detail).WriteAsync(context.HttpContext);
            },
        };
    }

    /// <summary>
    /// The principal with only the claims the app reads (<see cref="ParticipantClaims"/>). A hub connection holds its
    /// principal for its whole life, and the validated token's (every registered claim, each with its properties, and
    /// the parsed token behind them) was some 4 KB of every joined client.
    /// </summary>
    internal static ClaimsPrincipal Slim(ClaimsPrincipal? validated, string scheme)
    {
        var kept = (validated?.Claims ?? [])
            .Where(c => c.Type is ParticipantClaims.Participant or ParticipantClaims.Room or ParticipantClaims.Role or ParticipantClaims.TokenVersion)
            .Select(c => new Claim(c.Type, c.Value, c.ValueType));
        return new ClaimsPrincipal(new ClaimsIdentity(kept, scheme, ParticipantClaims.Participant, ParticipantClaims.Role));
    }

    /// <summary>A token must say when it expires (every token issued here does), and not be used outside its lifetime.</summary>
    private static bool IsWithin(DateTime now, DateTime? notBefore, DateTime? expires)
    {
        var skew = TimeSpan.FromMinutes(1);
        return expires is { } end && (notBefore is null || now + skew >= notBefore) && now - skew < end;
    }
}
