namespace FocusMate.Core.Rooms;

/// <summary>The settings a request may carry; a missing field keeps its current or default value.</summary>
public interface IRoomSettingsFields
{
    int? WorkDurationMinutes { get; }

    int? BreakDurationMinutes { get; }

    int? LongBreakDurationMinutes { get; }

    int? LongBreakInterval { get; }

    bool? AutoStartBreak { get; }

    bool? AutoStartWork { get; }

    bool? AllowAllControl { get; }

    int? MaxParticipants { get; }
}
