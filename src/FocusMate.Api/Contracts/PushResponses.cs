namespace FocusMate.Api.Contracts;

/// <summary>The server's VAPID public key.</summary>
public sealed record PushKeyResponse
{
    /// <summary>Base64url of the P-256 public key (65 bytes): the <c>applicationServerKey</c> to subscribe with.</summary>
    public required string PublicKey { get; init; }
}

/// <summary>A browser subscribed to a room's phase ends.</summary>
public sealed record PushSubscriptionResponse
{
    public required string Endpoint { get; init; }

    /// <example>en</example>
    public required string Language { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
