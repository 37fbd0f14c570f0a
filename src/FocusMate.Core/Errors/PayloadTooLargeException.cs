namespace FocusMate.Core.Errors;

/// <summary>The body is larger than the server accepts.</summary>
public sealed class PayloadTooLargeException(long limitBytes)
    : FocusMateException(ErrorCodes.PayloadTooLarge, $"The request body is larger than {limitBytes} bytes.");
