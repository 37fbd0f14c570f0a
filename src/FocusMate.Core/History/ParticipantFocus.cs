namespace FocusMate.Core.History;

/// <summary>How long one participant focused in a period, under the name it has (or last had).</summary>
public sealed record ParticipantFocus(Guid ParticipantId, string UserName, long FocusSeconds);
