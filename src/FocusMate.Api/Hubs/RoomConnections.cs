using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.Api.Hubs;

/// <summary>
/// The hub connections this instance holds, so the server can close them itself: everyone's when the
/// room is deleted, a participant's when the host removes it.
/// </summary>
public sealed class RoomConnections
{
    private readonly ConcurrentDictionary<string, (Guid RoomId, Guid ParticipantId, HubCallerContext Context)> _connections = new();

    public void Add(Guid roomId, Guid participantId, HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _connections[context.ConnectionId] = (roomId, participantId, context);
    }

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Closes every connection of the room held here.</summary>
    public void AbortRoom(Guid roomId) => Abort(c => c.RoomId == roomId);

    /// <summary>Closes every connection of the participant held here.</summary>
    public void AbortParticipant(Guid participantId) => Abort(c => c.ParticipantId == participantId);

    private void Abort(Func<(Guid RoomId, Guid ParticipantId, HubCallerContext Context), bool> match)
    {
        foreach (var (id, connection) in _connections)
        {
            if (match(connection))
            {
                connection.Context.Abort();
                _connections.TryRemove(id, out _);
            }
        }
    }
}
