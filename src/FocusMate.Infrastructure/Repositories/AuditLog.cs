using FocusMate.Core.Audit;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

internal sealed class AuditLog(FocusMateDbContext db, WriteLock writes) : IAuditLog
{
    public async Task AddAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var writing = await writes.AcquireAsync(cancellationToken);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(Guid roomId, int limit, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking()
            .Where(a => a.RoomId == roomId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
}
