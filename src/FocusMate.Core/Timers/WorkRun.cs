namespace FocusMate.Core.Timers;

/// <summary>
/// A stretch in which a room's timer ran a work phase without stopping: from a start or a resume to a pause, a skip,
/// a reset or the phase's target. A participant's focus is where these meet the times it was ready to focus.
/// </summary>
public readonly record struct WorkRun(DateTimeOffset StartedAt, DateTimeOffset EndedAt);
