using FocusMate.Core.Timers;

namespace FocusMate.Core.History;

/// <summary>A work run of a room (<see cref="WorkRun"/>), as stored with the timer change that ended it.</summary>
public sealed record RoomWorkRun(Guid Id, Guid RoomId, DateTimeOffset StartedAt, DateTimeOffset EndedAt)
{
    /// <summary>The row of <paramref name="run"/>; its key begins with the run's end, so new rows go to the end of the key's index.</summary>
    public static RoomWorkRun From(Guid roomId, WorkRun run) => new(Guid.CreateVersion7(run.EndedAt), roomId, run.StartedAt, run.EndedAt);

    public WorkRun Run => new(StartedAt, EndedAt);
}
