using FluentValidation;
using FocusMate.Core.Validation;

namespace FocusMate.Core.Participants;

public sealed class SetTaskRequestValidator : AbstractValidator<SetTaskRequest>
{
    public SetTaskRequestValidator() => RuleFor(r => r.Task).WorkingOn();
}
