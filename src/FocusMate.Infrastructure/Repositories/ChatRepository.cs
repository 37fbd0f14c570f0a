using FocusMate.Core.Chat;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Repositories;

internal sealed class ChatRepository(FocusMateDbContext db, WriteLock writes) : IChatRepository
{
    public async Task AddAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        await using var writing = await writes.AcquireAsync(cancellationToken);
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
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
