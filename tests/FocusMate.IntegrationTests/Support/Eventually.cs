namespace FocusMate.IntegrationTests.Support;

/// <summary>Waits for a condition the server reaches on its own task (a scheduler pass, a closed connection).</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        using var timeout = new CancellationTokenSource(RoomHubClient.Patience);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
