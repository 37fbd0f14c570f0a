namespace FocusMate.Core.Push;

/// <summary>A browser of a participant that wants phase ends pushed to it, even with the tab closed.</summary>
public sealed record WebPushSubscription(
    Guid Id,
    Guid RoomId,
    Guid ParticipantId,
    string Endpoint,
    string P256dh,
    string Auth,
    string Language,
    DateTimeOffset CreatedAt);
