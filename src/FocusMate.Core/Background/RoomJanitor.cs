using FocusMate.Core.History;
using FocusMate.Core.Participants;
using FocusMate.Core.Presence;
using FocusMate.Core.Retention;
using FocusMate.Core.Rooms;
using FocusMate.Core.Services;
using FocusMate.Core.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FocusMate.Core.Background;

/// <summary>
/// Keeps the data lifetime rules (BR-003): drops participants offline for too long (the host role passes
/// on as if they left) and deletes rooms with no activity for too long, telling anyone still connected.
/// Every instance runs it; first it marks the participants connected to it as seen, so nobody online
/// anywhere is dropped.
/// </summary>
public sealed partial class RoomJanitor(
    IServiceScopeFactory scopes,
    IPresenceTracker presence,
    TimeProvider clock,
    IOptions<RetentionOptions> options,
    ILogger<RoomJanitor> logger) : RecurringService(clock, logger)
{
    protected override string Work => "A retention sweep";

    protected override TimeSpan RetryAfterFailure => options.Value.SweepInterval;

    protected override bool Enabled => options.Value.SweepInBackground;

    protected override async Task<TimeSpan> RunPassOnceAsync(CancellationToken cancellationToken)
    {
        await SweepAsync(cancellationToken);
        return options.Value.SweepInterval;
    }

    /// <summary>One sweep; returns how many participants were dropped and rooms deleted.</summary>
    internal async Task<(int Participants, int Rooms)> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = Clock.GetUtcNowMilliseconds();
        var participants = scope.ServiceProvider.GetRequiredService<IParticipantRepository>();
        await participants.TouchAsync(await presence.OnlineHereAsync(), now, cancellationToken);

        var repository = scope.ServiceProvider.GetRequiredService<IParticipantRepository>();
        var dropped = await DropAsync(scope.ServiceProvider,
            (limit, ct) => repository.LastSeenBeforeAsync(now - options.Value.OfflineParticipant, limit, ct), cancellationToken);
        dropped += await DropAsync(scope.ServiceProvider,
            (limit, ct) => repository.NeverSeenSinceAsync(now - options.Value.NeverConnectedParticipant, limit, ct), cancellationToken);
        var expired = await ExpireUnusedAsync(scope.ServiceProvider, now - options.Value.RoomInactivity, cancellationToken);
        await CloseLostFocusAsync(scope.ServiceProvider.GetRequiredService<IFocusLog>(), cancellationToken);
        if (dropped + expired > 0)
        {
            LogSwept(Logger, dropped, expired);
        }

        return (dropped, expired);
    }

    /// <summary>Drops every participant <paramref name="find"/> names, a batch at a time; another instance may race it.</summary>
    private async Task<int> DropAsync(IServiceProvider services, Func<int, CancellationToken, Task<IReadOnlyList<Participant>>> find,
        CancellationToken cancellationToken)
    {
        var service = services.GetRequiredService<ParticipantService>();
        var count = 0;
        IReadOnlyList<Participant> absent;
        do
        {
            absent = await find(options.Value.BatchSize, cancellationToken);
            foreach (var participant in absent)
            {
                count += await service.DropAsync(participant, cancellationToken) ? 1 : 0;
            }
        }
        while (absent.Count == options.Value.BatchSize);

        return count;
    }

    /// <summary>
    /// Ends the focus of participants who are online nowhere (their instance died, or the disconnect was lost) at the
    /// moment they were last seen: nobody keeps focusing in the statistics after they left.
    /// </summary>
    private async Task CloseLostFocusAsync(IFocusLog focus, CancellationToken cancellationToken)
    {
        if (!presence.IsKnown)
        {
            return;
        }

        var online = new Dictionary<Guid, IReadOnlySet<Guid>>();
        foreach (var (roomId, participantId, lastSeenAt) in await focus.OpenAsync(options.Value.BatchSize * 10, cancellationToken))
        {
            if (!online.TryGetValue(roomId, out var here))
            {
                online[roomId] = here = await presence.OnlineInAsync(roomId);
            }

            if (!here.Contains(participantId))
            {
                await focus.EndAsync(roomId, [participantId], lastSeenAt, cancellationToken);
            }
        }
    }

    private async Task<int> ExpireUnusedAsync(IServiceProvider services, DateTimeOffset activeBefore, CancellationToken cancellationToken)
    {
        var repository = services.GetRequiredService<IRoomRepository>();
        var service = services.GetRequiredService<RoomService>();
        var count = 0;
        IReadOnlyList<Guid> unused;
        do
        {
            unused = await repository.InactiveSinceAsync(activeBefore, options.Value.BatchSize, cancellationToken);
            foreach (var roomId in unused)
            {
                count += await service.ExpireAsync(roomId, cancellationToken) ? 1 : 0;
            }
        }
        while (unused.Count == options.Value.BatchSize);

        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep dropped {Participants} absent participants and deleted {Rooms} unused rooms")]
    private static partial void LogSwept(ILogger logger, int participants, int rooms);

}
