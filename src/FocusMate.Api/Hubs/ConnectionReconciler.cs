using FocusMate.Core.Events;
using FocusMate.Core.Participants;
using FocusMate.Core.Scaling;
using FocusMate.Core.Timers;

namespace FocusMate.Api.Hubs;

/// <summary>
/// Puts this instance's connections right when a notice between instances may have been lost. Every
/// <see cref="Interval"/>, and at once when the link to the other instances (Redis) comes back, it closes the
/// connections of participants that are no longer in their room (removed, or their room deleted, on another
/// instance while the close notice was lost). When the link comes back it also sends each room held here its
/// current timer, so clients that missed events during the outage are in step again without reconnecting; and a
/// room whose event this instance could not send to the others (the link was down) gets its current timer again,
/// so clients on the other instances catch up too.
/// </summary>
public sealed partial class ConnectionReconciler(
    RoomConnections connections,
    IInstanceBus bus,
    IServiceScopeFactory scopes,
    ILogger<ConnectionReconciler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _restored = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bus.Restored += OnRestored;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var restored = await _restored.WaitAsync(Interval, stoppingToken);
                await RunAsync(restored, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            bus.Restored -= OnRestored;
        }
    }

    public override void Dispose()
    {
        _restored.Dispose();
        base.Dispose();
    }

    private void OnRestored(object? sender, EventArgs e)
    {
        if (_restored.CurrentCount == 0)
        {
            _restored.Release();
        }
    }

    /// <summary>One round: close departed connections; resend the timers of unsent rooms, and after an outage of every room held here.</summary>
    internal async Task RunAsync(bool restored, CancellationToken cancellationToken)
    {
        try
        {
            await CloseDepartedAsync(cancellationToken);
            // Rooms whose event this instance could not send go again at every round (the link may have come back
            // before the failure was noted); after an outage, so do all rooms held here.
            var rooms = connections.TakeUnsent();
            if (restored)
            {
                rooms = [.. rooms.Union(connections.Snapshot().Select(c => c.RoomId))];
            }

            await ResendTimersAsync(rooms, cancellationToken);
        }
#pragma warning disable CA1031 // A database blip must not end the loop; the next round tries again.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(ex);
        }
    }

    /// <summary>Closes the connections whose participant is gone; returns how many.</summary>
    internal async Task<int> CloseDepartedAsync(CancellationToken cancellationToken)
    {
        var held = connections.Snapshot();
        if (held.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var participants = scope.ServiceProvider.GetRequiredService<IParticipantRepository>();
        var present = await participants.ExistingAsync([.. held.Select(c => c.ParticipantId).Distinct()], cancellationToken);
        var departed = held.Where(c => !present.Contains(c.ParticipantId)).Select(c => c.Context.ConnectionId).ToHashSet();
        if (departed.Count > 0)
        {
            connections.CloseHere(c => departed.Contains(c.Context.ConnectionId));
            LogClosed(departed.Count);
        }

        return departed.Count;
    }

    private async Task ResendTimersAsync(IReadOnlyList<Guid> rooms, CancellationToken cancellationToken)
    {
        if (rooms.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var timers = scope.ServiceProvider.GetRequiredService<ITimerRepository>();
        var events = scope.ServiceProvider.GetRequiredService<IRoomEvents>();
        foreach (var roomId in rooms)
        {
            if (await timers.FindStoredAsync(roomId, cancellationToken) is { } timer)
            {
                await events.TimerChangedAsync(roomId, timer, []);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} connections of participants no longer in their room")]
    private partial void LogClosed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling hub connections failed; trying again later")]
    private partial void LogFailed(Exception exception);
}
