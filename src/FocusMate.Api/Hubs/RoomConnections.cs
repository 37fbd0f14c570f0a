using System.Collections.Concurrent;
using FocusMate.Core.Scaling;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.Api.Hubs;

/// <summary>
/// The hub connections this instance holds, so the server can close them itself: everyone's when the
/// room is deleted, a participant's when it is removed (the other instances are told to close theirs),
/// and all of them when this instance shuts down, so clients reconnect to another one at once instead
/// of holding the shutdown open until its timeout. It also caps how many connections one participant
/// may hold here.
/// </summary>
public sealed class RoomConnections(IInstanceBus bus, IHostApplicationLifetime lifetime) : IHostedService
{
    private const string Topic = "close";
    private const string RoomPrefix = "room:";
    private const string ParticipantPrefix = "participant:";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Connection> _connections = [];
    private readonly Dictionary<Guid, int> _perParticipant = [];
    private readonly ConcurrentDictionary<Guid, byte> _unsent = new();

    /// <summary>One hub connection: whose it is and how to close it.</summary>
    public sealed record Connection(Guid RoomId, Guid ParticipantId, HubCallerContext Context);

    /// <summary>Records the connection unless its participant already holds <paramref name="limit"/> here (false).</summary>
    public bool TryAdd(Guid roomId, Guid participantId, HubCallerContext context, int limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_gate)
        {
            var held = _perParticipant.GetValueOrDefault(participantId);
            if (held >= limit)
            {
                return false;
            }

            if (_connections.TryAdd(context.ConnectionId, new Connection(roomId, participantId, context)))
            {
                _perParticipant[participantId] = held + 1;
            }

            return true;
        }
    }

    public void Remove(string connectionId)
    {
        lock (_gate)
        {
            if (_connections.Remove(connectionId, out var connection))
            {
                Forget(connection.ParticipantId);
            }
        }
    }

    /// <summary>Rooms with a connection here.</summary>
    public int RoomCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Values.Select(c => c.RoomId).Distinct().Count();
            }
        }
    }

    /// <summary>Participants with a connection here.</summary>
    public int ParticipantCount
    {
        get
        {
            lock (_gate)
            {
                return _perParticipant.Count;
            }
        }
    }

    /// <summary>The connections held here now.</summary>
    public IReadOnlyList<Connection> Snapshot()
    {
        lock (_gate)
        {
            return [.. _connections.Values];
        }
    }

    /// <summary>
    /// A room whose event this instance could not send (Redis away: the other instances' clients did not get it). The
    /// reconciler sends its current timer again once the link is back (see <see cref="ConnectionReconciler"/>).
    /// </summary>
    public void NoteUnsent(Guid roomId) => _unsent.TryAdd(roomId, 0);

    /// <summary>The rooms noted by <see cref="NoteUnsent"/> since the last call.</summary>
    public IReadOnlyList<Guid> TakeUnsent()
    {
        var rooms = _unsent.Keys.ToList();
        foreach (var room in rooms)
        {
            _unsent.TryRemove(room, out _);
        }

        return rooms;
    }

    /// <summary>Closes every connection of the room, on every instance.</summary>
    public void CloseRoom(Guid roomId)
    {
        CloseHere(c => c.RoomId == roomId);
        bus.Publish(Topic, RoomPrefix + roomId);
    }

    /// <summary>Closes every connection of the participant, on every instance.</summary>
    public void CloseParticipant(Guid participantId)
    {
        CloseHere(c => c.ParticipantId == participantId);
        bus.Publish(Topic, ParticipantPrefix + participantId);
    }

    /// <summary>Closes for good, here only: the clients are told not to reconnect (their room or membership is gone).</summary>
    public void CloseHere(Func<Connection, bool> match)
    {
        foreach (var connection in Take(match))
        {
            connection.Context.Abort();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(DropAllForReconnect);
        return bus.SubscribeAsync(Topic, OnNotice);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Drops every connection's transport. Unlike <see cref="HubCallerContext.Abort"/>, which tells the client
    /// not to come back, a dropped transport makes clients reconnect, and nginx sends them to another instance.
    /// </summary>
    private void DropAllForReconnect()
    {
        foreach (var connection in Take(_ => true))
        {
            connection.Context.GetHttpContext()?.Abort();
        }
    }

    private void OnNotice(string notice)
    {
        if (notice.StartsWith(RoomPrefix, StringComparison.Ordinal) && Guid.TryParse(notice[RoomPrefix.Length..], out var room))
        {
            CloseHere(c => c.RoomId == room);
        }
        else if (notice.StartsWith(ParticipantPrefix, StringComparison.Ordinal) && Guid.TryParse(notice[ParticipantPrefix.Length..], out var participant))
        {
            CloseHere(c => c.ParticipantId == participant);
        }
    }

    private List<Connection> Take(Func<Connection, bool> match)
    {
        lock (_gate)
        {
            var taken = _connections.Values.Where(match).ToList();
            foreach (var connection in taken)
            {
                _connections.Remove(connection.Context.ConnectionId);
                Forget(connection.ParticipantId);
            }

            return taken;
        }
    }

    private void Forget(Guid participantId)
    {
        var held = _perParticipant.GetValueOrDefault(participantId) - 1;
        if (held > 0)
        {
            _perParticipant[participantId] = held;
        }
        else
        {
            _perParticipant.Remove(participantId);
        }
    }
}
