namespace FocusMate.Core.Rooms;

public static class RoomSettingsFieldsExtensions
{
    /// <summary>The settings with every field the request carries applied.</summary>
    public static RoomSettings ApplyTo(this IRoomSettingsFields fields, RoomSettings settings)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(settings);
        return new RoomSettings(
            fields.WorkDurationMinutes ?? settings.WorkDurationMinutes,
            fields.BreakDurationMinutes ?? settings.BreakDurationMinutes,
            fields.LongBreakDurationMinutes ?? settings.LongBreakDurationMinutes,
            fields.LongBreakInterval ?? settings.LongBreakInterval,
            fields.AutoStartBreak ?? settings.AutoStartBreak,
            fields.AutoStartWork ?? settings.AutoStartWork,
            fields.AllowAllControl ?? settings.AllowAllControl,
            fields.MaxParticipants ?? settings.MaxParticipants);
    }
}
