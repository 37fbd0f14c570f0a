using FocusMate.Core.Errors;
using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;

namespace FocusMate.Core.Access;

/// <summary>
/// The authorisation rules of SPEC §2, in one place for REST and the hub. The token only says who
/// calls; the stored participant decides what it may do, so a removed participant or a host role
/// handed over takes effect at once.
/// </summary>
public sealed class RoomAccess(IParticipantRepository participants)
{
    /// <summary>The caller, who must hold a token of this room whose participant is still in it.</summary>
    public async Task<Participant> RequireMemberAsync(Guid roomId, Caller? caller, CancellationToken cancellationToken)
    {
        if (caller is not { } known)
        {
            throw new UnauthorizedException();
        }

        if (known.RoomId != roomId)
        {
            throw new ForbiddenException("This token belongs to another room.");
        }

        return await participants.FindAsync(roomId, known.ParticipantId, cancellationToken)
            ?? throw new UnauthorizedException("This token's participant is no longer in the room.");
    }

    /// <summary>A member who may control the timer: the host, or anyone when the room allows all control.</summary>
    public async Task<Participant> RequireControllerAsync(Room room, Caller? caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        var participant = await RequireMemberAsync(room.Id, caller, cancellationToken);
        if (!participant.IsHost && !room.Settings.AllowAllControl)
        {
            throw new ForbiddenException("Only the host controls the timer in this room.");
        }

        return participant;
    }

    /// <summary>The host of the room.</summary>
    public async Task<Participant> RequireHostAsync(Guid roomId, Caller? caller, CancellationToken cancellationToken)
    {
        var participant = await RequireMemberAsync(roomId, caller, cancellationToken);
        return participant.IsHost ? participant : throw new ForbiddenException("Only the host may do this.");
    }
}
