using System.Globalization;
using System.Security.Claims;
using FocusMate.Core.Access;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FocusMate.Api.Auth;

/// <summary>Issues participant tokens: JWTs naming the room, the participant and its role when issued.</summary>
public sealed class JwtTokenIssuer(SymmetricSecurityKey key, IOptions<AuthOptions> options, TimeProvider clock) : ITokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(Guid roomId, Guid participantId, bool isHost, int tokenVersion = 0)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.TokenLifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(ParticipantClaims.Participant, participantId.ToString()),
                new Claim(ParticipantClaims.Room, roomId.ToString()),
                new Claim(ParticipantClaims.Role, isHost ? "host" : "participant"),
                new Claim(ParticipantClaims.TokenVersion, tokenVersion.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
            ]),
        });
    }
}

/// <summary>The claims of a participant token, and reading the caller back from them.</summary>
public static class ParticipantClaims
{
    public const string Participant = "sub";
    public const string Room = "room_id";
    public const string Role = "role";

    /// <summary>Which of the participant's tokens this is; tokens issued before rotation existed carry none (version 0).</summary>
    public const string TokenVersion = "tv";

    /// <summary>The caller a valid token names, or null for an anonymous request.</summary>
    public static Caller? ToCaller(this ClaimsPrincipal? user)
    {
        if (!Guid.TryParse(user?.FindFirst(Room)?.Value, out var room) || !Guid.TryParse(user.FindFirst(Participant)?.Value, out var participant))
        {
            return null;
        }

        var version = user.FindFirst(TokenVersion)?.Value is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        return new Caller(room, participant, version);
    }
}
