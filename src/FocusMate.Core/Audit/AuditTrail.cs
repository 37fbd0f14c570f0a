using Microsoft.Extensions.Logging;

namespace FocusMate.Core.Audit;

/// <summary>
/// Records host actions (the seed's answer to repudiation): in the room's audit log, which members can
/// read, and as a structured line in the server log, which outlives a deleted room.
/// </summary>
public sealed partial class AuditTrail(IAuditLog log, TimeProvider clock, ILogger<AuditTrail> logger)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The longest details kept (a long list of removed names is cut with an ellipsis).</summary>
    public const int MaxDetailsLength = 1000;

    /// <summary>Records that <paramref name="actor"/> (by id and name) did <paramref name="action"/> in the room.</summary>
    public async Task RecordAsync(Guid roomId, (Guid Id, string Name) actor, AuditAction action, string details, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        LogAction(roomId, action, actor.Id, details);
        if (action != AuditAction.RoomDeleted)
        {
            var at = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
            var kept = details.Length <= MaxDetailsLength ? details : string.Concat(details.AsSpan(0, MaxDetailsLength - 1), "…");
            await log.AddAsync(new AuditEntry(Guid.NewGuid(), roomId, at, actor.Id, actor.Name, action, kept), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: room {RoomId} {Action} by participant {ActorId}: {Details}")]
    private partial void LogAction(Guid roomId, AuditAction action, Guid actorId, string details);
}
