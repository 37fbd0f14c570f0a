namespace FocusMate.Core.Participants;

/// <summary>A participant who just joined, with its token.</summary>
public sealed record JoinedParticipant(Participant Participant, string Token);
