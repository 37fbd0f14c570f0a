namespace FocusMate.Core.Audit;

/// <summary>One host action on record: who did what in the room, and when.</summary>
public sealed class AuditEntry
{
    public AuditEntry(Guid id, Guid roomId, DateTimeOffset at, Guid actorId, string actorName, AuditAction action, string details)
    {
        Id = id;
        RoomId = roomId;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        Details = details;
    }

    public Guid Id { get; private set; }

    public Guid RoomId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The participant who acted (the id stays meaningful after they leave).</summary>
    public Guid ActorId { get; private set; }

    /// <summary>Their name when they acted.</summary>
    public string ActorName { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>What changed, in plain words (e.g. <c>work_duration_minutes 25 → 50</c>, or who was removed).</summary>
    public string Details { get; private set; }
}
