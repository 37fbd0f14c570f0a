namespace FocusMate.Core.Errors;

/// <summary>
/// Tells a failure of an overloaded store (no free database connection, the server refusing more) from a bug:
/// the first is answered with <c>SERVICE_BUSY</c> and a moment to wait, not <c>INTERNAL_ERROR</c>.
/// </summary>
public interface IOverloadDetector
{
    bool IsOverload(Exception exception);
}
