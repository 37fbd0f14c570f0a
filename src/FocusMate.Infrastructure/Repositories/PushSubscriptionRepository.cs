using FocusMate.Core.Push;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

internal sealed class PushSubscriptionRepository(FocusMateDbContext db, WriteLock writes) : IPushSubscriptionRepository
{
    public async Task<bool> SaveAsync(WebPushSubscription subscription, int maxPerParticipant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var writing = await writes.AcquireAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.PushSubscriptions
            .Where(s => s.ParticipantId == subscription.ParticipantId && s.Endpoint == subscription.Endpoint)
            .ExecuteDeleteAsync(cancellationToken);
        if (await db.PushSubscriptions.CountAsync(s => s.ParticipantId == subscription.ParticipantId, cancellationToken) >= maxPerParticipant)
        {
            return false;
        }

        db.PushSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    public async Task<bool> RemoveAsync(Guid roomId, Guid participantId, string endpoint, CancellationToken cancellationToken)
    {
        await using var writing = await writes.AcquireAsync(cancellationToken);
        return await db.PushSubscriptions
            .Where(s => s.RoomId == roomId && s.ParticipantId == participantId && s.Endpoint == endpoint)
            .ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<WebPushSubscription>> ForRoomAsync(Guid roomId, CancellationToken cancellationToken) =>
        await db.PushSubscriptions.AsNoTracking().Where(s => s.RoomId == roomId).ToListAsync(cancellationToken);

    public async Task DeleteAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        await using var writing = await writes.AcquireAsync(cancellationToken);
        await db.PushSubscriptions.Where(s => s.Id == subscriptionId).ExecuteDeleteAsync(cancellationToken);
    }
}
