using System.Globalization;
using System.Security.Claims;
using FocusMate.Core.Participants;
using FocusMate.Core.Scaling;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FocusMate.Api.Auth;

/// <summary>
/// Hub tickets: JWTs for the hub audience that live a minute and open one connection. A browser connects
/// to the hub with a ticket instead of its participant token, because the WebSocket URL (query string
/// included) is what proxies log — nginx's error log writes the whole request line. A ticket in a log is
/// spent or expired by the time anyone reads it. With several instances a ticket is spent on all of them
/// (<see cref="IOnceOnlyClaims"/>).
/// </summary>
public sealed class HubTickets(SymmetricSecurityKey key, TimeProvider clock, IOnceOnlyClaims claims)
{
    public const string Audience = "focusmate-hub";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A ticket for the participant's current token version, and when it expires.</summary>
    public (string Ticket, DateTimeOffset ExpiresAt) Issue(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var now = clock.GetUtcNow();
        var expires = now + Lifetime;
        var ticket = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                new Claim(ParticipantClaims.Participant, participant.Id.ToString()),
                new Claim(ParticipantClaims.Room, participant.RoomId.ToString()),
                new Claim(ParticipantClaims.TokenVersion, participant.TokenVersion.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
            ]),
        });
        return (ticket, expires);
    }

    /// <summary>
    /// Whether a validated token may be used for this request: a ticket only on the hub, and only once (on any
    /// instance). Participant tokens pass.
    /// </summary>
    public async Task<bool> AdmitAsync(JsonWebToken token, bool hubRequest)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!token.Audiences.Contains(Audience, StringComparer.Ordinal))
        {
            return true;
        }

        return hubRequest && !string.IsNullOrEmpty(token.Id) && await claims.TryClaimAsync($"ticket:{token.Id}", Lifetime * 3);
    }
}
