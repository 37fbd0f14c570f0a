using FocusMate.Core.History;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

/// <summary>
/// Focus is open on the participant row (<c>focus_since</c>) and closed into <c>focus_intervals</c>. Closing clears
/// <c>focus_since</c> only if it still holds what was read, in the transaction that records the interval: two
/// instances closing one focus record it once.
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
        foreach (var change in changes)
        {
            if (change.Starts)
            {
                await OpenCoreAsync(change.RoomId, change.ParticipantIds ?? [], change.At, cancellationToken);
            }
            else
            {
                await CloseCoreAsync(change.RoomId, change.ParticipantIds, change.At, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public Task StartAsync(Guid roomId, IReadOnlyCollection<Guid> participantIds, DateTimeOffset at, CancellationToken cancellationToken) =>
        ApplyAsync([new FocusChange(roomId, Starts: true, participantIds, at)], cancellationToken);

    public Task EndAsync(Guid roomId, IReadOnlyCollection<Guid>? participantIds, DateTimeOffset at, CancellationToken cancellationToken) =>
        ApplyAsync([new FocusChange(roomId, Starts: false, participantIds, at)], cancellationToken);

    private async Task OpenCoreAsync(Guid roomId, IReadOnlyCollection<Guid> participantIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (participantIds.Count > 0)
        {
            await db.Participants
                .Where(p => p.RoomId == roomId && participantIds.Contains(p.Id) && p.FocusSince == null)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.FocusSince, at), cancellationToken);
        }
    }

    /// <summary>Closes open focus into intervals; the caller saves the added intervals with its transaction.</summary>
    private async Task CloseCoreAsync(Guid roomId, IReadOnlyCollection<Guid>? participantIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var query = db.Participants.AsNoTracking().Where(p => p.RoomId == roomId && p.FocusSince != null);
        if (participantIds is not null)
        {
            query = query.Where(p => participantIds.Contains(p.Id));
        }

        foreach (var focus in await query.Select(p => new { p.Id, p.UserName, p.FocusSince }).ToListAsync(cancellationToken))
        {
            var since = focus.FocusSince!.Value;
            var closed = await db.Participants
                .Where(p => p.Id == focus.Id && p.FocusSince == since)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.FocusSince, (DateTimeOffset?)null), cancellationToken);
            if (closed == 1 && at > since)
            {
                db.FocusIntervals.Add(new FocusInterval(Guid.NewGuid(), roomId, focus.Id, focus.UserName, since, at));
            }
        }
    }

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
