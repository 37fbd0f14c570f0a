using FocusMate.Core.Presence;
using FocusMate.Core.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusMate.Core.Background;

/// <summary>
/// Keeps presence true across instances: every few seconds it tells the others this instance is alive,
/// and when another instance died without closing its connections, it closes them here as disconnects,
/// so its participants go offline for everyone instead of looking online forever.
/// </summary>
public sealed partial class PresenceKeeper(
    IServiceScopeFactory scopes,
    IPresenceTracker presence,
    TimeProvider clock,
    ILogger<PresenceKeeper> logger) : RecurringService(clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override string Work => "A presence heartbeat";

    protected override TimeSpan RetryAfterFailure => Interval;

    /// <summary>Redis or the database may be away for a moment; presence catches up on the next beat.</summary>
    protected override LogLevel FailureLevel => LogLevel.Warning;

    protected override async Task<TimeSpan> RunPassOnceAsync(CancellationToken cancellationToken)
    {
        await KeepAliveAsync(cancellationToken);
        return Interval;
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

        LogRepaired(Logger, repair.Orphans.Count, repair.BackOnline.Count);
        return repair.Orphans.Count + repair.BackOnline.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Presence repaired: closed {Orphans} connections nobody holds, {Back} participants back online")]
    private static partial void LogRepaired(ILogger logger, int orphans, int back);

}
