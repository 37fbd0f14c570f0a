using FocusMate.Core.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FocusMate.Core.Background;

/// <summary>
/// Writes focus changes off the commands' path: whatever has queued up (<see cref="FocusChanges"/>) goes in one
/// transaction, in order. A batch that fails is logged and dropped; the retention sweep closes any focus it left open.
/// </summary>
public sealed partial class FocusRecorder(FocusChanges queue, IServiceScopeFactory scopes, ILogger<FocusRecorder> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<FocusChange>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var change))
                {
                    batch.Add(change);
                }

                await WriteAsync(batch, stoppingToken);
                queue.Written(batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WriteAsync(List<FocusChange> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IFocusLog>().ApplyAsync(batch, cancellationToken);
        }
#pragma warning disable CA1031 // Statistics must not stop the app: a failed batch is logged and dropped.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogFailed(ex, batch.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} focus changes failed; they are not counted")]
    private partial void LogFailed(Exception exception, int count);
}
