using System.Diagnostics.Metrics;
using FocusMate.Core.Telemetry;
using FocusMate.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FocusMate.Infrastructure.Telemetry;

/// <summary>
/// The store's instruments: the SQLite writer's queue (depth, and how long writes waited for their turn), the
/// running timers (counted in the database every <see cref="CensusInterval"/>), and the Redis connection.
/// </summary>
public sealed partial class DatabaseMetrics : BackgroundService
{
    public static readonly TimeSpan CensusInterval = TimeSpan.FromSeconds(15);

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<DatabaseMetrics> _logger;
    private readonly Histogram<double> _writeWait;
    private long _running;

    public DatabaseMetrics(IMeterFactory meters, WriteLock writes, TimerWrites timerWrites, IServiceScopeFactory scopes, IServiceProvider services, ILogger<DatabaseMetrics> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _scopes = scopes;
        _logger = logger;
        var meter = meters.Create(FocusMateTelemetry.MeterName);
        _writeWait = meter.CreateHistogram<double>("focusmate.database.write_wait", "s", "How long writes waited for the database writer (SQLite takes one at a time).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2] });
        var batchSize = meter.CreateHistogram<int>("focusmate.database.timer_batch.size", "{change}",
            "Timer changes committed together in one transaction (group commit).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });
        ArgumentNullException.ThrowIfNull(timerWrites);
        timerWrites.BatchCommitted += (size, oldestWait) =>
        {
            batchSize.Record(size);
            _writeWait.Record(oldestWait.TotalSeconds);
        };
        meter.CreateObservableGauge("focusmate.database.write_queue.depth", () => writes.Waiting + timerWrites.Queued, "{write}",
            "Writes waiting for the database writer now (timer changes waiting for their batch included).");
        meter.CreateObservableGauge("focusmate.timers.running", () => Interlocked.Read(ref _running), "{timer}", "Timers running, in the whole database.");
        if (services.GetService<IConnectionMultiplexer>() is { } redis)
        {
            meter.CreateObservableGauge("focusmate.redis.connected", () => redis.IsConnected ? 1 : 0, "{connection}", "1 while this instance reaches Redis.");
        }
    }

    /// <summary>Records how long a write waited for its turn.</summary>
    public void WriteWaited(TimeSpan wait) => _writeWait.Record(wait.TotalSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FocusMateDbContext>();
                Interlocked.Exchange(ref _running, await db.Timers.LongCountAsync(t => t.TargetAt != null, stoppingToken));
                await Task.Delay(CensusInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A census that fails (the database away) is tried again; the gauge keeps its last value.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogCensusFailed(ex);
                await Task.Delay(CensusInterval, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counting running timers failed")]
    private partial void LogCensusFailed(Exception exception);
}
