namespace FocusMate.Core.Errors;

/// <summary>The body could not be read as the JSON the endpoint takes.</summary>
public sealed class MalformedRequestException(string message) : FocusMateException(ErrorCodes.MalformedRequest, message);
