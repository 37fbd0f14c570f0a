namespace FocusMate.Core.History;

/// <summary>
/// Who focuses when. A participant's focus opens at an instant and stays open (on the participant) until it ends;
/// ending it keeps the stretch as a <see cref="FocusInterval"/>. Opening an open focus and ending a closed one do
/// nothing, so every instance may report what it sees: each stretch is recorded once.
/// </summary>
public interface IFocusLog
{
    /// <summary>Applies the changes in order, in one transaction (a batch the recorder took from its queue).</summary>
    Task ApplyAsync(IReadOnlyList<FocusChange> changes, CancellationToken cancellationToken);

    /// <summary>Opens the focus of those participants of the room that are not focusing already.</summary>
    Task StartAsync(Guid roomId, IReadOnlyCollection<Guid> participantIds, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Ends the open focus of the given participants of the room (all of them when null) at <paramref name="at"/>.</summary>
    Task EndAsync(Guid roomId, IReadOnlyCollection<Guid>? participantIds, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Participants anywhere whose focus is open, with when they were last seen (for the sweep that closes stale ones).</summary>
    Task<IReadOnlyList<(Guid RoomId, Guid ParticipantId, DateTimeOffset LastSeenAt)>> OpenAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The room's focus intervals that ended after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<FocusInterval>> IntervalsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The room's participants focusing now.</summary>
    Task<IReadOnlyList<FocusOpening>> OpenInAsync(Guid roomId, CancellationToken cancellationToken);
}
