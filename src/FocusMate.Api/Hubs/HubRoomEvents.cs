using FocusMate.Api.Contracts;
using FocusMate.Api.Hosting;
using FocusMate.Core.Chat;
using FocusMate.Core.Events;
using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.Api.Hubs;

/// <summary>
/// Turns the domain's changes into the hub events of docs/realtime.md, sent once to the room's group. A change is
/// already stored when it gets here, so a failed send is logged, never thrown back at the command.
/// </summary>
public sealed partial class HubRoomEvents(
    IHubContext<RoomHub, IRoomClient> hub,
    RoomConnections connections,
    ShareLinks links,
    TimeProvider clock,
    ILogger<HubRoomEvents> logger) : IRoomEvents
{
    public Task TimerChangedAsync(Guid roomId, TimerState timer, IReadOnlyList<PhaseEnd> completions) =>
        SendAsync(roomId, "timer_update", (room, now) =>
        {
            // Every send starts before any is awaited, so the order on the wire is the order of these calls.
            var sends = new List<Task>(1 + completions.Count) { room.timer_update(new RoomEvent<TimerStateResponse>(roomId, timer.ToResponse(now), now)) };
            foreach (var (completion, completedAt) in completions)
            {
                var data = new TimerCompleteData(completion.CompletedSessionType, completion.NextSessionType, completion.AutoStart) { CompletedAt = completedAt };
                sends.Add(room.timer_complete(new RoomEvent<TimerCompleteData>(roomId, data, now)));
            }

            return Task.WhenAll(sends);
        });

    public Task ParticipantChangedAsync(Guid roomId, ParticipantChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var data = new ParticipantUpdateData(change.Action, change.Participant.ToResponse(), change.CurrentCount);
        return SendAsync(roomId, "participant_update",
            (room, now) => room.participant_update(new RoomEvent<ParticipantUpdateData>(roomId, data, now)));
    }

    public Task RoomUpdatedAsync(Room room, TimerState timer)
    {
        ArgumentNullException.ThrowIfNull(room);
        return SendAsync(room.Id, "room_updated", (group, now) =>
            group.room_updated(new RoomEvent<RoomResponse>(room.Id, new RoomDetails(room, timer).ToResponse(links.For(room.Id), now), now)));
    }

    public async Task RoomDeletedAsync(Guid roomId, RoomDeletion reason)
    {
        await SendAsync(roomId, "room_deleted", (room, now) =>
            room.room_deleted(new RoomEvent<RoomDeletedData>(roomId, new RoomDeletedData(reason), now)));
        connections.CloseRoom(roomId);
    }

    public Task ParticipantGoneAsync(Guid roomId, Guid participantId)
    {
        connections.CloseParticipant(participantId);
        return Task.CompletedTask;
    }

    public Task TokenReplacedAsync(Guid roomId, Guid participantId)
    {
        connections.CloseParticipant(participantId);
        return Task.CompletedTask;
    }

    public Task ChatMessageAsync(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(message.RoomId, "chat_message", (room, now) =>
            room.chat_message(new RoomEvent<ChatMessageResponse>(message.RoomId, message.ToResponse(), now)));
    }

    /// <summary>
    /// Hands the event to SignalR and returns without waiting for it to reach anyone: the change is stored
    /// already, and neither a slow client nor Redis being away may hold up the command or the scheduler. The
    /// order of events is the order of these calls (SignalR writes to each connection, and publishes to
    /// Redis, in call order). A send that fails is logged, and the room's current timer is sent again when the link to the other
    /// instances is back (<see cref="ConnectionReconciler"/>); clients also catch up on their next event or rejoin.
    /// </summary>
    private Task SendAsync(Guid roomId, string eventName, Func<IRoomClient, DateTimeOffset, Task> send)
    {
        Task sending;
        try
        {
            sending = send(hub.Clients.Group(RoomHub.GroupOf(roomId)), clock.GetUtcNowMilliseconds());
        }
#pragma warning disable CA1031 // The change is stored; clients resync on reconnect. A failed broadcast must not fail the command.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SendFailed(ex, eventName, roomId);
            return Task.CompletedTask;
        }

        if (!sending.IsCompleted)
        {
            _ = sending.ContinueWith(failed => SendFailed(failed.Exception!.GetBaseException(), eventName, roomId), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else if (sending.IsFaulted)
        {
            SendFailed(sending.Exception!.GetBaseException(), eventName, roomId);
        }

        return Task.CompletedTask;
    }

    /// <summary>Logs the failure; the room's timer is sent again when the link to the other instances is back.</summary>
    private void SendFailed(Exception exception, string eventName, Guid roomId)
    {
        LogSendFailed(exception, eventName, roomId);
        connections.NoteUnsent(roomId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Event} to room {RoomId}")]
    private partial void LogSendFailed(Exception exception, string @event, Guid roomId);
}
