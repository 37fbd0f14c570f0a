namespace FocusMate.Core.Participants;

/// <summary>What happened to a participant, as the room sees it.</summary>
public enum ParticipantAction
{
    Joined,
    Left,
    Removed,
    Online,
    Offline,
    Status,
    HostChanged,
    /// <summary>The participant said (or cleared) what they are working on.</summary>
    Task,
}
