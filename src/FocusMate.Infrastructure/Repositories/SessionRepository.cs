using FocusMate.Core.History;
using FocusMate.Core.Timers;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

internal sealed class SessionRepository(FocusMateDbContext db) : ISessionRepository
{
    public async Task<IReadOnlyList<TimerSession>> RecentAsync(Guid roomId, int limit, CancellationToken cancellationToken) =>
        await db.Sessions.AsNoTracking()
            .Where(s => s.RoomId == roomId)
            .OrderByDescending(s => s.EndedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public Task<TimerSession?> LastCompletedAsync(Guid roomId, CancellationToken cancellationToken) =>
        db.Sessions.AsNoTracking()
            .Where(s => s.RoomId == roomId && s.Outcome == SessionOutcome.Completed)
            .OrderByDescending(s => s.EndedAt)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<WorkTotal>> WorkTotalsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.Sessions
            .Where(s => s.RoomId == roomId && s.SessionType == SessionType.Work && s.EndedAt >= since)
            .GroupBy(s => s.Outcome)
            .Select(g => new WorkTotal(g.Key, g.Count(), g.Sum(s => (long)s.ActualSeconds)))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<WorkEnd>> WorkEndsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.Sessions.AsNoTracking()
            .Where(s => s.RoomId == roomId && s.SessionType == SessionType.Work && s.EndedAt >= since)
            .Select(s => new WorkEnd(s.EndedAt, s.ActualSeconds))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<WorkRun>> WorkRunsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var runs = await db.WorkRuns.AsNoTracking()
            .Where(r => r.RoomId == roomId && r.EndedAt > since)
            .OrderBy(r => r.EndedAt)
            .ToListAsync(cancellationToken);
        return [.. runs.Select(r => r.Run)];
    }
}
