using FluentValidation;
using FocusMate.Core.Access;
using FocusMate.Core.Chat;
using FocusMate.Core.Errors;
using FocusMate.Core.Events;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using FocusMate.Core.Validation;

namespace FocusMate.Core.Participants;

/// <summary>Who is in a room: joining, leaving, removal, the host role, statuses and presence.</summary>
public sealed class ParticipantService(
    IRoomRepository rooms,
    ITimerRepository timers,
    IParticipantRepository participants,
    IPresenceTracker presence,
    RoomAccess access,
    ITokenIssuer tokens,
    IRoomEvents events,
    ChatRateLimiter chatLimiter,
    IValidator<JoinRoomRequest> joinValidator,
    TimeProvider clock)
{
    /// <summary>Adds a participant to the room and issues its token.</summary>
    public async Task<JoinedParticipant> JoinAsync(Guid roomId, JoinRoomRequest request, CancellationToken cancellationToken)
    {
        var room = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        await joinValidator.EnsureValidAsync(request, cancellationToken);
        var now = clock.GetUtcNowMilliseconds();
        var candidate = new Participant(Guid.NewGuid(), roomId, request.UserName!.Trim(), isHost: false, now);
        var participant = await participants.TryAddAsync(candidate, room.Settings.MaxParticipants, cancellationToken)
            ?? throw new ConflictException(ErrorCodes.MaxParticipantsReached,
                $"The room is full: it holds at most {room.Settings.MaxParticipants} participants.");
        await rooms.TouchAsync(roomId, now, cancellationToken);
        await PublishAsync(roomId, ParticipantAction.Joined, participant, online: false, cancellationToken);
        return new JoinedParticipant(participant, tokens.Issue(roomId, participant.Id, participant.IsHost));
    }

    /// <summary>The room's participants, longest present first, with who is online.</summary>
    public async Task<IReadOnlyList<ParticipantView>> ListAsync(Guid roomId, CancellationToken cancellationToken)
    {
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        return await ViewsAsync(roomId, cancellationToken);
    }

    /// <summary>
    /// Takes a participant out of the room: itself (leave), or the host removing someone. A removed
    /// participant's connections close and its token stops working at once. When the host leaves, the
    /// role passes on.
    /// </summary>
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
        var action = actor.Id == participantId ? ParticipantAction.Left : ParticipantAction.Removed;
        await TakeOutAsync(leaving, action, cancellationToken);
    }

    /// <summary>Hands the host role to another participant (host only).</summary>
    public async Task<ParticipantView> TransferHostAsync(Guid roomId, Guid participantId, Caller? caller, CancellationToken cancellationToken)
    {
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        var host = await access.RequireHostAsync(roomId, caller, cancellationToken);
        var successor = await participants.FindAsync(roomId, participantId, cancellationToken)
            ?? throw NotFoundException.Participant(participantId);
        if (successor.Id != host.Id)
        {
            await PromoteAsync(successor, cancellationToken);
        }

        return (await ViewsAsync(roomId, cancellationToken)).Single(v => v.Participant.Id == participantId);
    }

    /// <summary>Sets what the caller tells the room it is doing; null follows the room's phase again.</summary>
    public async Task<ParticipantView> SetStatusAsync(Guid roomId, Caller? caller, ParticipantStatus? status, CancellationToken cancellationToken)
    {
        var me = await access.RequireMemberAsync(roomId, caller, cancellationToken);
        await participants.SetStatusAsync(roomId, me.Id, status, cancellationToken);
        var updated = await participants.FindAsync(roomId, me.Id, cancellationToken) ?? throw new UnauthorizedException();
        var online = (await presence.OnlineInAsync(roomId)).Contains(me.Id);
        return await PublishAsync(roomId, ParticipantAction.Status, updated, online, cancellationToken) ?? throw NotFoundException.Room(roomId);
    }

    /// <summary>A hub connection of the participant joined the room; the room hears when it comes online.</summary>
    public async Task ConnectedAsync(Participant participant, string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var now = clock.GetUtcNowMilliseconds();
        await participants.TouchAsync([participant.Id], now, cancellationToken);
        await rooms.TouchAsync(participant.RoomId, now, cancellationToken);
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

        await participants.TouchAsync([left.ParticipantId], clock.GetUtcNowMilliseconds(), cancellationToken);
        var participant = await participants.FindAsync(left.RoomId, left.ParticipantId, cancellationToken);
        if (participant is not null)
        {
            await PublishAsync(left.RoomId, ParticipantAction.Offline, participant, online: false, cancellationToken);
        }
    }

    /// <summary>Drops a participant that has been offline too long (the room hears it as <c>left</c>).</summary>
    internal async Task DropAsync(Participant participant, CancellationToken cancellationToken) =>
        await TakeOutAsync(participant, ParticipantAction.Left, cancellationToken);

    private async Task TakeOutAsync(Participant leaving, ParticipantAction action, CancellationToken cancellationToken)
    {
        if (!await participants.RemoveAsync(leaving.RoomId, leaving.Id, cancellationToken))
        {
            throw NotFoundException.Participant(leaving.Id);
        }

        chatLimiter.Forget(leaving.Id);
        await PublishAsync(leaving.RoomId, action, leaving, online: false, cancellationToken);
        await events.ParticipantGoneAsync(leaving.RoomId, leaving.Id);
        if (leaving.IsHost)
        {
            await HandOverAsync(leaving.RoomId, cancellationToken);
        }
    }

    /// <summary>The host left: the role passes to the longest-present online participant, else the longest-present one.</summary>
    private async Task HandOverAsync(Guid roomId, CancellationToken cancellationToken)
    {
        var remaining = await participants.ListAsync(roomId, cancellationToken);
        var online = await presence.OnlineInAsync(roomId);
        var successor = remaining.FirstOrDefault(p => online.Contains(p.Id)) ?? (remaining.Count > 0 ? remaining[0] : null);
        if (successor is not null)
        {
            await PromoteAsync(successor, cancellationToken);
        }
    }

    private async Task PromoteAsync(Participant successor, CancellationToken cancellationToken)
    {
        if (await participants.MakeHostAsync(successor.RoomId, successor.Id, cancellationToken))
        {
            var promoted = await participants.FindAsync(successor.RoomId, successor.Id, cancellationToken) ?? successor;
            var online = (await presence.OnlineInAsync(successor.RoomId)).Contains(successor.Id);
            await PublishAsync(successor.RoomId, ParticipantAction.HostChanged, promoted, online, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<ParticipantView>> ViewsAsync(Guid roomId, CancellationToken cancellationToken)
    {
        var timer = await TimerAsync(roomId, cancellationToken);
        var online = await presence.OnlineInAsync(roomId);
        var list = await participants.ListAsync(roomId, cancellationToken);
        return [.. list.Select(p => ParticipantView.Of(p, online.Contains(p.Id), timer))];
    }

    private async Task<ParticipantView?> PublishAsync(Guid roomId, ParticipantAction action, Participant participant, bool online,
        CancellationToken cancellationToken)
    {
        var room = await rooms.FindAsync(roomId, cancellationToken);
        if (room is null)
        {
            return null;
        }

        var view = ParticipantView.Of(participant, online, await TimerAsync(roomId, cancellationToken));
        await events.ParticipantChangedAsync(roomId, new ParticipantChange(action, view, room.ParticipantCount));
        return view;
    }

    private async Task<TimerState> TimerAsync(Guid roomId, CancellationToken cancellationToken) =>
        await timers.FindAsync(roomId, cancellationToken) ?? TimerState.Initial(RoomSettings.Default.Phases);
}

/// <summary>A participant who just joined, with its token.</summary>
public sealed record JoinedParticipant(Participant Participant, string Token);
