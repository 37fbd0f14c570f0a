namespace FocusMate.Core.Participants;

/// <summary>What the caller is working on this session, shown next to their name to everyone.</summary>
public sealed record SetTaskRequest
{
    /// <summary>Up to 80 characters once trimmed, as a name is written (no control, format or direction characters); empty or null clears it.</summary>
    /// <example>Reviewing the onboarding flow</example>
    public string? Task { get; init; }

    /// <summary>The task as kept: trimmed, and null when nothing is left.</summary>
    public string? Normalized => string.IsNullOrWhiteSpace(Task) ? null : Task.Trim();
}
