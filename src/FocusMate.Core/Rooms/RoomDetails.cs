using FocusMate.Core.Timers;

namespace FocusMate.Core.Rooms;

/// <summary>A room with its timer.</summary>
public sealed record RoomDetails(Room Room, TimerState Timer);
