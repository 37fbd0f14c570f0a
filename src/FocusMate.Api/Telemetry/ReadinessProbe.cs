using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FocusMate.Api.Telemetry;

/// <summary>Runs the readiness checks every few seconds, so the <c>focusmate_ready</c> gauge says what <c>/health/ready</c> would.</summary>
public sealed class ReadinessProbe(HealthCheckService health) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private volatile bool _ready = true;

    public bool Ready => _ready;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await health.CheckHealthAsync(check => check.Tags.Contains(Hosting.HealthSetup.ReadyTag), stoppingToken);
                _ready = report.Status == HealthStatus.Healthy;
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }
}
