using FluentValidation;

namespace FocusMate.Core.Validation;

public static class DisplayNameRules
{
    public const int MaxLength = 50;

    /// <summary>A person's name: present, 1–50 characters once trimmed, shown as it is written (see <see cref="VisibleText"/>).</summary>
    public static IRuleBuilderOptions<T, string?> DisplayName<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(name => name!.Trim().Length is >= 1 and <= MaxLength)
            .WithMessage($"'{{PropertyName}}' must be 1–{MaxLength} characters once trimmed.")
            .Must(name => VisibleText.IsAcceptable(name!, lineBreaks: false))
            .WithMessage("'{PropertyName}' must show at least one character and must not contain control, format or direction characters.");
}
