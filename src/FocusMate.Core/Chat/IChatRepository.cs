namespace FocusMate.Core.Chat;

/// <summary>The rooms' chat messages.</summary>
public interface IChatRepository
{
    Task AddAsync(ChatMessage message, CancellationToken cancellationToken);

    /// <summary>The room's last <paramref name="limit"/> messages, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> RecentAsync(Guid roomId, int limit, CancellationToken cancellationToken);
}
