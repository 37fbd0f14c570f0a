namespace FocusMate.Core.Participants;

/// <summary>
/// Which participants hold at least one live hub connection. Several tabs of one participant count once:
/// only the first connection makes it online and only the last one gone makes it offline.
/// </summary>
public interface IPresenceTracker
{
    /// <summary>Records a connection; true when the participant just came online.</summary>
    Task<bool> ConnectAsync(Guid roomId, Guid participantId, string connectionId);

    /// <summary>Forgets a connection; the participant whose last connection it was, if any, went offline.</summary>
    Task<PresenceLeft?> DisconnectAsync(string connectionId);

    Task<IReadOnlySet<Guid>> OnlineInAsync(Guid roomId);

    /// <summary>Every participant with a live connection to this instance.</summary>
    Task<IReadOnlyCollection<Guid>> OnlineHereAsync();

    /// <summary>
    /// Tells the other instances this one is alive, and hands over the connections of instances that
    /// stopped without closing them (killed, crashed): the caller closes them as disconnects.
    /// </summary>
    Task<IReadOnlyList<string>> KeepAliveAsync();
}

/// <summary>A participant whose last connection closed.</summary>
public sealed record PresenceLeft(Guid RoomId, Guid ParticipantId);
