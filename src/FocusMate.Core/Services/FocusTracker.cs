using FocusMate.Core.History;
using FocusMate.Core.Participants;

namespace FocusMate.Core.Services;

/// <summary>
/// Decides when each participant is ready to focus — online, and showing focusing (or following the room's phase,
/// which is focusing during work) — for the statistics per person. A participant's focus is where that meets the room's
/// work runs, which the timer stores with each of its changes (<see cref="Timers.TimerTransition.WorkRuns"/>); so a timer
/// command writes nothing here, and only what a participant does (its status, a connection coming or going, leaving)
/// starts or ends readiness. The focus recorder writes it off the command's path; readiness the server lost track of
/// (its process died) is closed by the retention sweep.
/// </summary>
public sealed class FocusTracker(FocusChanges recorder)
{
    /// <summary>A participant's status, presence or membership changed at <paramref name="now"/>.</summary>
    public void ParticipantChanged(Participant participant, bool online, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(participant);
        recorder.Record(new FocusChange(participant.RoomId, participant.IsReadyToFocus(online), [participant.Id], now));
    }

    /// <summary>How long a leaving participant waits for its readiness to be written at most.</summary>
    private static readonly TimeSpan LeavingPatience = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The participant is leaving the room: its readiness ends now. The focus recorder reads open readiness from the
    /// participant's row, so this waits until that (and every change before it) is written, before the row goes.
    /// </summary>
    public async Task LeavingAsync(Participant participant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(participant);
        recorder.Record(new FocusChange(participant.RoomId, Starts: false, [participant.Id], now));
        await recorder.FlushAsync(LeavingPatience);
    }
}
