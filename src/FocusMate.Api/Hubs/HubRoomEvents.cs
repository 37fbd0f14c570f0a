using FocusMate.Api.Contracts;
using FocusMate.Api.Hosting;
using FocusMate.Core.Chat;
using FocusMate.Core.Events;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.Api.Hubs;

/// <summary>
/// Turns the domain's changes into the hub events of SPEC §4, sent once to the room's group. A change is
/// already stored when it gets here, so a failed send is logged, never thrown back at the command.
/// </summary>
public sealed partial class HubRoomEvents(
    IHubContext<RoomHub, IRoomClient> hub,
    RoomConnections connections,
    ShareLinks links,
    TimeProvider clock,
    ILogger<HubRoomEvents> logger) : IRoomEvents
{
    public Task TimerChangedAsync(Guid roomId, TimerState timer, IReadOnlyList<PhaseCompletion> completions) =>
        SendAsync(roomId, "timer_update", async (room, now) =>
        {
            await room.timer_update(new RoomEvent<TimerStateResponse>(roomId, timer.ToResponse(now), now));
            foreach (var completion in completions)
            {
                var data = new TimerCompleteData(completion.CompletedSessionType, completion.NextSessionType, completion.AutoStart);
                await room.timer_complete(new RoomEvent<TimerCompleteData>(roomId, data, now));
            }
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

    public Task ChatMessageAsync(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(message.RoomId, "chat_message", (room, now) =>
            room.chat_message(new RoomEvent<ChatMessageResponse>(message.RoomId, message.ToResponse(), now)));
    }

    /// <summary>How long a command waits for its events to be handed over (to Redis, with several instances).</summary>
    private static readonly TimeSpan SendPatience = TimeSpan.FromSeconds(1);

    private async Task SendAsync(Guid roomId, string eventName, Func<IRoomClient, DateTimeOffset, Task> send)
    {
        try
        {
            // With Redis away, a send waits for Redis's own timeout: the change is stored already, so the
            // command answers after a second and the send finishes (or fails) in the background.
            await send(hub.Clients.Group(RoomHub.GroupOf(roomId)), clock.GetUtcNowMilliseconds()).WaitAsync(SendPatience);
        }
#pragma warning disable CA1031 // The change is stored; clients resync on reconnect. A failed broadcast must not fail the command.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSendFailed(ex, eventName, roomId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Event} to room {RoomId}")]
    private partial void LogSendFailed(Exception exception, string @event, Guid roomId);
}
