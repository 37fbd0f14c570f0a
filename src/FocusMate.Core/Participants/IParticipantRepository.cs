namespace FocusMate.Core.Participants;

/// <summary>The participants of rooms.</summary>
public interface IParticipantRepository
{
    Task<Participant?> FindAsync(Guid roomId, Guid participantId, CancellationToken cancellationToken);

    /// <summary>The room's participants, longest present first.</summary>
    Task<IReadOnlyList<Participant>> ListAsync(Guid roomId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the participant unless the room is full (false). A participant joining a room without a host
    /// (everyone left) becomes its host; the returned participant says so.
    /// </summary>
    Task<Participant?> TryAddAsync(Participant participant, int maxParticipants, CancellationToken cancellationToken);

    /// <summary>Makes the participant the room's only host; false when it is not in the room.</summary>
    Task<bool> MakeHostAsync(Guid roomId, Guid participantId, CancellationToken cancellationToken);

    /// <summary>Sets (or, with null, clears) the status the participant chose; false when it is not in the room.</summary>
    Task<bool> SetStatusAsync(Guid roomId, Guid participantId, ParticipantStatus? status, CancellationToken cancellationToken);

    /// <summary>Sets (or, with null, clears) what the participant works on; false when it is not in the room.</summary>
    Task<bool> SetTaskAsync(Guid roomId, Guid participantId, string? task, CancellationToken cancellationToken);

    /// <summary>Records that the participants were seen now (and, for those never seen before, that they showed up).</summary>
    Task TouchAsync(IReadOnlyCollection<Guid> participantIds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Participants last seen before <paramref name="before"/>, longest gone first.</summary>
    Task<IReadOnlyList<Participant>> LastSeenBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>Participants who joined before <paramref name="before"/> and never connected or used their token.</summary>
    Task<IReadOnlyList<Participant>> NeverSeenSinceAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>Moves the participant's token version on from <paramref name="current"/>; false when it is gone or the version moved already.</summary>
    Task<bool> TryRotateTokenAsync(Guid roomId, Guid participantId, int current, CancellationToken cancellationToken);

    /// <summary>Which of the given participants are still in their rooms.</summary>
    Task<IReadOnlySet<Guid>> ExistingAsync(IReadOnlyCollection<Guid> participantIds, CancellationToken cancellationToken);

    /// <summary>Removes the participant; false when it was not there.</summary>
    Task<bool> RemoveAsync(Guid roomId, Guid participantId, CancellationToken cancellationToken);
}
