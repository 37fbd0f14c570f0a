using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BareHub;

internal sealed record CreateRoom(string RoomName, string HostName);

internal sealed record JoinRoom(string UserName);

/// <summary>The shape of FocusMate's <c>timer_update</c> data (and of its timer state everywhere).</summary>
internal sealed record TimerData(string Status, string SessionType, int DurationSeconds, double RemainingSeconds,
    DateTimeOffset? TargetTimestamp, DateTimeOffset? StartedAt, int CompletedWorkSessions, long Version, DateTimeOffset ServerTime);

internal sealed record RoomEvent<T>(Guid RoomId, T Data, DateTimeOffset ServerTime);

internal sealed record ParticipantData(Guid ParticipantId, string UserName, bool IsHost, bool Online, string Status,
    string StatusSource, DateTimeOffset JoinedAt);

internal sealed record ParticipantUpdate(string Action, ParticipantData Participant, int CurrentCount);

internal sealed record JoinedParticipant(Guid ParticipantId, string UserName, bool IsHost, string Token);

/// <summary>The shape of FocusMate's <c>GET /api/v1/rooms/{id}</c>.</summary>
internal sealed record RoomData(Guid RoomId, string RoomName, int WorkDurationMinutes, int BreakDurationMinutes,
    int LongBreakDurationMinutes, int LongBreakInterval, bool AutoStartBreak, bool AutoStartWork, bool AllowAllControl,
    int MaxParticipants, int WorkDuration, int BreakDuration, int LongBreakDuration, string ShareUrl,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int CurrentParticipants, TimerData TimerState);

internal sealed record Snapshot(RoomData Room, TimerData Timer, IReadOnlyList<ParticipantData> Participants,
    IReadOnlyList<object> Messages, Guid ParticipantId, DateTimeOffset ServerTime);

internal sealed class Member(Guid id, string userName, bool isHost, DateTimeOffset joinedAt, Guid roomId)
{
    public Guid Id { get; } = id;

    public string UserName { get; } = userName;

    public bool IsHost { get; } = isHost;

    public DateTimeOffset JoinedAt { get; } = joinedAt;

    public int Connections { get; set; }

    public ParticipantData ToData() => new(Id, UserName, IsHost, Connections > 0, "break", "room", JoinedAt);

    public JoinedParticipant ToJoined() => new(Id, UserName, IsHost, $"{roomId:N}.{Id:N}");
}

/// <summary>One room in memory: its members and a timer that only counts versions and toggles pause/resume.</summary>
internal sealed class BareRoom(Guid id, string name, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private readonly List<Member> _members = [];
    private string _status = "idle";
    private long _version = 1;
    private DateTimeOffset? _target;
    private long _remainingMs = 1_500_000;

    public Guid Id { get; } = id;

    public Member Join(string userName)
    {
        lock (_gate)
        {
            var member = new Member(Guid.NewGuid(), userName, _members.Count == 0, DateTimeOffset.UtcNow, Id);
            _members.Add(member);
            return member;
        }
    }

    public Member? Find(Guid participantId)
    {
        lock (_gate)
        {
            return _members.Find(m => m.Id == participantId);
        }
    }

    /// <summary>Counts a connection of the member; true when it just came online.</summary>
    public bool Connect(Member member, int delta)
    {
        lock (_gate)
        {
            member.Connections += delta;
            return delta > 0 ? member.Connections == 1 : member.Connections == 0;
        }
    }

    public IReadOnlyList<ParticipantData> Participants()
    {
        lock (_gate)
        {
            return [.. _members.Select(m => m.ToData())];
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _members.Count;
            }
        }
    }

    /// <summary>start, pause or resume; null when the command does not apply.</summary>
    public TimerData? Apply(string command)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            var next = (command, _status) switch
            {
                ("start", "idle") => "running",
                ("pause", "running") => "paused",
                ("resume", "paused") => "running",
                _ => null,
            };
            if (next is null)
            {
                return null;
            }

            _remainingMs = _target is { } target ? (long)(target - now).TotalMilliseconds : _remainingMs;
            _target = next == "running" ? now.AddMilliseconds(_remainingMs) : null;
            _status = next;
            _version++;
            return TimerAt(now);
        }
    }

    public TimerData Timer(DateTimeOffset now)
    {
        lock (_gate)
        {
            return TimerAt(now);
        }
    }

    private TimerData TimerAt(DateTimeOffset now)
    {
        var remaining = _target is { } target ? (target - now).TotalMilliseconds : _remainingMs;
        return new TimerData(_status, "work", 1500, remaining / 1000.0, _target, createdAt, 0, _version, now);
    }

    public RoomData ToResponse(DateTimeOffset now) => new(Id, name, 25, 5, 15, 4, true, false, false, 50, 1500, 300, 900,
        $"http://127.0.0.1/room/{Id}", createdAt, createdAt, Count, Timer(now));
}

internal sealed class BareStore
{
    private readonly ConcurrentDictionary<Guid, BareRoom> _rooms = new();

    public object Create(CreateRoom request)
    {
        var room = new BareRoom(Guid.NewGuid(), request.RoomName, DateTimeOffset.UtcNow);
        _rooms[room.Id] = room;
        var host = room.Join(request.HostName).ToJoined();
        // FocusMate answers with the room's fields plus "participant"; the generator reads room_id and the token.
        return new { room_id = room.Id, participant = host };
    }

    public BareRoom? Find(Guid roomId) => _rooms.GetValueOrDefault(roomId);
}

/// <summary>Writes instants as <c>2026-01-02T03:04:05.678Z</c>, as FocusMate does.</summary>
internal sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
