using FocusMate.Core.Chat;

namespace FocusMate.Api.Contracts;

/// <summary>A chat message. <c>text</c> is plain text: show it as text, never as HTML.</summary>
public sealed record ChatMessageResponse
{
    public required Guid MessageId { get; init; }

    /// <summary>The author (who may have left since).</summary>
    public required Guid ParticipantId { get; init; }

    /// <summary>The author's name when the message was sent.</summary>
    /// <example>Jun</example>
    public required string UserName { get; init; }

    /// <example>Back in 5 — coffee ☕</example>
    public required string Text { get; init; }

    public required DateTimeOffset SentAt { get; init; }
}

public static class ChatMapping
{
    public static ChatMessageResponse ToResponse(this ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ChatMessageResponse
        {
            MessageId = message.Id,
            ParticipantId = message.ParticipantId,
            UserName = message.UserName,
            Text = message.Text,
            SentAt = message.SentAt,
        };
    }
}
