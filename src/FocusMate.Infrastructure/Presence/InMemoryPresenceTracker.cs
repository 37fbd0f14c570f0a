using FocusMate.Core.Presence;

namespace FocusMate.Infrastructure.Presence;

/// <summary>Presence for one process: the connections this instance holds.</summary>
internal sealed class InMemoryPresenceTracker : IPresenceTracker
{
    public bool IsKnown => true;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Guid RoomId, Guid ParticipantId)> _connections = [];
    private readonly Dictionary<Guid, int> _connectionsPerParticipant = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _onlinePerRoom = [];

    public Task<bool> ConnectAsync(Guid roomId, Guid participantId, string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.TryAdd(connectionId, (roomId, participantId)))
            {
                return Task.FromResult(false);
            }

            var count = _connectionsPerParticipant.GetValueOrDefault(participantId) + 1;
            _connectionsPerParticipant[participantId] = count;
            if (count > 1)
            {
                return Task.FromResult(false);
            }

            if (!_onlinePerRoom.TryGetValue(roomId, out var online))
            {
                _onlinePerRoom[roomId] = online = [];
            }

            online.Add(participantId);
            return Task.FromResult(true);
        }
    }

    public Task<PresenceLeft?> DisconnectAsync(string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.Remove(connectionId, out var connection))
            {
                return Task.FromResult<PresenceLeft?>(null);
            }

            var count = _connectionsPerParticipant[connection.ParticipantId] - 1;
            if (count > 0)
            {
                _connectionsPerParticipant[connection.ParticipantId] = count;
                return Task.FromResult<PresenceLeft?>(null);
            }

            _connectionsPerParticipant.Remove(connection.ParticipantId);
            var online = _onlinePerRoom[connection.RoomId];
            online.Remove(connection.ParticipantId);
            if (online.Count == 0)
            {
                _onlinePerRoom.Remove(connection.RoomId);
            }

            return Task.FromResult<PresenceLeft?>(new PresenceLeft(connection.RoomId, connection.ParticipantId));
        }
    }

    public Task<IReadOnlySet<Guid>> OnlineInAsync(Guid roomId)
    {
        lock (_gate)
        {
            IReadOnlySet<Guid> online = _onlinePerRoom.TryGetValue(roomId, out var set) ? set.ToHashSet() : [];
            return Task.FromResult(online);
        }
    }

    public Task<IReadOnlyCollection<Guid>> OnlineHereAsync()
    {
        lock (_gate)
        {
            IReadOnlyCollection<Guid> online = [.. _connectionsPerParticipant.Keys];
            return Task.FromResult(online);
        }
    }

    /// <summary>One process: nobody else to tell, and no other instance whose connections could be left behind.</summary>
    public Task<PresenceRepair> KeepAliveAsync() => Task.FromResult(PresenceRepair.None);
}
