namespace FocusMate.Api.RateLimiting;

/// <summary>
/// Every limit on how fast one client may use the server (configuration section <c>RateLimiting</c>):
/// per client address on REST, per participant on REST and the hub alike. <see cref="Enabled"/> = false
/// switches them all off (load tests).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Rooms created per client address: a person makes a room or two a day; an office behind one address, a few an hour.</summary>
    public RateLimitRule CreateRoom { get; set; } = new(10, TimeSpan.FromMinutes(10));

    /// <summary>Joins per client address: a whole team of 50 joining at 9:00 from one office address fits.</summary>
    public RateLimitRule Join { get; set; } = new(60, TimeSpan.FromMinutes(1));

    /// <summary>Every other REST request per client address (generous: pages load a few each, and offices share an address).</summary>
    public RateLimitRule Api { get; set; } = new(600, TimeSpan.FromMinutes(1));

    /// <summary>Timer commands per participant (REST and hub together): far above any person's clicking.</summary>
    public RateLimitRule Commands { get; set; } = new(20, TimeSpan.FromSeconds(10));

    /// <summary>Host actions and statuses per participant: settings, removals, handing over, token rotation.</summary>
    public RateLimitRule Settings { get; set; } = new(20, TimeSpan.FromMinutes(1));

    /// <summary>Chat messages per participant: a fast typist's burst passes, a flood does not.</summary>
    public RateLimitRule Chat { get; set; } = new(5, TimeSpan.FromSeconds(5));

    /// <summary>
    /// Hub method calls per participant, whatever the method (joins, clock samples, commands): a page makes about
    /// sixteen in its first ten seconds, so ten tabs reconnecting together after a restart still fit.
    /// </summary>
    public RateLimitRule Hub { get; set; } = new(200, TimeSpan.FromSeconds(10));

    /// <summary>Hub connections one participant may hold on one instance (tabs and devices); the next is refused.</summary>
    public int HubConnectionsPerParticipant { get; set; } = 10;

    public RateLimitRule RuleOf(RateLimitPolicy policy) => policy switch
    {
        RateLimitPolicy.CreateRoom => CreateRoom,
        RateLimitPolicy.Join => Join,
        RateLimitPolicy.Api => Api,
        RateLimitPolicy.Commands => Commands,
        RateLimitPolicy.Settings => Settings,
        RateLimitPolicy.Chat => Chat,
        RateLimitPolicy.Hub => Hub,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown rate limit policy."),
    };
}

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    public RateLimitRule()
    {
    }

    public RateLimitRule(int permitLimit, TimeSpan window)
    {
        PermitLimit = permitLimit;
        Window = window;
    }

    public int PermitLimit { get; set; } = 1;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsValid => PermitLimit > 0 && Window >= TimeSpan.FromMilliseconds(100) && Window <= TimeSpan.FromDays(1);
}

/// <summary>The limits, and what each one counts.</summary>
public enum RateLimitPolicy
{
    /// <summary><c>POST /rooms</c>, per client address.</summary>
    CreateRoom,
    /// <summary><c>POST /rooms/{id}/participants</c>, per client address.</summary>
    Join,
    /// <summary>Every other REST request, per client address.</summary>
    Api,
    /// <summary>Timer commands, per participant.</summary>
    Commands,
    /// <summary>Settings, host actions, statuses and token rotation, per participant.</summary>
    Settings,
    /// <summary>Chat messages, per participant.</summary>
    Chat,
    /// <summary>Every hub method call, per participant.</summary>
    Hub,
}
