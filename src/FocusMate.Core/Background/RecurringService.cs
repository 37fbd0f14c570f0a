using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FocusMate.Core.Background;

/// <summary>
/// The loop the background services share: run a pass, pause for as long as the pass says, and again until the
/// host stops. A pass that fails (a database blip, Redis away) is logged and tried again after
/// <see cref="RetryAfterFailure"/>; stopping the host ends the loop quietly, in a pass or in a pause.
/// </summary>
public abstract partial class RecurringService(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    /// <summary>What one pass does, in words for the log ("A scheduler pass").</summary>
    protected abstract string Work { get; }

    /// <summary>How long to wait before the next pass when one failed.</summary>
    protected abstract TimeSpan RetryAfterFailure { get; }

    /// <summary>How loud a failed pass is: an error unless the service expects to catch up by itself.</summary>
    protected virtual LogLevel FailureLevel => LogLevel.Error;

    /// <summary>False to leave the service idle (configuration turned it off).</summary>
    protected virtual bool Enabled => true;

    /// <summary>Runs once before the first pass.</summary>
    protected virtual Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One pass; returns how long to pause before the next.</summary>
    protected abstract Task<TimeSpan> RunPassOnceAsync(CancellationToken cancellationToken);

    /// <summary>The pause between passes (the clock's, so tests move it).</summary>
    protected virtual Task PauseAsync(TimeSpan pause, CancellationToken cancellationToken) =>
        pause > TimeSpan.Zero ? Task.Delay(pause, Clock, cancellationToken) : Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        await StartingAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                TimeSpan pause;
                try
                {
                    pause = await RunPassOnceAsync(stoppingToken);
                }
#pragma warning disable CA1031 // A background service must outlive a failed pass; it logs and tries again.
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    LogPassFailed(Logger, FailureLevel, ex, Work, RetryAfterFailure.TotalSeconds);
                    pause = RetryAfterFailure;
                }

                await PauseAsync(pause, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    [LoggerMessage(Message = "{Work} failed; trying again in {Seconds} s")]
    private static partial void LogPassFailed(ILogger logger, LogLevel level, Exception exception, string work, double seconds);
}
