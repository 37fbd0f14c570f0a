using FocusMate.Core.Timers;

namespace FocusMate.Core.History;

/// <summary>
/// Work statistics of a room over one period: the totals of its work phases, the focus time of each local day, and
/// how long each participant focused.
/// </summary>
public sealed record RoomStatistics(
    StatisticsPeriod Period,
    string TimeZone,
    DateTimeOffset Since,
    int CompletedSessions,
    long TotalFocusTimeSeconds,
    double AverageSessionDuration,
    double CompletionRate)
{
    /// <summary>Every local day of the period up to today, oldest first, with the actual seconds of the work phases that ended on it.</summary>
    public IReadOnlyList<DayFocus> Days { get; init; } = [];

    /// <summary>Each participant's focus in the period, most first: everyone in the room now, and those who left after focusing.</summary>
    public IReadOnlyList<ParticipantFocus> Participants { get; init; } = [];

    public static RoomStatistics From(StatisticsPeriod period, string timeZone, DateTimeOffset since, IReadOnlyList<WorkTotal> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var completed = totals.FirstOrDefault(t => t.Outcome == SessionOutcome.Completed);
        var completedCount = completed?.Count ?? 0;
        var finishedCount = totals.Sum(t => t.Count);
        return new RoomStatistics(
            period,
            timeZone,
            since,
            completedCount,
            totals.Sum(t => t.ActualSeconds),
            completedCount == 0 ? 0 : Math.Round((double)completed!.ActualSeconds / completedCount, 1),
            finishedCount == 0 ? 0 : Math.Round((double)completedCount / finishedCount, 4));
    }

    /// <summary>The days from <paramref name="since"/> to <paramref name="now"/> in <paramref name="zone"/>, each with the work that ended on it.</summary>
    public static IReadOnlyList<DayFocus> ByDay(IReadOnlyList<WorkEnd> ends, TimeZoneInfo zone, DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ends);
        ArgumentNullException.ThrowIfNull(zone);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(since, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var seconds = ends
            .GroupBy(e => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.EndedAt, zone).DateTime))
            .ToDictionary(g => g.Key, g => g.Sum(e => (long)e.ActualSeconds));
        var days = new List<DayFocus>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(new DayFocus(day, seconds.GetValueOrDefault(day)));
        }

        return days;
    }

    /// <summary>
    /// Each participant's focus within [<paramref name="since"/>, <paramref name="now"/>]: finished intervals and focus
    /// still open, under the name they have now (or had last). Everyone in <paramref name="present"/> is listed, at 0 if
    /// they did not focus.
    /// </summary>
    public static IReadOnlyList<ParticipantFocus> ByParticipant(IReadOnlyList<FocusInterval> intervals, IReadOnlyList<FocusOpening> open,
        IReadOnlyList<(Guid Id, string UserName)> present, DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(present);
        var seconds = new Dictionary<Guid, double>();
        var names = new Dictionary<Guid, string>();
        foreach (var interval in intervals.OrderBy(i => i.EndedAt))
        {
            seconds[interval.ParticipantId] = seconds.GetValueOrDefault(interval.ParticipantId) + interval.SecondsWithin(since, now);
            names[interval.ParticipantId] = interval.UserName;
        }

        foreach (var focusing in open)
        {
            var running = new FocusInterval(Guid.Empty, Guid.Empty, focusing.ParticipantId, focusing.UserName, focusing.Since, now);
            seconds[focusing.ParticipantId] = seconds.GetValueOrDefault(focusing.ParticipantId) + running.SecondsWithin(since, now);
            names[focusing.ParticipantId] = focusing.UserName;
        }

        foreach (var (id, userName) in present)
        {
            seconds.TryAdd(id, 0);
            names[id] = userName;
        }

        return [.. seconds
            .Select(s => new ParticipantFocus(s.Key, names.GetValueOrDefault(s.Key, ""), (long)Math.Round(s.Value)))
            .OrderByDescending(p => p.FocusSeconds)
            .ThenBy(p => p.UserName, StringComparer.CurrentCulture)];
    }
}
