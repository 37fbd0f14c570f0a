using System.ComponentModel.DataAnnotations;
using FluentValidation;

namespace FocusMate.Core.Participants;

/// <summary>Someone joining a room.</summary>
public sealed record JoinRoomRequest
{
    /// <summary>The display name: 1–50 characters after trimming, no control characters. Need not be unique.</summary>
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

    /// <summary>A person's name: present, 1–50 characters once trimmed, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> DisplayName<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(name => name!.Trim().Length is >= 1 and <= MaxLength)
            .WithMessage($"'{{PropertyName}}' must be 1–{MaxLength} characters once trimmed.")
            .Must(name => !name!.Any(char.IsControl))
            .WithMessage("'{PropertyName}' must not contain control characters.");
}
