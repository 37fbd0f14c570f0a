using FocusMate.Core.Participants;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

internal sealed class ParticipantRepository(FocusMateDbContext db) : IParticipantRepository
{
    public Task<Participant?> FindAsync(Guid roomId, Guid participantId, CancellationToken cancellationToken) =>
        db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId && p.RoomId == roomId, cancellationToken);

    public async Task<IReadOnlyList<Participant>> ListAsync(Guid roomId, CancellationToken cancellationToken) =>
        await db.Participants.AsNoTracking().Where(p => p.RoomId == roomId).OrderBy(p => p.JoinedAt).ToListAsync(cancellationToken);

    public async Task<bool> TryAddAsync(Participant participant, int maxParticipants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The count and the capacity check are one conditional UPDATE, so two joins racing for the
        // last seat cannot both win, on SQLite or PostgreSQL.
        var seated = await db.Rooms
            .Where(r => r.Id == participant.RoomId && r.ParticipantCount < maxParticipants)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ParticipantCount, r => r.ParticipantCount + 1), cancellationToken);
        if (seated == 0)
        {
            return false;
        }

        db.Participants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RemoveAsync(Guid roomId, Guid participantId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Participants.Where(p => p.Id == participantId && p.RoomId == roomId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return false;
        }

        await db.Rooms.Where(r => r.Id == roomId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ParticipantCount, r => r.ParticipantCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
