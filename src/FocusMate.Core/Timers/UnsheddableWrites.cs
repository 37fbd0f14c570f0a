namespace FocusMate.Core.Timers;

/// <summary>
/// Marks the writes of the current flow as ones the database writer never sheds under load: the scheduler's
/// phase completions must be recorded whatever else is queued, or a timer would stop at its target.
/// </summary>
public static class UnsheddableWrites
{
    private static readonly AsyncLocal<bool> Current = new();

    /// <summary>True inside a <see cref="Begin"/> scope on this flow.</summary>
    public static bool Active => Current.Value;

    /// <summary>Until disposed, writes on this asynchronous flow are admitted whatever the queue holds.</summary>
    public static IDisposable Begin()
    {
        var outer = Current.Value;
        Current.Value = true;
        return new Scope(outer);
    }

    private sealed class Scope(bool outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}
