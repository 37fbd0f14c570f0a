namespace FocusMate.TestSupport;

/// <summary>
/// Waits for a condition the system reaches on its own time (a scheduler pass, a closed connection, another
/// process starting), reading it again every few milliseconds; fails when <c>patience</c> runs out.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(15);

    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = new CancellationTokenSource(patience ?? DefaultPatience);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), timeout.Token);
        }
    }
}
