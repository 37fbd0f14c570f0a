namespace FocusMate.Core.History;

/// <summary>
/// Who is ready to focus when (their focus is where that meets the room's work runs). A participant's readiness opens
/// at an instant and stays open (on the participant) until it ends; ending it keeps the stretch as a
/// <see cref="FocusInterval"/>. Opening an open stretch and ending a closed one do nothing, so every instance may report
/// what it sees: each stretch is recorded once.
/// </summary>
public interface IFocusLog
{
    /// <summary>Applies the changes in order, in one transaction (a batch the recorder took from its queue).</summary>
    Task ApplyAsync(IReadOnlyList<FocusChange> changes, CancellationToken cancellationToken);

    /// <summary>Opens the readiness of those participants of the room whose readiness is not open already.</summary>
    Task StartAsync(Guid roomId, IReadOnlyCollection<Guid> participantIds, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Ends the open readiness of the given participants of the room (all of them when null) at <paramref name="at"/>.</summary>
    Task EndAsync(Guid roomId, IReadOnlyCollection<Guid>? participantIds, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Participants anywhere whose readiness is open, with when they were last seen (for the sweep that closes stale ones).</summary>
    Task<IReadOnlyList<(Guid RoomId, Guid ParticipantId, DateTimeOffset LastSeenAt)>> OpenAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The room's readiness stretches that ended after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<FocusInterval>> IntervalsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The room's participants ready to focus now, since when.</summary>
    Task<IReadOnlyList<FocusOpening>> OpenInAsync(Guid roomId, CancellationToken cancellationToken);
}
