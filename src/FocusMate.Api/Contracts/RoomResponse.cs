using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using FocusMate.Core.Rooms;

namespace FocusMate.Api.Contracts;

/// <summary>A room: its settings (minutes, and durations in seconds), its link, and its timer now.</summary>
public record RoomResponse
{
    /// <example>3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e</example>
    public required Guid RoomId { get; init; }

    /// <example>team-alpha</example>
    public required string RoomName { get; init; }

    /// <example>25</example>
    public required int WorkDurationMinutes { get; init; }

    /// <example>5</example>
    public required int BreakDurationMinutes { get; init; }

    /// <example>15</example>
    public required int LongBreakDurationMinutes { get; init; }

    /// <example>4</example>
    public required int LongBreakInterval { get; init; }

    /// <example>true</example>
    public required bool AutoStartBreak { get; init; }

    /// <example>false</example>
    public required bool AutoStartWork { get; init; }

    /// <example>false</example>
    public required bool AllowAllControl { get; init; }

    /// <example>50</example>
    public required int MaxParticipants { get; init; }

    /// <summary>Work phase length in seconds.</summary>
    /// <example>1500</example>
    public required int WorkDuration { get; init; }

    /// <summary>Short break length in seconds.</summary>
    /// <example>300</example>
    public required int BreakDuration { get; init; }

    /// <summary>Long break length in seconds.</summary>
    /// <example>900</example>
    public required int LongBreakDuration { get; init; }

    /// <summary>The link to send to teammates.</summary>
    /// <example>http://localhost:8000/room/3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e</example>
    public required string ShareUrl { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>How many participants the room holds now.</summary>
    /// <example>3</example>
    public required int CurrentParticipants { get; init; }

    public required TimerStateResponse TimerState { get; init; }
}

/// <summary>A room just created, with its host's token.</summary>
public sealed record CreatedRoomResponse : RoomResponse
{
    [JsonConstructor]
    public CreatedRoomResponse()
    {
    }

    [SetsRequiredMembers]
    public CreatedRoomResponse(RoomResponse room, JoinedParticipantResponse participant)
        : base(room) => Participant = participant;

    /// <summary>The creator, who is the host. Keep the token: it is the host's key to the room.</summary>
    [JsonPropertyOrder(1)]
    public required JoinedParticipantResponse Participant { get; init; }
}

public static class RoomMapping
{
    public static RoomResponse ToResponse(this RoomDetails details, string shareUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var (room, settings) = (details.Room, details.Room.Settings);
        return new RoomResponse
        {
            RoomId = room.Id,
            RoomName = room.Name,
            WorkDurationMinutes = settings.WorkDurationMinutes,
            BreakDurationMinutes = settings.BreakDurationMinutes,
            LongBreakDurationMinutes = settings.LongBreakDurationMinutes,
            LongBreakInterval = settings.LongBreakInterval,
            AutoStartBreak = settings.AutoStartBreak,
            AutoStartWork = settings.AutoStartWork,
            AllowAllControl = settings.AllowAllControl,
            MaxParticipants = settings.MaxParticipants,
            WorkDuration = settings.WorkDurationMinutes * 60,
            BreakDuration = settings.BreakDurationMinutes * 60,
            LongBreakDuration = settings.LongBreakDurationMinutes * 60,
            ShareUrl = shareUrl,
            CreatedAt = room.CreatedAt,
            UpdatedAt = room.UpdatedAt,
            CurrentParticipants = room.ParticipantCount,
            TimerState = details.Timer.ToResponse(now),
        };
    }

    public static CreatedRoomResponse ToResponse(this CreatedRoom created, string shareUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(created);
        var host = new JoinedParticipantResponse
        {
            ParticipantId = created.Host.Id,
            UserName = created.Host.UserName,
            IsHost = true,
            Token = created.Token,
        };
        return new CreatedRoomResponse(created.Details.ToResponse(shareUrl, now), host);
    }
}
