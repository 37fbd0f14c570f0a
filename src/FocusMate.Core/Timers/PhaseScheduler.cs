using FocusMate.Core.Admission;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FocusMate.Core.Timers;

/// <summary>
/// Completes phases on time with no client connected. It sleeps until the earliest target of any
/// running timer (or until a change in this process wakes it), completes what is due, and sleeps
/// again. At start-up the first pass catches up every room that fell due while the server was down.
/// </summary>
public sealed partial class PhaseScheduler(
    IServiceScopeFactory scopes,
    PhaseDeadlines deadlines,
    TimeProvider clock,
    IOptions<SchedulerOptions> options,
    ILogger<PhaseScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await deadlines.ListenAsync();
        while (!stoppingToken.IsCancellationRequested)
        {
            deadlines.Awake();
            var changed = deadlines.NextChange;
            try
            {
                var wait = await RunPassAsync(stoppingToken);
                if (wait > TimeSpan.Zero)
                {
                    deadlines.SleepUntil(clock.GetUtcNow() + wait);
                    await SleepAsync(wait, changed, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The scheduler must outlive a failed pass (a database blip); it logs and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPassFailed(ex);
                await SleepAsync(FailureBackoff, changed, stoppingToken);
            }
        }
    }

    /// <summary>Sleeps for <paramref name="wait"/> or until <paramref name="changed"/>; the timer is released either way.</summary>
    private async Task SleepAsync(TimeSpan wait, Task changed, CancellationToken stoppingToken)
    {
        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(wait, clock, sleep.Token);
        await Task.WhenAny(timer, changed);
        await sleep.CancelAsync();
    }

    /// <summary>
    /// Completes every due room, several at a time (each in a scope of its own: a room that is slow to write
    /// or fails never holds up the others); returns how long to sleep until the next target. Its writes are
    /// never shed under load (<see cref="WriteAdmission"/>).
    /// </summary>
    internal async Task<TimeSpan> RunPassAsync(CancellationToken cancellationToken)
    {
        using var unshed = WriteAdmission.BeginUnshedded();
        await using var scope = scopes.CreateAsyncScope();
        var timers = scope.ServiceProvider.GetRequiredService<ITimerRepository>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken };
        var failed = 0;
        IReadOnlyList<Guid> due;
        do
        {
            due = await timers.DueRoomsAsync(clock.GetUtcNowMilliseconds(), options.Value.BatchSize, cancellationToken);
            await Parallel.ForEachAsync(due, parallel, async (roomId, token) =>
            {
                if (!await TryCompleteAsync(roomId, token))
                {
                    Interlocked.Increment(ref failed);
                }
            });
        }
        while (due.Count == options.Value.BatchSize && failed == 0);

        if (failed > 0)
        {
            return FailureBackoff;
        }

        var earliest = await timers.EarliestTargetAsync(cancellationToken);
        var rescan = options.Value.RescanInterval;
        var untilTarget = earliest is { } target ? target - clock.GetUtcNowMilliseconds() : rescan;
        return untilTarget < rescan ? untilTarget : rescan;
    }

    /// <summary>How long the scheduler waits before it tries again after a failure (a database blip).</summary>
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(1);

    /// <summary>Completes one room's due phases; false when that failed (logged; the next pass retries).</summary>
    private async Task<bool> TryCompleteAsync(Guid roomId, CancellationToken cancellationToken)
    {
        // No request starts this work: it gets a trace of its own, with the database spans under it.
        using var activity = Telemetry.FocusMateTelemetry.Source.StartActivity("complete due phase");
        activity?.SetTag("focusmate.room_id", roomId);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TimerService>().CompleteDueAsync(roomId, cancellationToken);
            return true;
        }
#pragma warning disable CA1031 // One room failing must not stop the others; it is logged and retried by the next pass.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogRoomFailed(ex, roomId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Completing the due phase of room {RoomId} failed; the next pass retries")]
    private partial void LogRoomFailed(Exception exception, Guid roomId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A scheduler pass failed; retrying in a second")]
    private partial void LogPassFailed(Exception exception);
}
