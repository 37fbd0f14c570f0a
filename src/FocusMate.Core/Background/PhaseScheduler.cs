using FocusMate.Core.Admission;
using FocusMate.Core.Services;
using FocusMate.Core.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FocusMate.Core.Background;

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
    ILogger<PhaseScheduler> logger) : RecurringService(clock, logger)
{
    /// <summary>Signals a target earlier than the one the scheduler sleeps towards; taken before each pass reads the targets.</summary>
    private Task _changed = Task.CompletedTask;

    protected override string Work => "A scheduler pass";

    protected override TimeSpan RetryAfterFailure => FailureBackoff;

    protected override Task StartingAsync(CancellationToken cancellationToken) => deadlines.ListenAsync();

    protected override Task<TimeSpan> RunPassOnceAsync(CancellationToken cancellationToken)
    {
        deadlines.Awake();
        _changed = deadlines.NextChange;
        return RunPassAsync(cancellationToken);
    }

    /// <summary>Sleeps until the next target, or until a change brings an earlier one; the timer is released either way.</summary>
    protected override async Task PauseAsync(TimeSpan pause, CancellationToken cancellationToken)
    {
        if (pause <= TimeSpan.Zero)
        {
            return;
        }

        deadlines.SleepUntil(Clock.GetUtcNow() + pause);
        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(pause, Clock, sleep.Token);
        await Task.WhenAny(timer, _changed);
        await sleep.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
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
            due = await timers.DueRoomsAsync(Clock.GetUtcNowMilliseconds(), options.Value.BatchSize, cancellationToken);
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
        var untilTarget = earliest is { } target ? target - Clock.GetUtcNowMilliseconds() : rescan;
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
            LogRoomFailed(Logger, ex, roomId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Completing the due phase of room {RoomId} failed; the next pass retries")]
    private static partial void LogRoomFailed(ILogger logger, Exception exception, Guid roomId);

}
