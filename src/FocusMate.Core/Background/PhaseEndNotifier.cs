using FocusMate.Core.Push;
using FocusMate.Core.Rooms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FocusMate.Core.Background;

/// <summary>
/// Pushes each phase end this instance recorded to the room's subscribed browsers, within moments of the end: several
/// at a time, each in the subscriber's language. A subscription the push service calls gone is dropped.
/// </summary>
public sealed partial class PhaseEndNotifier(
    PhaseEndPushes pushes,
    IServiceScopeFactory scopes,
    IPushSender sender,
    PushMetrics metrics,
    IOptions<PushOptions> options,
    TimeProvider clock,
    ILogger<PhaseEndNotifier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.Concurrency);
        var running = new List<Task>();
        try
        {
            await foreach (var (roomId, end) in pushes.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                running.RemoveAll(task => task.IsCompleted);
                running.Add(NotifyAsync(roomId, end, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(running);
        }
    }

    /// <summary>Sends one phase end to every subscription of the room; never throws.</summary>
    internal async Task NotifyAsync(Guid roomId, Timers.PhaseEnd end, SemaphoreSlim? slots, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var room = await scope.ServiceProvider.GetRequiredService<IRoomRepository>().FindAsync(roomId, cancellationToken);
            var repository = scope.ServiceProvider.GetRequiredService<IPushSubscriptionRepository>();
            var subscriptions = room is null ? [] : await repository.ForRoomAsync(roomId, cancellationToken);
            var sends = subscriptions.Select(async subscription =>
            {
                var (title, body) = PushTexts.For(subscription.Language, room!.Name, end.Completion);
                var notice = new PushNotice(title, body, $"/room/{roomId}", $"focusmate-{roomId}", roomId,
                    end.Completion.CompletedSessionType, end.Completion.NextSessionType, end.CompletedAt);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Value.SendTimeout);
                var outcome = await sender.SendAsync(subscription, notice, timeout.Token);
                metrics.Sent(outcome, clock.GetUtcNow() - end.CompletedAt);
                return (subscription, outcome);
            });
            foreach (var (subscription, outcome) in await Task.WhenAll(sends))
            {
                if (outcome == PushDelivery.Gone)
                {
                    await repository.DeleteAsync(subscription.Id, cancellationToken);
                }
            }
        }
#pragma warning disable CA1031 // A failed push must not stop the others; it is logged.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogFailed(ex, roomId);
        }
        finally
        {
            slots?.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing a phase end of room {RoomId} failed")]
    private partial void LogFailed(Exception exception, Guid roomId);
}
