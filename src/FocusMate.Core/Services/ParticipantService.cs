using FluentValidation;
using FocusMate.Core.Access;
using FocusMate.Core.Audit;
using FocusMate.Core.Errors;
using FocusMate.Core.Events;
using FocusMate.Core.Participants;
using FocusMate.Core.Presence;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using FocusMate.Core.Validation;

namespace FocusMate.Core.Services;

/// <summary>Who is in a room: joining, leaving, removal, the host role, statuses and presence.</summary>
public sealed class ParticipantService(
    IRoomRepository rooms,
    ITimerRepository timers,
    IParticipantRepository participants,
    IPresenceTracker presence,
    RoomAccess access,
    ITokenIssuer tokens,
    IRoomEvents events,
    AuditTrail audit,
    IValidator<JoinRoomRequest> joinValidator,
    IValidator<SetTaskRequest> taskValidator,
    FocusTracker focus,
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

    /// <summary>The caller, who must be a participant of this existing room.</summary>
    public async Task<Participant> IdentifyAsync(Guid roomId, Caller? caller, CancellationToken cancellationToken)
    {
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        return await access.RequireMemberAsync(roomId, caller, cancellationToken);
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
        if (!await TakeOutAsync(leaving, action, cancellationToken))
        {
            throw NotFoundException.Participant(participantId);
        }

        if (action == ParticipantAction.Removed)
        {
            await audit.RecordAsync(roomId, (actor.Id, actor.UserName), AuditAction.ParticipantRemoved, leaving.UserName, cancellationToken);
        }
    }

    /// <summary>
    /// Removes everyone without a live connection, but the host who asks (host only): seats held by people
    /// who left without leaving, or by squatters, free up at once. Returns who was removed.
    /// </summary>
    public async Task<IReadOnlyList<Participant>> RemoveOfflineAsync(Guid roomId, Caller? caller, CancellationToken cancellationToken)
    {
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        var host = await access.RequireHostAsync(roomId, caller, cancellationToken);
        if (!presence.IsKnown)
        {
            // With presence unknown everyone looks offline: removing "the offline" would empty the room.
            throw new ServiceBusyException(TimeSpan.FromSeconds(5));
        }

        var online = await presence.OnlineInAsync(roomId);
        var removed = new List<Participant>();
        foreach (var participant in await participants.ListAsync(roomId, cancellationToken))
        {
            if (participant.Id != host.Id && !online.Contains(participant.Id) && await TakeOutAsync(participant, ParticipantAction.Removed, cancellationToken))
            {
                removed.Add(participant);
            }
        }

        if (removed.Count > 0)
        {
            var names = string.Join(", ", removed.Select(p => p.UserName));
            await audit.RecordAsync(roomId, (host.Id, host.UserName), AuditAction.ParticipantRemoved, $"offline: {names}", cancellationToken);
        }

        return removed;
    }

    /// <summary>
    /// Gives the caller a new token and stops the old one at once, on every instance; the caller's open
    /// connections (made with the old token) are closed, so it reconnects with the new one.
    /// </summary>
    public async Task<JoinedParticipant> RotateTokenAsync(Guid roomId, Caller? caller, CancellationToken cancellationToken)
    {
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        var me = await access.RequireMemberAsync(roomId, caller, cancellationToken);
        if (!await participants.TryRotateTokenAsync(roomId, me.Id, me.TokenVersion, cancellationToken))
        {
            throw new UnauthorizedException("This token was replaced by a newer one.");
        }

        await events.TokenReplacedAsync(roomId, me.Id);
        return new JoinedParticipant(me, tokens.Issue(roomId, me.Id, me.IsHost, me.TokenVersion + 1));
    }

    /// <summary>Hands the host role to another participant (host only).</summary>
    public async Task<ParticipantView> TransferHostAsync(Guid roomId, Guid participantId, Caller? caller, CancellationToken cancellationToken)
    {
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        var host = await access.RequireHostAsync(roomId, caller, cancellationToken);
        var successor = await participants.FindAsync(roomId, participantId, cancellationToken)
            ?? throw NotFoundException.Participant(participantId);
        if (successor.Id != host.Id && await PromoteAsync(successor, cancellationToken))
        {
            await audit.RecordAsync(roomId, (host.Id, host.UserName), AuditAction.HostChanged, $"to {successor.UserName}", cancellationToken);
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
        focus.ParticipantChanged(updated, online, clock.GetUtcNowMilliseconds());
        return await PublishAsync(roomId, ParticipantAction.Status, updated, online, cancellationToken) ?? throw NotFoundException.Room(roomId);
    }

    /// <summary>Sets what the caller is working on (shown next to its name); empty or null clears it.</summary>
    public async Task<ParticipantView> SetTaskAsync(Guid roomId, Caller? caller, SetTaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        var me = await access.RequireMemberAsync(roomId, caller, cancellationToken);
        await taskValidator.EnsureValidAsync(request, cancellationToken);
        await participants.SetTaskAsync(roomId, me.Id, request.Normalized, cancellationToken);
        var updated = await participants.FindAsync(roomId, me.Id, cancellationToken) ?? throw new UnauthorizedException();
        var online = (await presence.OnlineInAsync(roomId)).Contains(me.Id);
        return await PublishAsync(roomId, ParticipantAction.Task, updated, online, cancellationToken) ?? throw NotFoundException.Room(roomId);
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
            focus.ParticipantChanged(participant, online: true, now);
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

        var now = clock.GetUtcNowMilliseconds();
        await participants.TouchAsync([left.ParticipantId], now, cancellationToken);
        var participant = await participants.FindAsync(left.RoomId, left.ParticipantId, cancellationToken);
        if (participant is not null)
        {
            focus.ParticipantChanged(participant, online: false, now);
            await PublishAsync(left.RoomId, ParticipantAction.Offline, participant, online: false, cancellationToken);
        }
    }

    /// <summary>A participant's connections were recorded again after presence lost them: the room hears it is online.</summary>
    public async Task BackOnlineAsync(PresenceBack back, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(back);
        var participant = await participants.FindAsync(back.RoomId, back.ParticipantId, cancellationToken);
        if (participant is not null)
        {
            focus.ParticipantChanged(participant, online: true, clock.GetUtcNowMilliseconds());
            await PublishAsync(back.RoomId, ParticipantAction.Online, participant, online: true, cancellationToken);
        }
    }

    /// <summary>
    /// Drops a participant that has been offline too long, or never showed up (the room hears it as <c>left</c>).
    /// False when it was gone already (another instance's sweep took it first).
    /// </summary>
    internal Task<bool> DropAsync(Participant participant, CancellationToken cancellationToken) =>
        TakeOutAsync(participant, ParticipantAction.Left, cancellationToken);

    /// <summary>Takes the participant out and tells the room; false when it was not in the room any more.</summary>
    private async Task<bool> TakeOutAsync(Participant leaving, ParticipantAction action, CancellationToken cancellationToken)
    {
        // Its focus so far is kept (the statistics show people who left), before the participant is gone.
        await focus.LeavingAsync(leaving, clock.GetUtcNowMilliseconds());
        if (!await participants.RemoveAsync(leaving.RoomId, leaving.Id, cancellationToken))
        {
            return false;
        }

        await PublishAsync(leaving.RoomId, action, leaving, online: false, cancellationToken);
        await events.ParticipantGoneAsync(leaving.RoomId, leaving.Id);
        if (leaving.IsHost)
        {
            await HandOverAsync(leaving.RoomId, cancellationToken);
        }

        return true;
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

    private async Task<bool> PromoteAsync(Participant successor, CancellationToken cancellationToken)
    {
        if (!await participants.MakeHostAsync(successor.RoomId, successor.Id, cancellationToken))
        {
            return false;
        }

        var promoted = await participants.FindAsync(successor.RoomId, successor.Id, cancellationToken) ?? successor;
        var online = (await presence.OnlineInAsync(successor.RoomId)).Contains(successor.Id);
        await PublishAsync(successor.RoomId, ParticipantAction.HostChanged, promoted, online, cancellationToken);
        return true;
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
