using FocusMate.Core.Errors;
using FocusMate.Core.History;
using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;

namespace FocusMate.Core.Services;

/// <summary>A room's finished phases and the statistics drawn from them.</summary>
public sealed class HistoryService(IRoomRepository rooms, ITimerRepository timers, ISessionRepository sessions, IFocusLog focus,
    IParticipantRepository participants, FocusChanges recorder, TimeProvider clock)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>The room's most recent finished phases, newest first.</summary>
    public async Task<IReadOnlyList<TimerSession>> RecentAsync(Guid roomId, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            throw RequestValidationException.For("limit", $"'limit' must be between 1 and {MaxLimit}.");
        }

        await EnsureRoomAsync(roomId, cancellationToken);
        return await sessions.RecentAsync(roomId, take, cancellationToken);
    }

    /// <summary>
    /// The room's latest phase end, for a client that (re)joins: a <c>timer_complete</c> lost to a crash or a
    /// reconnect still reaches the page through its snapshot.
    /// </summary>
    public Task<TimerSession?> LastCompletionAsync(Guid roomId, CancellationToken cancellationToken) =>
        sessions.LastCompletedAsync(roomId, cancellationToken);

    /// <summary>Work statistics for today (the default), this week or this month in the given IANA time zone (UTC when none).</summary>
    public async Task<RoomStatistics> StatisticsAsync(Guid roomId, string? period, string? timeZone,
        CancellationToken cancellationToken)
    {
        var span = ParsePeriod(period);
        var zone = ParseZone(timeZone);
        var room = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        // What this instance did up to now is counted: readiness changes still queued for writing go in first.
        await recorder.FlushAsync(TimeSpan.FromSeconds(2));
        var now = clock.GetUtcNowMilliseconds();
        var since = span.StartAt(zone, now);
        var totals = await sessions.WorkTotalsSinceAsync(roomId, since, cancellationToken);
        var ends = await sessions.WorkEndsSinceAsync(roomId, since, cancellationToken);
        // The work runs on record, and those that are not yet: a completion that is due, the run under way.
        var timer = await timers.FindAsync(roomId, cancellationToken) ?? TimerState.Initial(room.Settings.Phases);
        var runs = (await sessions.WorkRunsSinceAsync(roomId, since, cancellationToken)).Concat(timer.WorkRunsUntil(room.Settings.Phases, now)).ToList();
        var ready = await focus.IntervalsSinceAsync(roomId, since, cancellationToken);
        var open = await focus.OpenInAsync(roomId, cancellationToken);
        var present = (await participants.ListAsync(roomId, cancellationToken)).Select(p => (p.Id, p.UserName)).ToList();
        return RoomStatistics.From(span, zone.Id, since, totals) with
        {
            Days = RoomStatistics.ByDay(ends, zone, since, now),
            Participants = RoomStatistics.ByParticipant(new FocusSources(ready, open, runs), present, since, now),
        };
    }

    private async Task EnsureRoomAsync(Guid roomId, CancellationToken cancellationToken) =>
        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);

    private static StatisticsPeriod ParsePeriod(string? period) => period switch
    {
        null or "today" => StatisticsPeriod.Today,
        "week" => StatisticsPeriod.Week,
        "month" => StatisticsPeriod.Month,
        _ => throw RequestValidationException.For("period", "'period' must be one of today, week, month."),
    };

    private static TimeZoneInfo ParseZone(string? timeZone)
    {
        if (string.IsNullOrEmpty(timeZone))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone.HasIanaId
            ? zone
            : throw RequestValidationException.For("tz", $"'{timeZone}' is not a known IANA time zone.");
    }
}
