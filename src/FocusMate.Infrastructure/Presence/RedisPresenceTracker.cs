using System.Collections.Concurrent;
using FocusMate.Core.Background;
using FocusMate.Core.Presence;
using FocusMate.Infrastructure.ScaleOut;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FocusMate.Infrastructure.Presence;

/// <summary>
/// Presence shared by every instance through Redis. Each connection is recorded with its room, its
/// participant and the instance holding it; a participant is online while any instance holds one of
/// its connections. Instances beat a short-lived "alive" key; when one stops beating, the others
/// take over its connections and close them, so nobody stays online by mistake.
///
/// While Redis is away, presence is unknown rather than an error: joins still work and everyone looks
/// offline. Every beat also reconciles this instance's record with the connections it really holds, so
/// the record heals by itself: a disconnect lost in an outage is replayed (no ghost stays online), and
/// connections missing from the record (Redis restarted empty, or another instance took this one for
/// dead during a stall) are written again and their participants announced online.
/// </summary>
internal sealed partial class RedisPresenceTracker(IConnectionMultiplexer redis, InstanceIdentity instance, ILogger<RedisPresenceTracker> logger)
    : IPresenceTracker
{
    private const string Prefix = "focusmate:presence:";
    private const string Connections = Prefix + "connections";
    private const string Instances = Prefix + "instances";
    private static readonly TimeSpan AliveFor = PresenceKeeper.Interval * 2;

    // Adds the connection; returns 1 when it is the participant's first (it just came online), 0 otherwise,
    // and 0 for a connection recorded already (a second join_room on one connection announces nothing). The
    // instance is named among the living with it, so that a record made before its first beat (Redis just came
    // back empty) is reclaimed by the others should the instance die before beating.
    private static readonly LuaScript ConnectScript = LuaScript.Prepare("""
        if redis.call('HEXISTS', @connections, @connection) == 1 then return 0 end
        redis.call('SADD', @instances, @instance)
        redis.call('SET', @alive, '1', 'EX', @aliveSeconds)
        redis.call('HSET', @connections, @connection, @value)
        redis.call('SADD', @instanceConnections, @connection)
        redis.call('SADD', @participantConnections, @connection)
        redis.call('SADD', @roomOnline, @participant)
        if redis.call('SCARD', @participantConnections) == 1 then return 1 else return 0 end
        """);

    // Removes the connection; returns "room|participant|1" when it was the participant's last, "…|0" otherwise, nil when unknown.
    private static readonly LuaScript DisconnectScript = LuaScript.Prepare("""
        local value = redis.call('HGET', @connections, @connection)
        if not value then return nil end
        local room, participant, owner = string.match(value, '([^|]+)|([^|]+)|([^|]+)')
        redis.call('HDEL', @connections, @connection)
        redis.call('SREM', @prefix .. 'instance:' .. owner, @connection)
        local key = @prefix .. 'participant:' .. participant
        redis.call('SREM', key, @connection)
        if redis.call('SCARD', key) == 0 then
          redis.call('SREM', @prefix .. 'room:' .. room, participant)
          return room .. '|' .. participant .. '|1'
        end
        return room .. '|' .. participant .. '|0'
        """);

    private readonly ConcurrentDictionary<string, (Guid RoomId, Guid ParticipantId)> _here = new();

    private IDatabase Db => redis.GetDatabase();

    public bool IsKnown => redis.IsConnected;

    public async Task<bool> ConnectAsync(Guid roomId, Guid participantId, string connectionId)
    {
        _here[connectionId] = (roomId, participantId);
        try
        {
            return await RecordAsync(connectionId, roomId, participantId);
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex);
            return false;
        }
    }

    public async Task<PresenceLeft?> DisconnectAsync(string connectionId)
    {
        _here.TryRemove(connectionId, out _);
        RedisResult result;
        try
        {
            result = await Db.ScriptEvaluateAsync(DisconnectScript, new
            {
                connections = (RedisKey)Connections,
                connection = connectionId,
                prefix = Prefix,
            });
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex);
            return null;
        }

        if (result.IsNull)
        {
            return null;
        }

        var parts = result.ToString().Split('|');
        return parts[2] == "1" ? new PresenceLeft(Guid.Parse(parts[0]), Guid.Parse(parts[1])) : null;
    }

    public async Task<IReadOnlySet<Guid>> OnlineInAsync(Guid roomId)
    {
        try
        {
            var members = await Db.SetMembersAsync($"{Prefix}room:{roomId}");
            return members.Select(m => Guid.Parse(m.ToString())).ToHashSet();
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex);
            return new HashSet<Guid>();
        }
    }

    public Task<IReadOnlyCollection<Guid>> OnlineHereAsync() =>
        Task.FromResult<IReadOnlyCollection<Guid>>([.. _here.Values.Select(c => c.ParticipantId).Distinct()]);

    public async Task<PresenceRepair> KeepAliveAsync()
    {
        var db = Db;
        await db.StringSetAsync($"{Prefix}alive:{instance.Id}", "1", AliveFor);
        await db.SetAddAsync(Instances, instance.Id);
        var orphans = new List<string>();
        foreach (var other in await db.SetMembersAsync(Instances))
        {
            var id = other.ToString();
            if (id != instance.Id && !await db.KeyExistsAsync($"{Prefix}alive:{id}"))
            {
                orphans.AddRange((await db.SetMembersAsync($"{Prefix}instance:{id}")).Select(c => c.ToString()));
                await db.SetRemoveAsync(Instances, id);
            }
        }

        var (stale, back) = await ReconcileOwnAsync(db);
        orphans.AddRange(stale);
        return new PresenceRepair(orphans, back);
    }

    /// <summary>
    /// Compares the record of this instance's connections with the ones it holds: recorded but not held
    /// (a disconnect lost while Redis was away) are returned to close; held but not recorded are recorded
    /// again, and the participants that brought back online are returned.
    /// </summary>
    private async Task<(List<string> Stale, List<PresenceBack> Back)> ReconcileOwnAsync(IDatabase db)
    {
        var recorded = (await db.SetMembersAsync($"{Prefix}instance:{instance.Id}")).Select(c => c.ToString()).ToHashSet();
        var stale = recorded.Where(connection => !_here.ContainsKey(connection)).ToList();
        var back = new List<PresenceBack>();
        foreach (var (connectionId, (roomId, participantId)) in _here)
        {
            if (!recorded.Contains(connectionId) && await RecordAsync(connectionId, roomId, participantId))
            {
                back.Add(new PresenceBack(roomId, participantId));
            }
        }

        if (back.Count > 0)
        {
            LogRestored(back.Count);
        }

        return (stale, back);
    }

    private async Task<bool> RecordAsync(string connectionId, Guid roomId, Guid participantId)
    {
        var first = await Db.ScriptEvaluateAsync(ConnectScript, new
        {
            connections = (RedisKey)Connections,
            connection = connectionId,
            instances = (RedisKey)Instances,
            instance = instance.Id,
            alive = (RedisKey)$"{Prefix}alive:{instance.Id}",
            aliveSeconds = (int)AliveFor.TotalSeconds,
            value = $"{roomId}|{participantId}|{instance.Id}",
            instanceConnections = (RedisKey)$"{Prefix}instance:{instance.Id}",
            participantConnections = (RedisKey)$"{Prefix}participant:{participantId}",
            roomOnline = (RedisKey)$"{Prefix}room:{roomId}",
            participant = participantId.ToString(),
        });
        return (int)first == 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable: presence is unknown until it returns")]
    private partial void LogUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Presence had lost this instance's connections: {Count} participants recorded online again")]
    private partial void LogRestored(int count);
}
