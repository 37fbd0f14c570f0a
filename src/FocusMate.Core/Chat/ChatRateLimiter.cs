using System.Collections.Concurrent;
using FocusMate.Core.Errors;
using Microsoft.Extensions.Options;

namespace FocusMate.Core.Chat;

/// <summary>
/// A sliding window per participant: at most N messages in any window of the configured length.
/// Kept per instance, which is enough to stop a flood from one browser.
/// </summary>
public sealed class ChatRateLimiter(IOptions<ChatOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Queue<DateTimeOffset>> _sent = new();

    /// <summary>Counts one message, or throws <c>RATE_LIMITED</c> with how long to wait.</summary>
    public void Take(Guid participantId)
    {
        var (limit, window) = (options.Value.MessagesPerWindow, options.Value.Window);
        var now = clock.GetUtcNow();
        var sent = _sent.GetOrAdd(participantId, _ => new Queue<DateTimeOffset>());
        lock (sent)
        {
            while (sent.Count > 0 && sent.Peek() <= now - window)
            {
                sent.Dequeue();
            }

            if (sent.Count >= limit)
            {
                throw new RateLimitedException(sent.Peek() + window - now);
            }

            sent.Enqueue(now);
        }
    }

    /// <summary>Forgets a participant who is gone.</summary>
    public void Forget(Guid participantId) => _sent.TryRemove(participantId, out _);
}
