using FocusMate.Core.Timers;

namespace FocusMate.Core.History;

/// <summary>
/// A work run of a room (<see cref="WorkRun"/>), as stored with the timer change that ended it. A room's runs never
/// overlap, so the room and the run's end are its key.
/// </summary>
public sealed record RoomWorkRun(Guid RoomId, DateTimeOffset StartedAt, DateTimeOffset EndedAt)
{
    public WorkRun Run => new(StartedAt, EndedAt);
}
