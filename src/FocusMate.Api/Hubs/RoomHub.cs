using System.Text.Json;
using FocusMate.Api.Auth;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hosting;
using FocusMate.Core.Access;
using FocusMate.Core.Errors;
using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.Api.Hubs;

/// <summary>
/// The room's real-time channel (SPEC §4). Connect with <c>access_token=&lt;participant token&gt;</c>,
/// call <c>join_room()</c> for the snapshot, and after every reconnect call it again. Commands go
/// through the same services as REST and produce the same events.
/// </summary>
[Authorize]
public sealed class RoomHub(
    RoomService rooms,
    ParticipantService participants,
    TimerService timers,
    RoomAccess access,
    RoomConnections connections,
    ShareLinks links,
    TimeProvider clock) : Hub<IRoomClient>
{
    public const string Path = "/hubs/room";

    public static string GroupOf(Guid roomId) => $"room:{roomId}";

    private Caller Me => Context.User.ToCaller() ?? throw new UnauthorizedException();

    public override async Task OnConnectedAsync()
    {
        var me = Me;
        // A token whose participant was removed (or whose room is gone) opens nothing.
        await access.RequireMemberAsync(me.RoomId, me, Context.ConnectionAborted);
        connections.Add(me.RoomId, me.ParticipantId, Context);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        await participants.DisconnectedAsync(Context.ConnectionId, CancellationToken.None);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Enters the room's broadcasts, marks the caller online, and returns the full snapshot.</summary>
    [HubMethodName("join_room")]
    public async Task<RoomSnapshot> JoinRoom()
    {
        var me = Me;
        var participant = await access.RequireMemberAsync(me.RoomId, me, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(me.RoomId), Context.ConnectionAborted);
        await participants.ConnectedAsync(participant, Context.ConnectionId, Context.ConnectionAborted);
        var details = await rooms.GetAsync(me.RoomId, Context.ConnectionAborted);
        var list = await participants.ListAsync(me.RoomId, Context.ConnectionAborted);
        var now = clock.GetUtcNowMilliseconds();
        return new RoomSnapshot
        {
            Room = details.ToResponse(links.For(me.RoomId), now),
            Timer = details.Timer.ToResponse(now),
            Participants = [.. list.Select(p => p.ToResponse())],
            ParticipantId = me.ParticipantId,
            ServerTime = now,
        };
    }

    /// <summary>Starts a phase; pass null for the phase that is next, or "work", "break", "long_break".</summary>
    [HubMethodName("start_timer")]
    public Task<TimerStateResponse> StartTimer(JsonElement? sessionType) =>
        RunAsync(TimerCommand.Start, HubArguments.SessionType(sessionType));

    [HubMethodName("pause_timer")]
    public Task<TimerStateResponse> PauseTimer() => RunAsync(TimerCommand.Pause);

    [HubMethodName("resume_timer")]
    public Task<TimerStateResponse> ResumeTimer() => RunAsync(TimerCommand.Resume);

    [HubMethodName("reset_timer")]
    public Task<TimerStateResponse> ResetTimer() => RunAsync(TimerCommand.Reset);

    [HubMethodName("skip_timer")]
    public Task<TimerStateResponse> SkipTimer() => RunAsync(TimerCommand.Skip);

    /// <summary>One clock sample: echoes the client's time (Unix ms) with the server's.</summary>
    [HubMethodName("sync")]
    public SyncResult Sync(JsonElement clientTime) =>
        new(HubArguments.Number(clientTime, "client_time"), clock.GetUtcNow().ToUnixTimeMilliseconds());

    private async Task<TimerStateResponse> RunAsync(TimerCommand command, SessionType? sessionType = null)
    {
        var me = Me;
        var state = await timers.ExecuteAsync(me.RoomId, me, command, sessionType, Context.ConnectionAborted);
        return state.ToResponse(clock.GetUtcNowMilliseconds());
    }
}

/// <summary>Reads hub arguments strictly, refusing a wrong one with <c>VALIDATION_ERROR</c> as REST would.</summary>
internal static class HubArguments
{
    public static SessionType? SessionType(JsonElement? value)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } given)
        {
            return null;
        }

        try
        {
            return given.Deserialize<SessionType>(Json.ApiJson.Options);
        }
        catch (JsonException)
        {
            throw RequestValidationException.For("session_type", "'session_type' must be null or one of work, break, long_break.");
        }
    }

    public static double Number(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw RequestValidationException.For(name, $"'{name}' must be a number (Unix epoch milliseconds).");
}
