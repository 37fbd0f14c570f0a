using FocusMate.Core.Participants;
using FocusMate.Infrastructure.Caching;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

internal sealed class ParticipantRepository(FocusMateDbContext db, WriteLock writes, RoomCache cache) : IParticipantRepository
{
    /// <summary>The room's participants, longest present first, as the cache and the command read keep them.</summary>
    internal static IQueryable<Participant> ListQuery(FocusMateDbContext db, Guid roomId) =>
        db.Participants.AsNoTracking().Where(p => p.RoomId == roomId).OrderBy(p => p.JoinedAt);

    public async Task<Participant?> FindAsync(Guid roomId, Guid participantId, CancellationToken cancellationToken) =>
        cache.Find(roomId) is { Participants: { } cached }
            ? cached.FirstOrDefault(p => p.Id == participantId)
            : await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId && p.RoomId == roomId, cancellationToken);

    /// <summary>From the cache when the room is cached with its participants; else read, and kept with the cached room.</summary>
    public async Task<IReadOnlyList<Participant>> ListAsync(Guid roomId, CancellationToken cancellationToken)
    {
        var cached = cache.Find(roomId);
        if (cached is { Participants: { } participants })
        {
            return participants;
        }

        var stamp = cache.Stamp(roomId);
        var list = await ListQuery(db, roomId).ToListAsync(cancellationToken);
        if (cached is not null)
        {
            cache.Store(roomId, stamp, cached.Room, cached.Timer, list);
        }

        return list;
    }

    public async Task<Participant?> TryAddAsync(Participant participant, int maxParticipants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        await using var writing = await writes.AcquireAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The count and the capacity check are one conditional UPDATE, so two joins racing for the
        // last seat cannot both win, on SQLite or PostgreSQL.
        var seated = await db.Rooms
            .Where(r => r.Id == participant.RoomId && r.ParticipantCount < maxParticipants)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ParticipantCount, r => r.ParticipantCount + 1), cancellationToken);
        if (seated == 0)
        {
            return null;
        }

        // Someone joining a room everybody left takes it over (a unique index keeps one host per room).
        var hostless = !await db.Participants.AnyAsync(p => p.RoomId == participant.RoomId && p.IsHost, cancellationToken);
        var added = hostless
            ? new Participant(participant.Id, participant.RoomId, participant.UserName, isHost: true, participant.JoinedAt)
            : participant;
        db.Participants.Add(added);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await transaction.CommitAsync(cancellationToken);
        cache.Changed(participant.RoomId);
        return added;
    }

    public async Task<bool> MakeHostAsync(Guid roomId, Guid participantId, CancellationToken cancellationToken)
    {
        await using var writing = await writes.AcquireAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Participants.Where(p => p.RoomId == roomId && p.IsHost && p.Id != participantId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.IsHost, false), cancellationToken);
        var promoted = await db.Participants.Where(p => p.RoomId == roomId && p.Id == participantId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.IsHost, true), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache.Changed(roomId);
        return promoted == 1;
    }

    public async Task<bool> SetStatusAsync(Guid roomId, Guid participantId, ParticipantStatus? status, CancellationToken cancellationToken)
    {
        await using var writing = await writes.AcquireAsync(cancellationToken);
        var set = await db.Participants.Where(p => p.RoomId == roomId && p.Id == participantId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, status), cancellationToken) == 1;
        cache.Changed(roomId);
        return set;
    }

    public async Task<bool> SetTaskAsync(Guid roomId, Guid participantId, string? task, CancellationToken cancellationToken)
    {
        await using var writing = await writes.AcquireAsync(cancellationToken);
        var set = await db.Participants.Where(p => p.RoomId == roomId && p.Id == participantId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Task, task), cancellationToken) == 1;
        cache.Changed(roomId);
        return set;
    }

    public async Task TouchAsync(IReadOnlyCollection<Guid> participantIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participantIds);
        if (participantIds.Count > 0)
        {
            await using var writing = await writes.AcquireAsync(cancellationToken);
            await db.Participants.Where(p => participantIds.Contains(p.Id))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.LastSeenAt, now)
                    .SetProperty(p => p.FirstSeenAt, p => p.FirstSeenAt ?? now), cancellationToken);
            // Only a first sighting matters to a cached participant (it is written once per participant, ever).
            foreach (var roomId in cache.RoomsWithUnseen(participantIds).ToList())
            {
                cache.Changed(roomId);
            }
        }
    }

    public async Task<IReadOnlyList<Participant>> NeverSeenSinceAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        await db.Participants.AsNoTracking().Where(p => p.FirstSeenAt == null && p.JoinedAt < before).OrderBy(p => p.JoinedAt).Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<bool> TryRotateTokenAsync(Guid roomId, Guid participantId, int current, CancellationToken cancellationToken)
    {
        await using var writing = await writes.AcquireAsync(cancellationToken);
        var rotated = await db.Participants.Where(p => p.RoomId == roomId && p.Id == participantId && p.TokenVersion == current)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.TokenVersion, p => p.TokenVersion + 1), cancellationToken) == 1;
        cache.Changed(roomId);
        return rotated;
    }

    public async Task<IReadOnlySet<Guid>> ExistingAsync(IReadOnlyCollection<Guid> participantIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participantIds);
        if (participantIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var existing = await db.Participants.Where(p => participantIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        return existing.ToHashSet();
    }

    public async Task<IReadOnlyList<Participant>> LastSeenBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        await db.Participants.AsNoTracking().Where(p => p.LastSeenAt < before).OrderBy(p => p.LastSeenAt).Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<bool> RemoveAsync(Guid roomId, Guid participantId, CancellationToken cancellationToken)
    {
        await using var writing = await writes.AcquireAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Participants.Where(p => p.Id == participantId && p.RoomId == roomId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return false;
        }

        await db.Rooms.Where(r => r.Id == roomId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ParticipantCount, r => r.ParticipantCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache.Changed(roomId);
        return true;
    }
}
