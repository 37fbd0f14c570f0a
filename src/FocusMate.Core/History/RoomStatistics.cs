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
    /// Each participant's focus within [<paramref name="since"/>, <paramref name="now"/>]: where the times it was ready to
    /// focus (stretches that ended, and one still open) meet the room's work runs, under the name it has now (or had
    /// last). Everyone in <paramref name="present"/> is listed, at 0 if they did not focus.
    /// </summary>
    public static IReadOnlyList<ParticipantFocus> ByParticipant(FocusSources sources, IReadOnlyList<(Guid Id, string UserName)> present,
        DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(present);
        var runs = Merged(sources.Runs);
        var seconds = new Dictionary<Guid, double>();
        var names = new Dictionary<Guid, string>();
        void Add(Guid participantId, string userName, DateTimeOffset from, DateTimeOffset to)
        {
            seconds[participantId] = seconds.GetValueOrDefault(participantId) + WorkSeconds(runs, Later(from, since), Earlier(to, now));
            names[participantId] = userName;
        }

        foreach (var ready in sources.Ready.OrderBy(i => i.EndedAt))
        {
            Add(ready.ParticipantId, ready.UserName, ready.StartedAt, ready.EndedAt);
        }

        foreach (var ready in sources.Open)
        {
            Add(ready.ParticipantId, ready.UserName, ready.Since, now);
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

    /// <summary>The runs in order of their start, those that overlap or touch made one (a room's runs never overlap, but nothing here relies on it).</summary>
    private static List<WorkRun> Merged(IEnumerable<WorkRun> runs)
    {
        var merged = new List<WorkRun>();
        foreach (var run in runs.Where(r => r.EndedAt > r.StartedAt).OrderBy(r => r.StartedAt))
        {
            if (merged.Count > 0 && run.StartedAt <= merged[^1].EndedAt)
            {
                merged[^1] = merged[^1] with { EndedAt = Later(merged[^1].EndedAt, run.EndedAt) };
            }
            else
            {
                merged.Add(run);
            }
        }

        return merged;
    }

    /// <summary>The seconds of <paramref name="runs"/> (in order, apart) within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    private static double WorkSeconds(List<WorkRun> runs, DateTimeOffset from, DateTimeOffset to)
    {
        // The first run that ends after `from`: runs apart and in order of their start are in order of their end too.
        int low = 0, high = runs.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = runs[middle].EndedAt <= from ? (middle + 1, high) : (low, middle);
        }

        var total = 0.0;
        for (var i = low; i < runs.Count && runs[i].StartedAt < to; i++)
        {
            total += (Earlier(runs[i].EndedAt, to) - Later(runs[i].StartedAt, from)).TotalSeconds;
        }

        return total;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
