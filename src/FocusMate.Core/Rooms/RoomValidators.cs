using FluentValidation;
using FocusMate.Core.Participants;

namespace FocusMate.Core.Rooms;

/// <summary>The ranges of SPEC §1 for every setting a request carries.</summary>
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

public sealed partial class CreateRoomRequestValidator : AbstractValidator<CreateRoomRequest>
{
    public CreateRoomRequestValidator()
    {
        RuleFor(r => r.RoomName)
            .NotEmpty()
            .Length(3, 50)
            .Matches(RoomNamePattern()).WithMessage("'{PropertyName}' may only hold letters, digits, '_' and '-'.");
        RuleFor(r => r.HostName).DisplayName();
        Include(new RoomSettingsFieldsValidator());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\A[A-Za-z0-9_-]+\z")]
    private static partial System.Text.RegularExpressions.Regex RoomNamePattern();
}

public sealed class UpdateRoomRequestValidator : AbstractValidator<UpdateRoomRequest>
{
    public UpdateRoomRequestValidator() => Include(new RoomSettingsFieldsValidator());
}
