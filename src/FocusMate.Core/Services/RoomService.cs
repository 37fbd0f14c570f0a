using FluentValidation;
using FocusMate.Core.Access;
using FocusMate.Core.Audit;
using FocusMate.Core.Errors;
using FocusMate.Core.Events;
using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using FocusMate.Core.Validation;

namespace FocusMate.Core.Services;

/// <summary>Creating, reading, configuring and deleting rooms.</summary>
public sealed class RoomService(
    IRoomRepository rooms,
    RoomAccess access,
    ITokenIssuer tokens,
    IRoomEvents events,
    AuditTrail audit,
    IAuditLog auditLog,
    IValidator<CreateRoomRequest> createValidator,
    IValidator<UpdateRoomRequest> updateValidator,
    TimeProvider clock)
{
    private const int MaxSettingsAttempts = 10;

    /// <summary>Creates the room, its idle timer and its host, and issues the host's token.</summary>
    public async Task<CreatedRoom> CreateAsync(CreateRoomRequest request, CancellationToken cancellationToken)
    {
        await createValidator.EnsureValidAsync(request, cancellationToken);
        var now = clock.GetUtcNowMilliseconds();
        var settings = request.ApplyTo(RoomSettings.Default);
        var room = new Room(Guid.NewGuid(), request.RoomName!, settings, now);
        var timer = TimerState.Initial(settings.Phases);
        var host = new Participant(Guid.NewGuid(), room.Id, request.HostName!.Trim(), isHost: true, now);
        if (!await rooms.TryAddAsync(room, timer, host, cancellationToken))
        {
            throw new ConflictException(ErrorCodes.RoomNameTaken, $"A room named '{request.RoomName}' already exists.");
        }

        return new CreatedRoom(new RoomDetails(room, timer), host, tokens.Issue(room.Id, host.Id, isHost: true));
    }

    public async Task<RoomDetails> GetAsync(Guid roomId, CancellationToken cancellationToken) =>
        await rooms.FindDetailsAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);

    public async Task<Room> FindAsync(Guid roomId, CancellationToken cancellationToken) =>
        await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);

    /// <summary>Changes settings (host only). A phase under way keeps its length; one not started takes the new one.</summary>
    public async Task<RoomDetails> UpdateAsync(Guid roomId, Caller? caller, UpdateRoomRequest request,
        CancellationToken cancellationToken)
    {
        await FindAsync(roomId, cancellationToken);
        var host = await access.RequireHostAsync(roomId, caller, cancellationToken);
        await updateValidator.EnsureValidAsync(request, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var details = await GetAsync(roomId, cancellationToken);
            var settings = request.ApplyTo(details.Room.Settings);
            EnsureCapacityHolds(settings, details.Room);
            if (settings == details.Room.Settings)
            {
                return details;
            }

            var before = details.Room.Settings;
            details.Room.ChangeSettings(settings, clock.GetUtcNowMilliseconds());
            var timer = details.Timer.WithPlan(settings.Phases);
            if (await rooms.TrySaveSettingsAsync(details.Room, details.Timer, timer, cancellationToken))
            {
                await audit.RecordAsync(roomId, (host.Id, host.UserName), AuditAction.SettingsChanged, settings.DescribeChangesFrom(before), cancellationToken);
                await events.RoomUpdatedAsync(details.Room, timer);
                if (timer != details.Timer)
                {
                    await events.TimerChangedAsync(roomId, timer, []);
                }

                return new RoomDetails(details.Room, timer);
            }

            if (attempt == MaxSettingsAttempts)
            {
                throw new InvalidOperationException($"The timer of room {roomId} kept changing while its settings were saved.");
            }
        }
    }

    /// <summary>Deletes the room and everything in it (host only); everyone connected is told and disconnected.</summary>
    public async Task DeleteAsync(Guid roomId, Caller? caller, CancellationToken cancellationToken)
    {
        var room = await FindAsync(roomId, cancellationToken);
        var host = await access.RequireHostAsync(roomId, caller, cancellationToken);
        if (await rooms.DeleteAsync(roomId, cancellationToken))
        {
            await audit.RecordAsync(roomId, (host.Id, host.UserName), AuditAction.RoomDeleted, $"room '{room.Name}'", cancellationToken);
            await events.RoomDeletedAsync(roomId, RoomDeletion.Deleted);
        }
    }

    /// <summary>The room's record of host actions, newest first (members only).</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(Guid roomId, Caller? caller, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? AuditTrail.DefaultLimit;
        if (take is < 1 or > AuditTrail.MaxLimit)
        {
            throw RequestValidationException.For("limit", $"'limit' must be between 1 and {AuditTrail.MaxLimit}.");
        }

        await FindAsync(roomId, cancellationToken);
        await access.RequireMemberAsync(roomId, caller, cancellationToken);
        return await auditLog.RecentAsync(roomId, take, cancellationToken);
    }

    /// <summary>
    /// Deletes a room nobody used for the retention period, the same way a host would; anyone still connected
    /// is told. False when another instance deleted it first.
    /// </summary>
    internal async Task<bool> ExpireAsync(Guid roomId, CancellationToken cancellationToken)
    {
        if (!await rooms.DeleteAsync(roomId, cancellationToken))
        {
            return false;
        }

        await events.RoomDeletedAsync(roomId, RoomDeletion.Expired);
        return true;
    }

    private static void EnsureCapacityHolds(RoomSettings settings, Room room)
    {
        if (settings.MaxParticipants < room.ParticipantCount)
        {
            throw RequestValidationException.For("max_participants",
                $"'max_participants' cannot be below the {room.ParticipantCount} participants in the room.");
        }
    }
}
