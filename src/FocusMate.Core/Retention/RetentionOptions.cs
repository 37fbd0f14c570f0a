namespace FocusMate.Core.Retention;

/// <summary>How long unused rooms and absent participants are kept (configuration section <c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>A room with no activity (commands, joins, connections, messages) for this long is deleted with everything in it.</summary>
    public TimeSpan RoomInactivity { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A participant without a live connection for this long is dropped from its room.</summary>
    public TimeSpan OfflineParticipant { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A participant who joined but never connected to the hub nor used its token for this long is dropped:
    /// it only holds a seat (room squatting, or a tab closed before it loaded).
    /// </summary>
    public TimeSpan NeverConnectedParticipant { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the sweep runs (at most once a day); short, so squatted seats free up soon after their period.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether this instance sweeps by itself (tests turn it off and sweep on demand).</summary>
    public bool SweepInBackground { get; set; } = true;

    /// <summary>How many rooms or participants one sweep step handles before it looks again.</summary>
    public int BatchSize { get; set; } = 100;
}
