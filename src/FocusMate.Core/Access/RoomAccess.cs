using FocusMate.Core.Errors;
using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;

namespace FocusMate.Core.Access;

/// <summary>
/// The authorisation rules (docs/architecture.md, "The rules of a room"), in one place for REST and the hub. The token only says who
/// calls; the stored participant decides what it may do, so a removed participant or a host role
/// handed over takes effect at once.
/// </summary>
public sealed class RoomAccess(IParticipantRepository participants, TimeProvider clock)
{
    /// <summary>The caller, who must hold a token of this room whose participant is still in it.</summary>
    public async Task<Participant> RequireMemberAsync(Guid roomId, Caller? caller, CancellationToken cancellationToken)
    {
        var known = Identify(roomId, caller);
        var member = Member(known, await participants.FindAsync(roomId, known.ParticipantId, cancellationToken));
        await NoteSeenAsync(member, cancellationToken);
        return member;
    }

    /// <summary>
    /// The first use of a token shows a real person (or bot) holds the seat; until then the participant
    /// is a squatter the retention sweep drops after a short time. One write per participant, ever.
    /// </summary>
    public async Task NoteSeenAsync(Participant participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (participant.FirstSeenAt is null)
        {
            await participants.TouchAsync([participant.Id], clock.GetUtcNowMilliseconds(), cancellationToken);
        }
    }

    /// <summary>The host of the room.</summary>
    public async Task<Participant> RequireHostAsync(Guid roomId, Caller? caller, CancellationToken cancellationToken)
    {
        var participant = await RequireMemberAsync(roomId, caller, cancellationToken);
        return participant.IsHost ? participant : throw new ForbiddenException("Only the host may do this.");
    }

    /// <summary>A token of this room, or the refusal: none at all (401) or another room's (403).</summary>
    public static Caller Identify(Guid roomId, Caller? caller)
    {
        if (caller is not { } known)
        {
            throw new UnauthorizedException();
        }

        return known.RoomId == roomId ? known : throw new ForbiddenException("This token belongs to another room.");
    }

    /// <summary>
    /// A member who may control the timer: the host, or anyone when the room allows all control.
    /// <paramref name="participant"/> is the caller's participant as stored, already read with the room.
    /// </summary>
    public static Participant RequireTimerControl(Room room, Caller? caller, Participant? participant)
    {
        ArgumentNullException.ThrowIfNull(room);
        var member = Member(Identify(room.Id, caller), participant);
        return member.IsHost || room.Settings.AllowAllControl
            ? member
            : throw new ForbiddenException("Only the host controls the timer in this room.");
    }

    private static Participant Member(Caller caller, Participant? participant)
    {
        if (participant is null || participant.Id != caller.ParticipantId)
        {
            throw new UnauthorizedException("This token's participant is no longer in the room.");
        }

        return participant.TokenVersion == caller.TokenVersion
            ? participant
            : throw new UnauthorizedException("This token was replaced by a newer one.");
    }
}
