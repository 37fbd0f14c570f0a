namespace FocusMate.Core.Chat;

/// <summary>The rooms' chat messages.</summary>
public interface IChatRepository
{
    /// <summary>Stores the message and drops the room's oldest ones beyond the newest <paramref name="keep"/>.</summary>
    Task AddAsync(ChatMessage message, int keep, CancellationToken cancellationToken);

    /// <summary>The room's last <paramref name="limit"/> messages, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> RecentAsync(Guid roomId, int limit, CancellationToken cancellationToken);
}
