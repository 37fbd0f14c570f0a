using FocusMate.Core.Timers;

namespace FocusMate.Core.Participants;

/// <summary>Someone in a room. There are no accounts: the participant is who its token names.</summary>
public sealed class Participant
{
    public Participant(Guid id, Guid roomId, string userName, bool isHost, DateTimeOffset joinedAt)
    {
        Id = id;
        RoomId = roomId;
        UserName = userName;
        IsHost = isHost;
        JoinedAt = joinedAt;
        LastSeenAt = joinedAt;
    }

    public Guid Id { get; private set; }

    public Guid RoomId { get; private set; }

    public string UserName { get; private set; }

    public bool IsHost { get; private set; }

    /// <summary>What the participant said they are doing; null follows the room's phase.</summary>
    public ParticipantStatus? Status { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>When the participant last had a live connection (or joined).</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>
    /// When the participant first connected to the hub or used its token; null while it never has. Such a
    /// participant only holds a seat, and is dropped after a short time (room squatting).
    /// </summary>
    public DateTimeOffset? FirstSeenAt { get; private set; }

    /// <summary>What the participant says they are working on this session (up to <see cref="MaxTaskLength"/> characters); null when not said.</summary>
    public string? Task { get; private set; }

    public const int MaxTaskLength = Validation.TaskRules.MaxLength;

    /// <summary>
    /// Since when the participant has been ready to focus (<see cref="IsReadyToFocus"/>), while that lasts; null
    /// otherwise. When it ends, the stretch is kept as a <see cref="History.FocusInterval"/>; the participant focused
    /// where those stretches meet the room's work runs (statistics per person).
    /// </summary>
    public DateTimeOffset? FocusSince { get; private set; }

    /// <summary>
    /// Whether the participant would count as focusing while a work phase runs: online, and showing focusing (set, or
    /// followed from the phase, which is focusing during work).
    /// </summary>
    public bool IsReadyToFocus(bool online) => online && (Status ?? ParticipantStatus.Focusing) == ParticipantStatus.Focusing;

    /// <summary>Which of the participant's tokens is valid: rotating the token moves it on, and older tokens stop working.</summary>
    public int TokenVersion { get; private set; }

    /// <summary>The status shown to the room: the one set, else what the room's timer implies.</summary>
    public ParticipantStatus StatusDuring(TimerState timer) => Status ?? DefaultStatus(timer);

    /// <summary>Focusing while a work phase is under way (running or paused); otherwise on a break.</summary>
    public static ParticipantStatus DefaultStatus(TimerState timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return timer.SessionType == SessionType.Work && timer.Status is TimerStatus.Running or TimerStatus.Paused
            ? ParticipantStatus.Focusing
            : ParticipantStatus.Break;
    }
}
