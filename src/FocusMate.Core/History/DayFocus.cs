namespace FocusMate.Core.History;

/// <summary>The room's focus time on one local day: actual seconds of the work phases that ended that day.</summary>
public sealed record DayFocus(DateOnly Date, long FocusSeconds);
