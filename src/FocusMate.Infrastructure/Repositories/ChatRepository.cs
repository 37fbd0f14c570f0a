using FocusMate.Core.Chat;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

internal sealed class ChatRepository(FocusMateDbContext db, WriteLock writes) : IChatRepository
{
    public async Task AddAsync(ChatMessage message, int keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var writing = await writes.AcquireAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        // Only a room past its limit pays for the delete; both queries walk the (room_id, sent_at) index.
        var newestFirst = db.Messages.Where(m => m.RoomId == message.RoomId).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id);
        if (await newestFirst.Skip(keep).AnyAsync(cancellationToken))
        {
            var kept = newestFirst.Take(keep).Select(m => m.Id);
            await db.Messages.Where(m => m.RoomId == message.RoomId && !kept.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChatMessage>> RecentAsync(Guid roomId, int limit, CancellationToken cancellationToken)
    {
        var newestFirst = await db.Messages.AsNoTracking()
            .Where(m => m.RoomId == roomId)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        newestFirst.Reverse();
        return newestFirst;
    }
}
