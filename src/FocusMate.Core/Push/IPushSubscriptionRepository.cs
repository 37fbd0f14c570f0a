namespace FocusMate.Core.Push;

/// <summary>The push subscriptions of participants. They go with their participant (leaving, removal) and their room.</summary>
public interface IPushSubscriptionRepository
{
    /// <summary>
    /// Stores the subscription, replacing the participant's earlier one for the same endpoint (new keys, another
    /// language); false when the participant holds <paramref name="maxPerParticipant"/> others already.
    /// </summary>
    Task<bool> SaveAsync(WebPushSubscription subscription, int maxPerParticipant, CancellationToken cancellationToken);

    /// <summary>Drops the participant's subscription for that endpoint; false when there was none.</summary>
    Task<bool> RemoveAsync(Guid roomId, Guid participantId, string endpoint, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebPushSubscription>> ForRoomAsync(Guid roomId, CancellationToken cancellationToken);

    /// <summary>Drops a subscription the push service says is gone (404, 410).</summary>
    Task DeleteAsync(Guid subscriptionId, CancellationToken cancellationToken);
}
