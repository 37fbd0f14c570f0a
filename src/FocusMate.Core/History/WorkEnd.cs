namespace FocusMate.Core.History;

/// <summary>A finished work phase as the daily totals count it: when it ended and how many seconds it ran.</summary>
public sealed record WorkEnd(DateTimeOffset EndedAt, int ActualSeconds);
