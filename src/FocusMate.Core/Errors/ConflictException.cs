namespace FocusMate.Core.Errors;

/// <summary>The request conflicts with the current state (a taken name, a full room).</summary>
public sealed class ConflictException(string code, string message) : FocusMateException(code, message);
