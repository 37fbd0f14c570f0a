using System.ComponentModel.DataAnnotations;
using FluentValidation;
using FocusMate.Core.Validation;

namespace FocusMate.Core.Participants;

/// <summary>Someone joining a room.</summary>
public sealed record JoinRoomRequest
{
    /// <summary>
    /// The display name: 1–50 characters after trimming, at least one of them visible; no control, format or
    /// bidi characters (zero-width spaces, U+202E, U+2066–2069). Need not be unique.
    /// </summary>
    /// <example>Jun</example>
    [Required]
    public string? UserName { get; init; }
}

public sealed class JoinRoomRequestValidator : AbstractValidator<JoinRoomRequest>
{
    public JoinRoomRequestValidator() => RuleFor(r => r.UserName).DisplayName();
}

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
