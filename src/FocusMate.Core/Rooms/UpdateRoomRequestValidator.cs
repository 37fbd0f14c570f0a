using FluentValidation;

namespace FocusMate.Core.Rooms;

public sealed class UpdateRoomRequestValidator : AbstractValidator<UpdateRoomRequest>
{
    public UpdateRoomRequestValidator() => Include(new RoomSettingsFieldsValidator());
}
