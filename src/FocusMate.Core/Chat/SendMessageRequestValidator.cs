using FluentValidation;
using FocusMate.Core.Validation;

namespace FocusMate.Core.Chat;

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
