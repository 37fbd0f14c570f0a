using FocusMate.Core.History;
using FocusMate.Core.Participants;
using FocusMate.Core.Presence;
using FocusMate.Core.Timers;

namespace FocusMate.Core.Services;

/// <summary>
/// Decides when each participant's focus — online, showing focusing, while a work phase runs — starts and ends, for
/// the statistics per person. Told of every change that can start or end it: the timer's, a participant's status, a
/// connection coming or going, a participant leaving. Focus ends at the instant the change took effect (a phase at its
/// target); the focus recorder writes it off the command's path, and a focus the server lost track of
/// (its process died) is closed by the retention sweep.
/// </summary>
public sealed class FocusTracker(FocusChanges recorder, IParticipantRepository participants, IPresenceTracker presence)
{
    /// <summary>
    /// The timer changed from <paramref name="before"/> by <paramref name="transition"/>, at <paramref name="now"/>:
    /// focus ends where a running work phase stopped and starts where one began.
    /// </summary>
    public async Task TimerChangedAsync(Guid roomId, TimerState before, TimerTransition transition, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(transition);
        var ends = transition.Ends();
        var wasWorking = IsWorking(before);
        var isWorking = IsWorking(transition.State);
        if (wasWorking && (!isWorking || ends.Count > 0))
        {
            recorder.Record(new FocusChange(roomId, Starts: false, null, WorkEndedAt(before, ends.Count > 0, now)));
        }

        if (isWorking && (!wasWorking || ends.Count > 0))
        {
            var startedAt = ends.Count > 0 ? ends[^1].CompletedAt : now;
            var focusing = await FocusingAsync(roomId, transition.State, cancellationToken);
            if (focusing.Count > 0)
            {
                recorder.Record(new FocusChange(roomId, Starts: true, focusing, startedAt));
            }
        }
    }

    /// <summary>A participant's status, presence or membership changed at <paramref name="now"/>.</summary>
    public void ParticipantChanged(Participant participant, bool online, TimerState timer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(participant);
        recorder.Record(new FocusChange(participant.RoomId, participant.IsFocusing(online, timer), [participant.Id], now));
    }

    /// <summary>How long a leaving participant waits for its focus to be written at most.</summary>
    private static readonly TimeSpan LeavingPatience = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The participant is leaving the room: whatever focus it had ends now. The focus recorder reads open focus from the
    /// participant's row, so this waits until that (and every focus change before it) is written, before the row goes.
    /// </summary>
    public async Task LeavingAsync(Participant participant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(participant);
        recorder.Record(new FocusChange(participant.RoomId, Starts: false, [participant.Id], now));
        await recorder.FlushAsync(LeavingPatience);
    }

    /// <summary>A work phase that ran to its target ended at its target, not when this instance noticed.</summary>
    private static DateTimeOffset WorkEndedAt(TimerState before, bool completed, DateTimeOffset now) =>
        completed && before.TargetAt is { } target && target <= now ? target : now;

    private static bool IsWorking(TimerState timer) => timer.Status == TimerStatus.Running && timer.SessionType == SessionType.Work;

    private async Task<IReadOnlyCollection<Guid>> FocusingAsync(Guid roomId, TimerState timer, CancellationToken cancellationToken)
    {
        var online = await presence.OnlineInAsync(roomId);
        if (online.Count == 0)
        {
            return [];
        }

        var list = await participants.ListAsync(roomId, cancellationToken);
        return [.. list.Where(p => p.IsFocusing(online.Contains(p.Id), timer)).Select(p => p.Id)];
    }
}
