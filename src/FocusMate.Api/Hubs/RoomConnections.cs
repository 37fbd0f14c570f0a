using System.Collections.Concurrent;
using FocusMate.Core.Scaling;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.Api.Hubs;

/// <summary>
/// The hub connections this instance holds, so the server can close them itself: everyone's when the
/// room is deleted, a participant's when it is removed (the other instances are told to close theirs),
/// and all of them when this instance shuts down, so clients reconnect to another one at once instead
/// of holding the shutdown open until its timeout.
/// </summary>
public sealed class RoomConnections(IInstanceBus bus, IHostApplicationLifetime lifetime) : IHostedService
{
    private const string Topic = "close";
    private const string RoomPrefix = "room:";
    private const string ParticipantPrefix = "participant:";

    private readonly ConcurrentDictionary<string, (Guid RoomId, Guid ParticipantId, HubCallerContext Context)> _connections = new();

    public void Add(Guid roomId, Guid participantId, HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _connections[context.ConnectionId] = (roomId, participantId, context);
    }

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

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

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(DropAllForReconnect);
        return bus.SubscribeAsync(Topic, OnNotice);
    }

    /// <summary>
    /// Drops every connection's transport. Unlike <see cref="HubCallerContext.Abort"/>, which tells the client
    /// not to come back, a dropped transport makes clients reconnect, and nginx sends them to another instance.
    /// </summary>
    private void DropAllForReconnect()
    {
        foreach (var (id, connection) in _connections)
        {
            connection.Context.GetHttpContext()?.Abort();
            _connections.TryRemove(id, out _);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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

    /// <summary>Closes for good: the clients are told not to reconnect (their room or membership is gone).</summary>
    private void CloseHere(Func<(Guid RoomId, Guid ParticipantId, HubCallerContext Context), bool> match)
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
