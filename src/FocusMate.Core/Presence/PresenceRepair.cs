namespace FocusMate.Core.Presence;

/// <summary>What a heartbeat found: connections to close as disconnects, and participants back online.</summary>
public sealed record PresenceRepair(IReadOnlyList<string> Orphans, IReadOnlyList<PresenceBack> BackOnline)
{
    public static PresenceRepair None { get; } = new([], []);
}
