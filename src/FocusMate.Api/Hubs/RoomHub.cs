using System.Text.Json;
using FocusMate.Api.Auth;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hosting;
using FocusMate.Api.RateLimiting;
using FocusMate.Core.Access;
using FocusMate.Core.Chat;
using FocusMate.Core.Errors;
using FocusMate.Core.Participants;
using FocusMate.Core.Services;
using FocusMate.Core.Timers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace FocusMate.Api.Hubs;

/// <summary>
/// The room's real-time channel (docs/realtime.md). Connect with <c>access_token=&lt;participant token&gt;</c>,
/// call <c>join_room()</c> for the snapshot, and after every reconnect call it again. Commands go
/// through the same services as REST and produce the same events.
/// </summary>
[Authorize]
public sealed class RoomHub(
    IServiceProvider services,
    IOptions<ChatOptions> chatOptions,
    IOptions<RateLimitingOptions> limits,
    RoomConnections connections,
    Telemetry.ApiMetrics metrics,
    ShareLinks links,
    TimeProvider clock) : Hub<IRoomClient>
{
    public const string Path = "/hubs/room";

    public static string GroupOf(Guid roomId) => $"room:{roomId}";

    private Caller Me => Context.User.ToCaller() ?? throw new UnauthorizedException();

    // A hub is made for every call: the scoped services (and the database context behind them) are resolved when a
    // call uses them, instead of all of them for every call (that was the largest allocation of a timer command).
    private RoomService Rooms => services.GetRequiredService<RoomService>();

    private ParticipantService Participants => services.GetRequiredService<ParticipantService>();

    private TimerService Timers => services.GetRequiredService<TimerService>();

    private ChatService Chat => services.GetRequiredService<ChatService>();

    private HistoryService History => services.GetRequiredService<HistoryService>();

    private RoomAccess Access => services.GetRequiredService<RoomAccess>();

    public override async Task OnConnectedAsync()
    {
        var me = Me;
        // A token whose participant was removed (or whose room is gone) opens nothing.
        await Access.RequireMemberAsync(me.RoomId, me, Context.ConnectionAborted);
        var cap = limits.Value.Enabled ? limits.Value.HubConnectionsPerParticipant : int.MaxValue;
        if (!connections.TryAdd(me.RoomId, me.ParticipantId, Context, cap))
        {
            metrics.RateLimited("hub_connections");
            throw new RateLimitedException(TimeSpan.FromSeconds(5), $"connections (at most {cap} per participant)");
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        await Participants.DisconnectedAsync(Context.ConnectionId, CancellationToken.None);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Enters the room's broadcasts, marks the caller online, and returns the full snapshot.</summary>
    [HubMethodName("join_room")]
    public async Task<RoomSnapshot> JoinRoom()
    {
        var me = Me;
        var participant = await Access.RequireMemberAsync(me.RoomId, me, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(me.RoomId), Context.ConnectionAborted);
        await Participants.ConnectedAsync(participant, Context.ConnectionId, Context.ConnectionAborted);
        var details = await Rooms.GetAsync(me.RoomId, Context.ConnectionAborted);
        var list = await Participants.ListAsync(me.RoomId, Context.ConnectionAborted);
        var messages = chatOptions.Value.HistoryOnJoin == 0
            ? []
            : await Chat.RecentAsync(me.RoomId, me, chatOptions.Value.HistoryOnJoin, Context.ConnectionAborted);
        var completed = await History.LastCompletionAsync(me.RoomId, Context.ConnectionAborted);
        var now = clock.GetUtcNowMilliseconds();
        return new RoomSnapshot
        {
            Room = details.ToResponse(links.For(me.RoomId), now),
            Timer = details.Timer.ToResponse(now),
            Participants = [.. list.Select(p => p.ToResponse())],
            Messages = [.. messages.Select(m => m.ToResponse())],
            ParticipantId = me.ParticipantId,
            LastCompletion = completed is null ? null : new LastCompletion(completed.SessionType, completed.EndedAt),
            ServerTime = now,
        };
    }

    /// <summary>Starts a phase; pass null for the phase that is next, or "work", "break", "long_break".</summary>
    [HubMethodName("start_timer")]
    [RateLimited(RateLimitPolicy.Commands)]
    public Task<TimerStateResponse> StartTimer(JsonElement? sessionType) =>
        RunAsync(TimerCommand.Start, HubArguments.SessionType(sessionType));

    [HubMethodName("pause_timer")]
    [RateLimited(RateLimitPolicy.Commands)]
    public Task<TimerStateResponse> PauseTimer() => RunAsync(TimerCommand.Pause);

    [HubMethodName("resume_timer")]
    [RateLimited(RateLimitPolicy.Commands)]
    public Task<TimerStateResponse> ResumeTimer() => RunAsync(TimerCommand.Resume);

    [HubMethodName("reset_timer")]
    [RateLimited(RateLimitPolicy.Commands)]
    public Task<TimerStateResponse> ResetTimer() => RunAsync(TimerCommand.Reset);

    [HubMethodName("skip_timer")]
    [RateLimited(RateLimitPolicy.Commands)]
    public Task<TimerStateResponse> SkipTimer() => RunAsync(TimerCommand.Skip);

    /// <summary>Tells the room what the caller is doing: "focusing", "break", "away", or null to follow the room's phase.</summary>
    [HubMethodName("set_status")]
    [RateLimited(RateLimitPolicy.Settings)]
    public async Task<ParticipantResponse> SetStatus(JsonElement? status)
    {
        var me = Me;
        var view = await Participants.SetStatusAsync(me.RoomId, me, HubArguments.Status(status), Context.ConnectionAborted);
        return view.ToResponse();
    }

    /// <summary>Says what the caller is working on (up to 80 characters), shown next to its name; null or "" clears it.</summary>
    [HubMethodName("set_task")]
    [RateLimited(RateLimitPolicy.Settings)]
    public async Task<ParticipantResponse> SetTask(JsonElement? text)
    {
        var me = Me;
        var request = new SetTaskRequest { Task = HubArguments.OptionalText(text, "task") };
        var view = await Participants.SetTaskAsync(me.RoomId, me, request, Context.ConnectionAborted);
        return view.ToResponse();
    }

    /// <summary>Sends a chat message (1–500 characters) to everyone in the room.</summary>
    [HubMethodName("send_message")]
    [RateLimited(RateLimitPolicy.Chat)]
    public async Task<ChatMessageResponse> SendMessage(JsonElement text)
    {
        var me = Me;
        var request = new SendMessageRequest { Text = HubArguments.Text(text, "text") };
        var message = await Chat.SendAsync(me.RoomId, me, request, Context.ConnectionAborted);
        return message.ToResponse();
    }

    /// <summary>Hands the host role to another participant (host only).</summary>
    [HubMethodName("transfer_host")]
    [RateLimited(RateLimitPolicy.Settings)]
    public async Task<ParticipantResponse> TransferHost(JsonElement participantId)
    {
        var me = Me;
        var host = await Participants.TransferHostAsync(me.RoomId, HubArguments.Id(participantId, "participant_id"), me, Context.ConnectionAborted);
        return host.ToResponse();
    }

    /// <summary>One clock sample: echoes the client's time (Unix ms) with the server's.</summary>
    [HubMethodName("sync")]
    public SyncResult Sync(JsonElement clientTime) =>
        new(HubArguments.Number(clientTime, "client_time"), clock.GetUtcNow().ToUnixTimeMilliseconds());

    private async Task<TimerStateResponse> RunAsync(TimerCommand command, SessionType? sessionType = null)
    {
        var me = Me;
        var state = await Timers.ExecuteAsync(me.RoomId, me, command, sessionType, Context.ConnectionAborted);
        return state.ToResponse(clock.GetUtcNowMilliseconds());
    }
}

/// <summary>Reads hub arguments strictly, refusing a wrong one with <c>VALIDATION_ERROR</c> as REST would.</summary>
internal static class HubArguments
{
    public static SessionType? SessionType(JsonElement? value) => OptionalEnum<SessionType>(value, "session_type");

    public static ParticipantStatus? Status(JsonElement? value) => OptionalEnum<ParticipantStatus>(value, "status");

    /// <summary>Null, or one of the enum's snake_case names.</summary>
    private static T? OptionalEnum<T>(JsonElement? value, string name) where T : struct, Enum
    {
        if (value is not { ValueKind: not JsonValueKind.Null } given)
        {
            return null;
        }

        try
        {
            return given.Deserialize<T>(Json.ApiJson.Options);
        }
        catch (JsonException)
        {
            var names = string.Join(", ", Enum.GetNames<T>().Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));
            throw RequestValidationException.For(name, $"'{name}' must be null or one of {names}.");
        }
    }

    public static string Text(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw RequestValidationException.For(name, $"'{name}' must be a string.");

    public static string? OptionalText(JsonElement? value, string name) =>
        value is not { ValueKind: not JsonValueKind.Null } given ? null : Text(given, name);

    public static Guid Id(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)
            ? id
            : throw RequestValidationException.For(name, $"'{name}' must be a participant id (a UUID string).");

    public static double Number(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw RequestValidationException.For(name, $"'{name}' must be a number (Unix epoch milliseconds).");
}
