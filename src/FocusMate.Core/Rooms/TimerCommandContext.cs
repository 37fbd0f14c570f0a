using FocusMate.Core.Participants;
using FocusMate.Core.Timers;

namespace FocusMate.Core.Rooms;

/// <summary>
/// A room, its timer and the participant commanding it, as read together. <paramref name="FromMemory"/>: read from
/// the instance's memory, which may lag a change another instance made a moment ago.
/// </summary>
public sealed record TimerCommandContext(Room Room, TimerState Timer, Participant? Caller, bool FromMemory = false);
