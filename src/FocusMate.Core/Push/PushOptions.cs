namespace FocusMate.Core.Push;

/// <summary>Web Push for phase ends (configuration section <c>Push</c>).</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>
    /// The origins a subscription's endpoint may have (<c>https://fcm.googleapis.com</c>; <c>https://*.push.apple.com</c>
    /// for any subdomain). Anything else is refused: the server would otherwise post to any address a client names.
    /// </summary>
    public IList<string> AllowedEndpoints { get; } = [];

    /// <summary>The push services of the major browsers, https only: Chrome, Edge (both through FCM and WNS), Firefox and Safari.</summary>
    public static readonly string[] DefaultAllowedEndpoints =
    [
        "https://fcm.googleapis.com",
        "https://updates.push.services.mozilla.com",
        "https://*.notify.windows.com",
        "https://web.push.apple.com",
        "https://*.push.apple.com",
    ];

    /// <summary>The contact the push services see (VAPID <c>sub</c>): a <c>mailto:</c> or <c>https:</c> URI.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The VAPID key pair (base64url, P-256); empty: generated once and kept in the data folder.</summary>
    public string PublicKey { get; set; } = "";

    public string PrivateKey { get; set; } = "";

    /// <summary>How long one delivery may take before it is given up.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many deliveries run at once.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>How many subscriptions one participant may keep (browsers and devices).</summary>
    public int MaxPerParticipant { get; set; } = 10;

    /// <summary>The allow-list in force: the configured one, else <see cref="DefaultAllowedEndpoints"/>.</summary>
    public IReadOnlyList<string> EffectiveAllowedEndpoints => AllowedEndpoints.Count > 0 ? [.. AllowedEndpoints] : DefaultAllowedEndpoints;
}
