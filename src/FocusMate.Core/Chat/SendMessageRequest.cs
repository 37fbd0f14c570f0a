using System.ComponentModel.DataAnnotations;
using FluentValidation;
using FocusMate.Core.Validation;

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

public sealed class SendMessageRequestValidator : AbstractValidator<SendMessageRequest>
{
    public SendMessageRequestValidator() =>
        RuleFor(r => r.Text).Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(text => text!.Trim().Length is >= 1 and <= SendMessageRequest.MaxLength)
            .WithMessage($"'{{PropertyName}}' must be 1–{SendMessageRequest.MaxLength} characters once trimmed.")
            .Must(text => VisibleText.IsAcceptable(text!, lineBreaks: true))
            .WithMessage("'{PropertyName}' must show at least one character and must not contain control, format or direction characters other than line breaks and tabs.");
}
