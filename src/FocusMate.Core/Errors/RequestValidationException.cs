namespace FocusMate.Core.Errors;

/// <summary>The request is not acceptable; <see cref="Errors"/> maps each snake_case field to its messages.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors, string message = "The request has invalid fields.")
    : FocusMateException(ErrorCodes.ValidationError, message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
