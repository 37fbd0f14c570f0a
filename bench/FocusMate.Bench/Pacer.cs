namespace FocusMate.Bench;

/// <summary>
/// Open-model pacing on a dedicated thread: action i runs at start + i × interval (or as soon after as the
/// thread wakes), never waiting for earlier actions to finish. Sleeps between steps instead of spinning, so the
/// generator does not take a core from the server (an action may leave up to 1 ms early rather than spin);
/// Thread.Sleep wakes about 0.1 ms late on Linux, where the thread pool's timers would add milliseconds.
/// </summary>
internal static class Pacer
{
    public static Task RunAsync(long count, long start, long interval, Action<long, long> action)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                for (long i = 0; i < count; i++)
                {
                    var due = start + (long)(i * (double)interval);
                    SleepUntil(due);
                    action(i, due);
                }

                done.SetResult();
            }
#pragma warning disable CA1031 // Whatever failed is handed to the awaiting scenario.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                done.SetException(ex);
            }
        })
        { IsBackground = true, Name = "pacer", Priority = ThreadPriority.AboveNormal };
        thread.Start();
        return done.Task;
    }

    private static void SleepUntil(long due)
    {
        while (true)
        {
            // Less than a millisecond ahead: go now (up to 1 ms early) rather than spin; latency counts from the actual send.
            var ahead = Clock.ToMillis(due - Clock.Now);
            if (ahead < 1)
            {
                return;
            }

            Thread.Sleep((int)ahead);
        }
    }
}
