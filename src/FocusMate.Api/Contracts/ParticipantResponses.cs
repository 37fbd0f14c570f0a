using FocusMate.Core.Participants;

namespace FocusMate.Api.Contracts;

/// <summary>A participant as the room sees it.</summary>
public sealed record ParticipantResponse
{
    /// <example>9d3c0a47-2b1e-4f6a-8c5d-7e9f0a1b2c3d</example>
    public required Guid ParticipantId { get; init; }

    /// <example>Jun</example>
    public required string UserName { get; init; }

    /// <example>false</example>
    public required bool IsHost { get; init; }

    /// <summary>True while the participant has at least one live hub connection.</summary>
    /// <example>true</example>
    public required bool Online { get; init; }

    /// <summary>What the participant is doing: set by them, else following the room's phase.</summary>
    /// <example>focusing</example>
    public required ParticipantStatus Status { get; init; }

    /// <summary><c>room</c>: the status follows the room's phase (focusing during work); <c>self</c>: the participant set it.</summary>
    /// <example>room</example>
    public required StatusSource StatusSource { get; init; }

    /// <summary>What the participant says they are working on (up to 80 characters); null when not said.</summary>
    /// <example>Reviewing the onboarding flow</example>
    public required string? Task { get; init; }

    public required DateTimeOffset JoinedAt { get; init; }
}

/// <summary>A participant who just joined, with the token that is its key to the room.</summary>
public sealed record JoinedParticipantResponse
{
    /// <example>9d3c0a47-2b1e-4f6a-8c5d-7e9f0a1b2c3d</example>
    public required Guid ParticipantId { get; init; }

    /// <example>Jun</example>
    public required string UserName { get; init; }

    /// <example>false</example>
    public required bool IsHost { get; init; }

    /// <summary>Send as <c>Authorization: Bearer …</c> on REST and as <c>access_token</c> on the hub.</summary>
    public required string Token { get; init; }
}

/// <summary>The participants removed for being offline.</summary>
public sealed record RemovedParticipantsResponse
{
    public required IReadOnlyList<Guid> Removed { get; init; }
}

/// <summary>A ticket that opens one hub connection (<c>access_token=&lt;ticket&gt;</c>) within a minute.</summary>
public sealed record HubTicketResponse
{
    public required string Ticket { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>Who decides a participant's status.</summary>
public enum StatusSource
{
    /// <summary>The room's phase: focusing while a work phase is under way, else break.</summary>
    Room,
    /// <summary>The participant chose it.</summary>
    Self,
}

public static class ParticipantMapping
{
    public static ParticipantResponse ToResponse(this ParticipantView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new ParticipantResponse
        {
            ParticipantId = view.Participant.Id,
            UserName = view.Participant.UserName,
            IsHost = view.Participant.IsHost,
            Online = view.Online,
            Status = view.Status,
            StatusSource = view.Participant.Status is null ? StatusSource.Room : StatusSource.Self,
            Task = view.Participant.Task,
            JoinedAt = view.Participant.JoinedAt,
        };
    }

    public static JoinedParticipantResponse ToResponse(this JoinedParticipant joined)
    {
        ArgumentNullException.ThrowIfNull(joined);
        return new JoinedParticipantResponse
        {
            ParticipantId = joined.Participant.Id,
            UserName = joined.Participant.UserName,
            IsHost = joined.Participant.IsHost,
            Token = joined.Token,
        };
    }
}
