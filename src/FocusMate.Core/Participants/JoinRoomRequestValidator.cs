using FluentValidation;
using FocusMate.Core.Validation;

namespace FocusMate.Core.Participants;

public sealed class JoinRoomRequestValidator : AbstractValidator<JoinRoomRequest>
{
    public JoinRoomRequestValidator() => RuleFor(r => r.UserName).DisplayName();
}
