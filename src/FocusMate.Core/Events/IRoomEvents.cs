using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;

namespace FocusMate.Core.Events;

/// <summary>
/// What the room hears when its state changes. Services call this after a change is stored; the
/// hub layer turns each call into the events of docs/realtime.md for everyone in the room.
/// </summary>
public interface IRoomEvents
{
    /// <summary>The timer changed (<c>timer_update</c>), after any phases that completed on the way (<c>timer_complete</c>).</summary>
    Task TimerChangedAsync(Guid roomId, TimerState timer, IReadOnlyList<PhaseEnd> completions);

    /// <summary>Someone joined, left, came online or went offline (<c>participant_update</c>).</summary>
    Task ParticipantChangedAsync(Guid roomId, ParticipantChange change);

    /// <summary>The host changed the settings (<c>room_updated</c>).</summary>
    Task RoomUpdatedAsync(Room room, TimerState timer);

    /// <summary>The room is gone (<c>room_deleted</c>), deleted by its host or expired; its connections are closed.</summary>
    Task RoomDeletedAsync(Guid roomId, RoomDeletion reason);

    /// <summary>A participant is out of the room: its own connections are closed once the room has heard (<c>participant_update</c> first).</summary>
    Task ParticipantGoneAsync(Guid roomId, Guid participantId);

    /// <summary>The participant replaced its token: the connections opened with the old one are closed, on every instance.</summary>
    Task TokenReplacedAsync(Guid roomId, Guid participantId);

    /// <summary>Someone wrote in the room's chat (<c>chat_message</c>).</summary>
    Task ChatMessageAsync(Chat.ChatMessage message);
}
