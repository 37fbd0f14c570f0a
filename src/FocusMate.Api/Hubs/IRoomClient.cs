using System.Diagnostics.CodeAnalysis;
using FocusMate.Api.Contracts;

namespace FocusMate.Api.Hubs;

/// <summary>
/// The events the hub sends to a room; method names are the wire names of docs/realtime.md. (The <c>error</c>
/// event goes to one caller only and is sent by <see cref="HubErrorFilter"/>.)
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "SignalR uses the method name as the event name, fixed by the contract.")]
[SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "SignalR uses the method name as the event name, fixed by the contract.")]
public interface IRoomClient
{
    Task timer_update(RoomEvent<TimerStateResponse> update);

    Task timer_complete(RoomEvent<TimerCompleteData> completion);

    Task participant_update(RoomEvent<ParticipantUpdateData> update);

    Task room_updated(RoomEvent<RoomResponse> update);

    Task room_deleted(RoomEvent<RoomDeletedData> deletion);

    Task chat_message(RoomEvent<ChatMessageResponse> message);
}
