using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace BareHub;

/// <summary>
/// The bare hub: join_room puts the connection in the room's group and announces it; a timer command
/// changes the in-memory timer and broadcasts a <c>timer_update</c> of FocusMate's shape and size to the group.
/// The token is <c>roomId.participantId</c>, as the bare REST endpoints issue it.
/// </summary>
internal sealed class RoomHub(BareStore store) : Hub
{
    private (BareRoom Room, Member Member) Me()
    {
        if (Context.Items.TryGetValue("me", out var me) && me is ValueTuple<BareRoom, Member> known)
        {
            return known;
        }

        var token = Context.GetHttpContext()?.Request.Query["access_token"].ToString() ?? "";
        var found = Resolve(token) ?? throw new HubException("UNAUTHORIZED: bad token");
        Context.Items["me"] = found;
        return found;
    }

    private (BareRoom Room, Member Member)? Resolve(string token)
    {
        var parts = token.Split('.');
        if (parts.Length == 2 && Guid.TryParse(parts[0], out var roomId) && Guid.TryParse(parts[1], out var participantId)
            && store.Find(roomId) is { } room && room.Find(participantId) is { } member)
        {
            return (room, member);
        }

        return null;
    }

    public override Task OnConnectedAsync()
    {
        _ = Me();
        return Task.CompletedTask;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var (room, member) = Me();
        if (room.Connect(member, -1))
        {
            await Announce(room, member, "offline");
        }
    }

    [HubMethodName("join_room")]
    public async Task<Snapshot> JoinRoom()
    {
        var (room, member) = Me();
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(room.Id));
        if (room.Connect(member, +1))
        {
            await Announce(room, member, "online");
        }

        var now = DateTimeOffset.UtcNow;
        return new Snapshot(room.ToResponse(now), room.Timer(now), room.Participants(), [], member.Id, now);
    }

    [HubMethodName("start_timer")]
    public Task<TimerData> StartTimer(JsonElement? sessionType) => Run("start");

    [HubMethodName("pause_timer")]
    public Task<TimerData> PauseTimer() => Run("pause");

    [HubMethodName("resume_timer")]
    public Task<TimerData> ResumeTimer() => Run("resume");

    private async Task<TimerData> Run(string command)
    {
        var (room, _) = Me();
        var state = room.Apply(command) ?? throw new HubException("TIMER_CONFLICT: not applicable");
        await Clients.Group(Group(room.Id)).SendAsync("timer_update", new RoomEvent<TimerData>(room.Id, state, state.ServerTime));
        return state;
    }

    private Task Announce(BareRoom room, Member member, string action) =>
        Clients.Group(Group(room.Id)).SendAsync("participant_update",
            new RoomEvent<ParticipantUpdate>(room.Id, new ParticipantUpdate(action, member.ToData(), room.Count), DateTimeOffset.UtcNow));

    private static string Group(Guid roomId) => $"room:{roomId}";
}
