namespace FocusMate.Core.Participants;

/// <summary>A participant as the room sees it: with its presence and shown status.</summary>
public sealed record ParticipantView(Participant Participant, bool Online, ParticipantStatus Status)
{
    public static ParticipantView Of(Participant participant, bool online, Timers.TimerState timer)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return new(participant, online, participant.StatusDuring(timer));
    }
}
