using FluentValidation;
using FocusMate.Core.Access;
using FocusMate.Core.Errors;
using FocusMate.Core.Events;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using FocusMate.Core.Validation;

namespace FocusMate.Core.Participants;

/// <summary>Joining, listing and leaving rooms, and who is online.</summary>
public sealed class ParticipantService(
    IRoomRepository rooms,
    ITimerRepository timers,
    IParticipantRepository participants,
    IPresenceTracker presence,
    RoomAccess access,
    ITokenIssuer tokens,
    IRoomEvents events,
    IValidator<JoinRoomRequest> joinValidator,
    TimeProvider clock)
{
    /// <summary>Adds a participant to the room and issues its token.</summary>
    public async Task<JoinedParticipant> JoinAsync(Guid roomId, JoinRoomRequest request, CancellationToken cancellationToken)
    {
        var room = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        await joinValidator.EnsureValidAsync(request, cancellationToken);
        var participant = new Participant(Guid.NewGuid(), roomId, request.UserName!.Trim(), isHost: false, clock.GetUtcNowMilliseconds());
        if (!await participants.TryAddAsync(participant, room.Settings.MaxParticipants, cancellationToken))
        {
            throw new ConflictException(ErrorCodes.MaxParticipantsReached,
                $"The room is full: it holds at most {room.Settings.MaxParticipants} participants.");
        }

        await PublishAsync(roomId, ParticipantAction.Joined, participant, online: false, cancellationToken);
        return new JoinedParticipant(participant, tokens.Issue(roomId, participant.Id, isHost: false));
    }

    /// <summary>The room's participants, longest present first, with who is online.</summary>
    public async Task<IReadOnlyList<ParticipantView>> ListAsync(Guid roomId, CancellationToken cancellationToken)
    {
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        var phase = await PhaseAsync(roomId, cancellationToken);
        var online = await presence.OnlineInAsync(roomId);
        var list = await participants.ListAsync(roomId, cancellationToken);
        return [.. list.Select(p => new ParticipantView(p, online.Contains(p.Id), p.StatusDuring(phase)))];
    }

    /// <summary>Removes a participant: the participant itself, or the host removing someone.</summary>
    public async Task LeaveAsync(Guid roomId, Guid participantId, Caller? caller, CancellationToken cancellationToken)
    {
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        var actor = await access.RequireMemberAsync(roomId, caller, cancellationToken);
        if (actor.Id != participantId && !actor.IsHost)
        {
            throw new ForbiddenException("Only the host may remove another participant.");
        }

        var leaving = await participants.FindAsync(roomId, participantId, cancellationToken)
            ?? throw NotFoundException.Participant(participantId);
        if (!await participants.RemoveAsync(roomId, participantId, cancellationToken))
        {
            throw NotFoundException.Participant(participantId);
        }

        var action = actor.Id == participantId ? ParticipantAction.Left : ParticipantAction.Removed;
        await PublishAsync(roomId, action, leaving, online: false, cancellationToken);
    }

    /// <summary>A hub connection of the participant opened; the room hears when it comes online.</summary>
    public async Task ConnectedAsync(Participant participant, string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (await presence.ConnectAsync(participant.RoomId, participant.Id, connectionId))
        {
            await PublishAsync(participant.RoomId, ParticipantAction.Online, participant, online: true, cancellationToken);
        }
    }

    /// <summary>A hub connection closed; the room hears when its participant's last connection is gone.</summary>
    public async Task DisconnectedAsync(string connectionId, CancellationToken cancellationToken)
    {
        if (await presence.DisconnectAsync(connectionId) is not { } left)
        {
            return;
        }

        var participant = await participants.FindAsync(left.RoomId, left.ParticipantId, cancellationToken);
        if (participant is not null)
        {
            await PublishAsync(left.RoomId, ParticipantAction.Offline, participant, online: false, cancellationToken);
        }
    }

    private async Task PublishAsync(Guid roomId, ParticipantAction action, Participant participant, bool online,
        CancellationToken cancellationToken)
    {
        var room = await rooms.FindAsync(roomId, cancellationToken);
        if (room is null)
        {
            return;
        }

        var phase = await PhaseAsync(roomId, cancellationToken);
        var view = new ParticipantView(participant, online, participant.StatusDuring(phase));
        await events.ParticipantChangedAsync(roomId, new ParticipantChange(action, view, room.ParticipantCount));
    }

    private async Task<SessionType> PhaseAsync(Guid roomId, CancellationToken cancellationToken) =>
        (await timers.FindAsync(roomId, cancellationToken))?.SessionType ?? SessionType.Work;
}

/// <summary>A participant who just joined, with its token.</summary>
public sealed record JoinedParticipant(Participant Participant, string Token);
