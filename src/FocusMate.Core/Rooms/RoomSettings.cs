using FocusMate.Core.Timers;

namespace FocusMate.Core.Rooms;

/// <summary>What the host of a room decides (SPEC §1), with the contract's defaults.</summary>
public sealed record RoomSettings(
    int WorkDurationMinutes = 25,
    int BreakDurationMinutes = 5,
    int LongBreakDurationMinutes = 15,
    int LongBreakInterval = 4,
    bool AutoStartBreak = true,
    bool AutoStartWork = false,
    bool AllowAllControl = false,
    int MaxParticipants = 50)
{
    public static RoomSettings Default { get; } = new();

    public PhasePlan Phases => new(WorkDurationMinutes, BreakDurationMinutes, LongBreakDurationMinutes,
        LongBreakInterval, AutoStartBreak, AutoStartWork);
}
