namespace FocusMate.Core.Timers;

/// <summary>A phase that ran to its target: what ended, what comes next, and whether it started by itself.</summary>
public sealed record PhaseCompletion(SessionType CompletedSessionType, SessionType NextSessionType, bool AutoStart);
