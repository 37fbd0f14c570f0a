namespace FocusMate.Core.Errors;

/// <summary>The token is valid but does not allow this: another room's, or not the host's.</summary>
public sealed class ForbiddenException(string message) : FocusMateException(ErrorCodes.Forbidden, message);
