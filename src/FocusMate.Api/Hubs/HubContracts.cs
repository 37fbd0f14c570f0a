using FocusMate.Api.Contracts;
using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;

namespace FocusMate.Api.Hubs;

/// <summary>Every server-to-client event: which room, the event's data, and the server's clock when it was sent.</summary>
public sealed record RoomEvent<T>(Guid RoomId, T Data, DateTimeOffset ServerTime);

/// <summary>Data of <c>timer_complete</c>: a phase ran to its target.</summary>
public sealed record TimerCompleteData(SessionType CompletedSessionType, SessionType NextSessionType, bool AutoStart)
{
    /// <summary>The instant the phase ended: its target (the same instant as <c>last_completion.completed_at</c> in a snapshot).</summary>
    public DateTimeOffset CompletedAt { get; init; }

    /// <summary>Two completions are the same phase change whatever instant each was read with (the instant is added information).</summary>
    public bool Equals(TimerCompleteData? other) =>
        other is not null && (CompletedSessionType, NextSessionType, AutoStart) == (other.CompletedSessionType, other.NextSessionType, other.AutoStart);

    public override int GetHashCode() => HashCode.Combine(CompletedSessionType, NextSessionType, AutoStart);
}

/// <summary>Data of <c>participant_update</c>.</summary>
public sealed record ParticipantUpdateData(ParticipantAction Action, ParticipantResponse Participant, int CurrentCount);

/// <summary>Data of <c>room_deleted</c>: <c>deleted</c> by its host, or <c>expired</c> after a long time unused.</summary>
public sealed record RoomDeletedData(RoomDeletion Reason);

/// <summary>
/// Data of <c>error</c>: the code a refused command would get over REST, and for <c>RATE_LIMITED</c> and
/// <c>SERVICE_BUSY</c> how many seconds to wait before trying again (as REST's <c>Retry-After</c>).
/// </summary>
public sealed record ErrorData(string Code, string Message)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? RetryAfter { get; init; }
}

/// <summary>A phase that ran to its target: which, and when it ended.</summary>
public sealed record LastCompletion(SessionType CompletedSessionType, DateTimeOffset CompletedAt);

/// <summary>The answer to <c>sync(client_time)</c>: both instants as Unix epoch milliseconds.</summary>
public sealed record SyncResult(double ClientTime, long ServerTime);

/// <summary>The answer to <c>join_room()</c>: everything a client needs to draw the room.</summary>
public sealed record RoomSnapshot
{
    public required RoomResponse Room { get; init; }

    public required TimerStateResponse Timer { get; init; }

    public required IReadOnlyList<ParticipantResponse> Participants { get; init; }

    /// <summary>The room's last chat messages, oldest first.</summary>
    public required IReadOnlyList<ChatMessageResponse> Messages { get; init; }

    /// <summary>Who this connection is.</summary>
    public required Guid ParticipantId { get; init; }

    /// <summary>
    /// The room's latest phase end, or null when no phase ever ran to its target. A page that (re)joins soon
    /// after it (its <c>timer_complete</c> lost to a reconnect or a server crash) still shows the banner.
    /// </summary>
    public required LastCompletion? LastCompletion { get; init; }

    public required DateTimeOffset ServerTime { get; init; }
}
