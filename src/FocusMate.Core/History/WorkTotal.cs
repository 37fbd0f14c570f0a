using FocusMate.Core.Timers;

namespace FocusMate.Core.History;

/// <summary>How many work phases ended with one outcome, and their actual seconds.</summary>
public sealed record WorkTotal(SessionOutcome Outcome, int Count, long ActualSeconds);
