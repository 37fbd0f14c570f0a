using FocusMate.Core.Timers;





namespace FocusMate.Core.History;

/// <summary>Work statistics of a room over one period.</summary>
public sealed record RoomStatistics(
    StatisticsPeriod Period,
    string TimeZone,
    DateTimeOffset Since,
    int CompletedSessions,
    long TotalFocusTimeSeconds,
    double AverageSessionDuration,
    double CompletionRate)
{
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
}
