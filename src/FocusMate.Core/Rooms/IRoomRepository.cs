using FocusMate.Core.Participants;
using FocusMate.Core.Timers;

namespace FocusMate.Core.Rooms;

/// <summary>Rooms with their timers.</summary>
public interface IRoomRepository
{
    Task<Room?> FindAsync(Guid roomId, CancellationToken cancellationToken);

    /// <summary>The room with its timer, in one read.</summary>
    Task<RoomDetails?> FindDetailsAsync(Guid roomId, CancellationToken cancellationToken);

    /// <summary>
    /// Everything a timer command needs, in one read: the room, its timer, and the calling participant
    /// (null when it is not in the room). Null when the room does not exist. From memory when the instance holds
    /// the room, unless <paramref name="stored"/> asks for what the database holds.
    /// </summary>
    Task<TimerCommandContext?> FindForCommandAsync(Guid roomId, Guid participantId, bool stored, CancellationToken cancellationToken);

    /// <summary>Stores a new room with its first timer and its host; false when the name is taken.</summary>
    Task<bool> TryAddAsync(Room room, TimerState timer, Participant host, CancellationToken cancellationToken);

    /// <summary>Stores changed settings with the timer they imply, if the timer is still at <paramref name="before"/>'s version.</summary>
    Task<bool> TrySaveSettingsAsync(Room room, TimerState before, TimerState after, CancellationToken cancellationToken);

    /// <summary>Deletes the room with its timer, participants, history and messages; false when it was not there.</summary>
    Task<bool> DeleteAsync(Guid roomId, CancellationToken cancellationToken);

    /// <summary>Records activity in the room (at most one write a minute per room).</summary>
    Task TouchAsync(Guid roomId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Rooms with no activity since <paramref name="before"/>.</summary>
    Task<IReadOnlyList<Guid>> InactiveSinceAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
