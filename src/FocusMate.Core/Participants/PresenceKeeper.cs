using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FocusMate.Core.Participants;

/// <summary>
/// Keeps presence true across instances: every few seconds it tells the others this instance is alive,
/// and when another instance died without closing its connections, it closes them here as disconnects,
/// so its participants go offline for everyone instead of looking online forever.
/// </summary>
public sealed partial class PresenceKeeper(
    IServiceScopeFactory scopes,
    IPresenceTracker presence,
    TimeProvider clock,
    ILogger<PresenceKeeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await KeepAliveAsync(stoppingToken);
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Redis or the database may be away for a moment; presence catches up on the next beat.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogBeatFailed(ex);
                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
    }

    internal async Task<int> KeepAliveAsync(CancellationToken cancellationToken)
    {
        var repair = await presence.KeepAliveAsync();
        if (repair.Orphans.Count == 0 && repair.BackOnline.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var participants = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        foreach (var connectionId in repair.Orphans)
        {
            await participants.DisconnectedAsync(connectionId, cancellationToken);
        }

        foreach (var back in repair.BackOnline)
        {
            await participants.BackOnlineAsync(back, cancellationToken);
        }

        LogRepaired(repair.Orphans.Count, repair.BackOnline.Count);
        return repair.Orphans.Count + repair.BackOnline.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Presence repaired: closed {Orphans} connections nobody holds, {Back} participants back online")]
    private partial void LogRepaired(int orphans, int back);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence heartbeat failed; retrying")]
    private partial void LogBeatFailed(Exception exception);
}
