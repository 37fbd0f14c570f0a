namespace FocusMate.Core.History;

/// <summary>A participant focusing now: since when, under which name.</summary>
public sealed record FocusOpening(Guid ParticipantId, string UserName, DateTimeOffset Since);
