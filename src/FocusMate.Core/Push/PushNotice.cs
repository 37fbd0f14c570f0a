using FocusMate.Core.Timers;

namespace FocusMate.Core.Push;

/// <summary>What a push says, as the service worker shows it: a notification with a title and body that opens the room.</summary>
public sealed record PushNotice(
    string Title,
    string Body,
    string Url,
    string Tag,
    Guid RoomId,
    SessionType CompletedSessionType,
    SessionType NextSessionType,
    DateTimeOffset CompletedAt);
