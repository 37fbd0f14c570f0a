using FocusMate.Core.Access;
using FocusMate.Core.Audit;
using FocusMate.Core.Errors;
using FocusMate.Core.Events;
using FocusMate.Core.Participants;
using FocusMate.Core.Presence;
using FocusMate.Core.Push;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using Microsoft.Extensions.Logging;

namespace FocusMate.Core.Services;

/// <summary>
/// Runs timer commands and completions. Every change is a compare-and-swap on the timer's version,
/// so commands, the scheduler and other instances never overwrite each other: whoever loses a race
/// reloads and decides again.
/// </summary>
public sealed partial class TimerService(
    IRoomRepository rooms,
    ITimerRepository timers,
    IRoomEvents events,
    RoomAccess access,
    AuditTrail audit,
    IPresenceTracker presence,
    TimerMetrics metrics,
    PhaseDeadlines deadlines,
    PhaseEndPushes pushes,
    TimeProvider clock,
    ILogger<TimerService> logger)
{
    private const int MaxAttempts = 10;

    public async Task<TimerState> GetAsync(Guid roomId, CancellationToken cancellationToken) =>
        await timers.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);

    /// <summary>Runs a command for a caller who may control the room's timer; returns the new state.</summary>
    public async Task<TimerState> ExecuteAsync(Guid roomId, Caller? caller, TimerCommand command,
        SessionType? sessionType, CancellationToken cancellationToken)
    {
        try
        {
            var state = await RunAsync(roomId, caller, command, sessionType, cancellationToken);
            metrics.Command(command, applied: true);
            return state;
        }
        catch (FocusMateException)
        {
            metrics.Command(command, applied: false);
            throw;
        }
    }

    private async Task<TimerState> RunAsync(Guid roomId, Caller? caller, TimerCommand command,
        SessionType? sessionType, CancellationToken cancellationToken)
    {
        // No token: 401 before anything. A token of another room: 404 if this room does not exist, else 403.
        var participantId = caller?.ParticipantId ?? throw new UnauthorizedException();
        var stored = false;
        for (var attempt = 1; ; attempt++)
        {
            // One read per attempt: the room (for its rules and plan), the timer, and who is asking. From memory
            // first; after a lost compare-and-swap or a refusal, from the database.
            var context = await rooms.FindForCommandAsync(roomId, participantId, stored, cancellationToken) ?? throw NotFoundException.Room(roomId);
            stored = true;
            Participant controller;
            TimerTransition transition;
            var now = clock.GetUtcNowMilliseconds();
            try
            {
                controller = RoomAccess.RequireTimerControl(context.Room, caller, context.Caller);
                transition = command.ApplyTo(context.Timer, context.Room.Settings.Phases, now, sessionType);
            }
            catch (FocusMateException) when (context.FromMemory)
            {
                // Memory may lag a change another instance just made: a command is refused only on what is stored.
                continue;
            }

            if (await CommitAsync(roomId, context.Timer, transition, now, cancellationToken))
            {
                await AfterCommandAsync(context.Room, controller, command, now, cancellationToken);
                return transition.State;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"The timer of room {roomId} kept changing under {command}.");
            }
        }
    }

    private async Task AfterCommandAsync(Room room, Participant controller, TimerCommand command, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (room.ShouldRecordActivity(now))
        {
            await rooms.TouchAsync(room.Id, now, cancellationToken);
        }

        await access.NoteSeenAsync(controller, cancellationToken);
        if (command == TimerCommand.Reset)
        {
            await audit.RecordAsync(room.Id, (controller.Id, controller.UserName), AuditAction.TimerReset, "", cancellationToken);
        }
    }

    /// <summary>
    /// Completes the room's phases that are due. Several schedulers may race here: only the one whose
    /// compare-and-swap lands records and announces the completion. True when this call changed the timer.
    /// </summary>
    public async Task<bool> CompleteDueAsync(Guid roomId, CancellationToken cancellationToken)
    {
        var room = await rooms.FindAsync(roomId, cancellationToken);
        var current = await timers.FindStoredAsync(roomId, cancellationToken);
        if (room is null || current is null)
        {
            return false;
        }

        var now = clock.GetUtcNowMilliseconds();
        var transition = current.CompleteDue(room.Settings.Phases, now);
        if (transition.Completions.Count == 0)
        {
            return false;
        }

        var won = await CommitAsync(roomId, current, transition, now, cancellationToken);
        if (!won)
        {
            LogCompletionTaken(roomId, current.Version);
        }
        else if (room.ShouldRecordActivity(now) && (await presence.OnlineInAsync(roomId)).Count > 0)
        {
            // A phase ending counts as use only when someone is there to see it: an abandoned room that
            // cycles by itself still expires.
            await rooms.TouchAsync(roomId, now, cancellationToken);
        }

        return won;
    }

    /// <summary>How many finished phases one catch-up records at most (see <see cref="TimerTransition.Bounded"/>).</summary>
    public const int CatchUpHistoryLimit = 20;

    /// <summary>
    /// Stores the change with the phases and the work runs it ended (the statistics per person are drawn from those
    /// runs), then announces it. False when another change came first.
    /// </summary>
    private async Task<bool> CommitAsync(Guid roomId, TimerState current, TimerTransition proposed, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var transition = proposed.WithWorkRunsFrom(current, now).Bounded(CatchUpHistoryLimit);
        if (!await timers.TrySaveAsync(roomId, current.Version, transition, cancellationToken))
        {
            return false;
        }

        if (transition.State.TargetAt is { } target && target != current.TargetAt)
        {
            deadlines.Changed(target);
        }

        var ends = transition.Ends();
        var announcedAt = clock.GetUtcNow();
        foreach (var (completion, completedAt) in ends)
        {
            metrics.Completed(completion.CompletedSessionType, announcedAt - completedAt);
        }

        await events.TimerChangedAsync(roomId, transition.State, ends);
        if (ends.Count > 0)
        {
            pushes.Enqueue(roomId, ends);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Completion of room {RoomId} at version {Version} was taken by another writer")]
    private partial void LogCompletionTaken(Guid roomId, long version);
}
