namespace FocusMate.Core.Errors;

/// <summary>No valid participant token came with a call that needs one.</summary>
public sealed class UnauthorizedException(string message = "A participant token of this room is required.")
    : FocusMateException(ErrorCodes.Unauthorized, message);
