namespace FocusMate.Core.Rooms;

/// <summary>Settings a request may carry; a field left out keeps its current value (or, for a new room, the default).</summary>
public abstract record RoomSettingsRequest : IRoomSettingsFields
{
    /// <summary>Length of a work phase in minutes, 1–60 (a new room: 25).</summary>
    /// <example>25</example>
    public int? WorkDurationMinutes { get; init; }

    /// <summary>Length of a short break in minutes, 1–30 (a new room: 5).</summary>
    /// <example>5</example>
    public int? BreakDurationMinutes { get; init; }

    /// <summary>Length of a long break in minutes, 1–60 (a new room: 15).</summary>
    /// <example>15</example>
    public int? LongBreakDurationMinutes { get; init; }

    /// <summary>A long break follows every N-th completed work session, 1–10 (a new room: 4).</summary>
    /// <example>4</example>
    public int? LongBreakInterval { get; init; }

    /// <summary>When work ends, the break starts by itself (a new room: true).</summary>
    /// <example>true</example>
    public bool? AutoStartBreak { get; init; }

    /// <summary>When a break ends, the next work session starts by itself (a new room: false).</summary>
    /// <example>false</example>
    public bool? AutoStartWork { get; init; }

    /// <summary>Anyone in the room may control the timer, not only the host (a new room: false).</summary>
    /// <example>false</example>
    public bool? AllowAllControl { get; init; }

    /// <summary>How many participants the room holds, 2–50 (a new room: 50); never fewer than are in it.</summary>
    /// <example>50</example>
    public int? MaxParticipants { get; init; }
}
