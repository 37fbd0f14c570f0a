namespace FocusMate.Core.Timers;

/// <summary>A completion as the room hears it: what ended and came next, and the instant the phase ended (its target).</summary>
public sealed record PhaseEnd(PhaseCompletion Completion, DateTimeOffset CompletedAt);
