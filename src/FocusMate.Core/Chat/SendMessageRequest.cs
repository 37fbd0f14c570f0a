using System.ComponentModel.DataAnnotations;

namespace FocusMate.Core.Chat;

/// <summary>A chat message to send.</summary>
public sealed record SendMessageRequest
{
    public const int MaxLength = 500;

    /// <summary>
    /// 1–500 characters once trimmed, at least one of them visible; line breaks and tabs are kept, other control,
    /// format and bidi characters are refused. Shown as plain text.
    /// </summary>
    /// <example>Back in 5 — coffee ☕</example>
    [Required]
    public string? Text { get; init; }
}
