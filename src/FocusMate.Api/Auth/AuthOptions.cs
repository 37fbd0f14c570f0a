namespace FocusMate.Api.Auth;

/// <summary>Participant tokens (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The HMAC key that signs tokens: at least 32 characters. Every instance of a deployment needs the
    /// same key. When empty, one is generated on first start and kept in the data folder.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a participant token is valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(365);

    public const string Issuer = "focusmate";

    public const string Audience = "focusmate";
}
