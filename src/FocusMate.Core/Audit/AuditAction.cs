namespace FocusMate.Core.Audit;

/// <summary>A host action the room keeps on record.</summary>
public enum AuditAction
{
    /// <summary>The room's settings changed.</summary>
    SettingsChanged,
    /// <summary>A participant was removed by the host.</summary>
    ParticipantRemoved,
    /// <summary>The host role was handed to someone else.</summary>
    HostChanged,
    /// <summary>The room was deleted (kept in the server log only: the room's records go with it).</summary>
    RoomDeleted,
    /// <summary>The timer was reset.</summary>
    TimerReset,
}
