namespace FocusMate.Core.Errors;

/// <summary>A refusal the contract names: the code says which, the message says why in words a user can read.</summary>
public abstract class FocusMateException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
