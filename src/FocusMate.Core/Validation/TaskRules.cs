using FluentValidation;

namespace FocusMate.Core.Validation;

public static class TaskRules
{
    public const int MaxLength = 80;

    /// <summary>
    /// What someone works on: empty or null clears it; otherwise up to 80 characters once trimmed, with the same
    /// characters a name may hold (see <see cref="VisibleText"/>).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> WorkingOn<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(task => task is null || task.Trim().Length <= MaxLength)
            .WithMessage($"'{{PropertyName}}' must be at most {MaxLength} characters once trimmed.")
            .Must(task => task is null || task.Trim().Length == 0 || VisibleText.IsAcceptable(task, lineBreaks: false))
            .WithMessage("'{PropertyName}' must not contain control, format or direction characters.");
}
