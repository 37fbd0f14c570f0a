namespace FocusMate.Core.History;

/// <summary>
/// A stretch a participant was ready to focus — online, showing focusing (or following the phase) — kept with the name
/// it had, so statistics still show it after the participant left. Its focus is where these meet the room's work runs
/// (<see cref="RoomStatistics.ByParticipant"/>). Stretches stored before the work runs were (migration <c>WorkRuns</c>)
/// hold focus itself, which lies within the work phases of the history that migration filled the runs in from.
/// </summary>
public sealed record FocusInterval(Guid Id, Guid RoomId, Guid ParticipantId, string UserName, DateTimeOffset StartedAt, DateTimeOffset EndedAt);
