namespace FocusMate.Core.Participants;

/// <summary>One <c>participant_update</c>: what happened, to whom, and how many are in the room now.</summary>
public sealed record ParticipantChange(ParticipantAction Action, ParticipantView Participant, int CurrentCount);
