namespace FocusMate.Core.Participants;

/// <summary>The participants of rooms.</summary>
public interface IParticipantRepository
{
    Task<Participant?> FindAsync(Guid roomId, Guid participantId, CancellationToken cancellationToken);

    /// <summary>The room's participants, longest present first.</summary>
    Task<IReadOnlyList<Participant>> ListAsync(Guid roomId, CancellationToken cancellationToken);

    /// <summary>Adds the participant unless the room is full; false when it is.</summary>
    Task<bool> TryAddAsync(Participant participant, int maxParticipants, CancellationToken cancellationToken);

    /// <summary>Removes the participant; false when it was not there.</summary>
    Task<bool> RemoveAsync(Guid roomId, Guid participantId, CancellationToken cancellationToken);
}
