using FocusMate.Core.Participants;
using FocusMate.Core.Timers;

namespace FocusMate.Core.Rooms;

/// <summary>A room, its timer and the participant commanding it, as read together.</summary>
public sealed record TimerCommandContext(Room Room, TimerState Timer, Participant? Caller);
