namespace FocusMate.Core.Presence;

/// <summary>
/// Which participants hold at least one live hub connection. Several tabs of one participant count once:
/// only the first connection makes it online and only the last one gone makes it offline.
/// </summary>
public interface IPresenceTracker
{
    /// <summary>False while presence cannot be known (the shared store is unreachable): everyone then looks offline.</summary>
    bool IsKnown { get; }

    /// <summary>Records a connection; true when the participant just came online (never twice for one connection).</summary>
    Task<bool> ConnectAsync(Guid roomId, Guid participantId, string connectionId);

    /// <summary>Forgets a connection; the participant whose last connection it was, if any, went offline.</summary>
    Task<PresenceLeft?> DisconnectAsync(string connectionId);

    Task<IReadOnlySet<Guid>> OnlineInAsync(Guid roomId);

    /// <summary>Every participant with a live connection to this instance.</summary>
    Task<IReadOnlyCollection<Guid>> OnlineHereAsync();

    /// <summary>
    /// Tells the other instances this one is alive and puts the shared record right: connections of
    /// instances that stopped without closing them (killed, crashed) and connections this instance lost
    /// track of during an outage are handed back to close as disconnects; connections of this instance the
    /// record lost (the store restarted empty, or another instance took this one for dead during a stall)
    /// are recorded again, and their participants, if that brought them back online, are named.
    /// </summary>
    Task<PresenceRepair> KeepAliveAsync();
}
