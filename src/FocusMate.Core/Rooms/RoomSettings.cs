using FocusMate.Core.Timers;

namespace FocusMate.Core.Rooms;

/// <summary>What the host of a room decides (docs/architecture.md, "The rules of a room"), with the contract's defaults.</summary>
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

    /// <summary>What differs from <paramref name="before"/>, as the wire names it: <c>work_duration_minutes 25 → 50, …</c>.</summary>
    public string DescribeChangesFrom(RoomSettings before)
    {
        ArgumentNullException.ThrowIfNull(before);
        (string Name, object Old, object New)[] fields =
        [
            ("work_duration_minutes", before.WorkDurationMinutes, WorkDurationMinutes),
            ("break_duration_minutes", before.BreakDurationMinutes, BreakDurationMinutes),
            ("long_break_duration_minutes", before.LongBreakDurationMinutes, LongBreakDurationMinutes),
            ("long_break_interval", before.LongBreakInterval, LongBreakInterval),
            ("auto_start_break", before.AutoStartBreak, AutoStartBreak),
            ("auto_start_work", before.AutoStartWork, AutoStartWork),
            ("allow_all_control", before.AllowAllControl, AllowAllControl),
            ("max_participants", before.MaxParticipants, MaxParticipants),
        ];
        return string.Join(", ", fields.Where(f => !f.Old.Equals(f.New)).Select(f => $"{f.Name} {Show(f.Old)} → {Show(f.New)}"));
    }

    private static string Show(object value) =>
        value is bool flag ? (flag ? "true" : "false") : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
