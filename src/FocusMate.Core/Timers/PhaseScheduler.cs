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
                await SleepAsync(TimeSpan.FromSeconds(1), changed, stoppingToken);
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

    /// <summary>Completes every due room; returns how long to sleep until the next target.</summary>
    internal async Task<TimeSpan> RunPassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var timers = scope.ServiceProvider.GetRequiredService<ITimerRepository>();
        var service = scope.ServiceProvider.GetRequiredService<TimerService>();
        IReadOnlyList<Guid> due;
        do
        {
            due = await timers.DueRoomsAsync(clock.GetUtcNowMilliseconds(), options.Value.BatchSize, cancellationToken);
            foreach (var roomId in due)
            {
                await service.CompleteDueAsync(roomId, cancellationToken);
            }
        }
        while (due.Count == options.Value.BatchSize);

        var earliest = await timers.EarliestTargetAsync(cancellationToken);
        var rescan = options.Value.RescanInterval;
        var untilTarget = earliest is { } target ? target - clock.GetUtcNowMilliseconds() : rescan;
        return untilTarget < rescan ? untilTarget : rescan;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A scheduler pass failed; retrying in a second")]
    private partial void LogPassFailed(Exception exception);
}
