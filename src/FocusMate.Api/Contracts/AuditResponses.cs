using FocusMate.Core.Audit;

namespace FocusMate.Api.Contracts;

/// <summary>One host action on record.</summary>
public sealed record AuditEntryResponse
{
    public required Guid EntryId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Who acted (the id stays the same after they leave).</summary>
    public required Guid ActorId { get; init; }

    /// <summary>Their name when they acted.</summary>
    /// <example>Mina</example>
    public required string ActorName { get; init; }

    /// <example>settings_changed</example>
    public required AuditAction Action { get; init; }

    /// <summary>What changed, in plain words.</summary>
    /// <example>work_duration_minutes 25 → 50</example>
    public required string Details { get; init; }
}

public static class AuditMapping
{
    public static AuditEntryResponse ToResponse(this AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AuditEntryResponse
        {
            EntryId = entry.Id,
            At = entry.At,
            ActorId = entry.ActorId,
            ActorName = entry.ActorName,
            Action = entry.Action,
            Details = entry.Details,
        };
    }
}
