namespace FocusMate.Core.Chat;

/// <summary>A chat message, kept with the name its author had when writing it.</summary>
public sealed record ChatMessage(Guid Id, Guid RoomId, Guid ParticipantId, string UserName, string Text, DateTimeOffset SentAt);
