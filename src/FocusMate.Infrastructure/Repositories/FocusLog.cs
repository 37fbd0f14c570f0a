using FocusMate.Core.History;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

/// <summary>
/// Focus is open on the participant row (<c>focus_since</c>) and closed into <c>focus_intervals</c>. Closing reads the
/// open focus and clears exactly what it read, in the transaction that records the intervals (on PostgreSQL the rows are
/// locked as they are read): two instances closing one focus record it once. The statements are in <see cref="FocusStatements"/>.
/// </summary>
internal sealed class FocusLog(FocusMateDbContext db, WriteLock writes) : IFocusLog
{
    public async Task ApplyAsync(IReadOnlyList<FocusChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        await using var writing = await writes.AcquireAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await FocusStatements.For(db).ApplyAsync(db, changes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StartAsync(Guid roomId, IReadOnlyCollection<Guid> participantIds, DateTimeOffset at, CancellationToken cancellationToken) =>
        ApplyAsync([new FocusChange(roomId, Starts: true, participantIds, at)], cancellationToken);

    public Task EndAsync(Guid roomId, IReadOnlyCollection<Guid>? participantIds, DateTimeOffset at, CancellationToken cancellationToken) =>
        ApplyAsync([new FocusChange(roomId, Starts: false, participantIds, at)], cancellationToken);

    public async Task<IReadOnlyList<(Guid RoomId, Guid ParticipantId, DateTimeOffset LastSeenAt)>> OpenAsync(int limit, CancellationToken cancellationToken)
    {
        var open = await db.Participants.AsNoTracking()
            .Where(p => p.FocusSince != null)
            .OrderBy(p => p.LastSeenAt)
            .Take(limit)
            .Select(p => new { p.RoomId, p.Id, p.LastSeenAt })
            .ToListAsync(cancellationToken);
        return [.. open.Select(p => (p.RoomId, p.Id, p.LastSeenAt))];
    }

    public async Task<IReadOnlyList<FocusInterval>> IntervalsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.FocusIntervals.AsNoTracking().Where(f => f.RoomId == roomId && f.EndedAt > since).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<FocusOpening>> OpenInAsync(Guid roomId, CancellationToken cancellationToken)
    {
        var open = await db.Participants.AsNoTracking()
            .Where(p => p.RoomId == roomId && p.FocusSince != null)
            .Select(p => new { p.Id, p.UserName, p.FocusSince })
            .ToListAsync(cancellationToken);
        return [.. open.Select(p => new FocusOpening(p.Id, p.UserName, p.FocusSince!.Value))];
    }
}
