namespace FocusMate.Core.Audit;

/// <summary>The rooms' records of host actions.</summary>
public interface IAuditLog
{
    Task AddAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The room's latest entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(Guid roomId, int limit, CancellationToken cancellationToken);
}
