using FluentValidation;
using FocusMate.Core.Validation;

namespace FocusMate.Core.Rooms;

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
