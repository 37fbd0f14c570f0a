using FluentValidation;

namespace FocusMate.Core.Rooms;

/// <summary>The ranges of the room's settings (docs/architecture.md, "The rules of a room") for every setting a request carries.</summary>
public sealed class RoomSettingsFieldsValidator : AbstractValidator<IRoomSettingsFields>
{
    public RoomSettingsFieldsValidator()
    {
        RuleFor(r => r.WorkDurationMinutes).InclusiveBetween(1, 60);
        RuleFor(r => r.BreakDurationMinutes).InclusiveBetween(1, 30);
        RuleFor(r => r.LongBreakDurationMinutes).InclusiveBetween(1, 60);
        RuleFor(r => r.LongBreakInterval).InclusiveBetween(1, 10);
        RuleFor(r => r.MaxParticipants).InclusiveBetween(2, 50);
    }
}
