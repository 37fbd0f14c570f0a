using System.ComponentModel.DataAnnotations;
using FluentValidation;

namespace FocusMate.Core.Chat;

/// <summary>A chat message to send.</summary>
public sealed record SendMessageRequest
{
    public const int MaxLength = 500;

    /// <summary>1–500 characters once trimmed; line breaks are kept, other control characters are refused. Shown as plain text.</summary>
    /// <example>Back in 5 — coffee ☕</example>
    [Required]
    public string? Text { get; init; }
}

public sealed class SendMessageRequestValidator : AbstractValidator<SendMessageRequest>
{
    public SendMessageRequestValidator() =>
        RuleFor(r => r.Text).Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(text => text!.Trim().Length is >= 1 and <= SendMessageRequest.MaxLength)
            .WithMessage($"'{{PropertyName}}' must be 1–{SendMessageRequest.MaxLength} characters once trimmed.")
            .Must(text => !text!.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            .WithMessage("'{PropertyName}' must not contain control characters other than line breaks and tabs.");
}
