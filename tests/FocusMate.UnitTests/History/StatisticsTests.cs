using FocusMate.Core.History;
using FocusMate.Core.Timers;

namespace FocusMate.UnitTests.History;

public class StatisticsTests
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void TodayStartsAtLocalMidnightOfTheGivenZone()
    {
        // 2026-03-04 16:30 UTC is already 2026-03-05 01:30 in Seoul (UTC+9).
        var now = new DateTimeOffset(2026, 3, 4, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero), StatisticsPeriod.Today.StartAt(Seoul, now));
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero), StatisticsPeriod.Today.StartAt(TimeZoneInfo.Utc, now));
    }

    [Fact]
    public void TheWeekStartsOnMonday()
    {
        // Sunday 2026-03-08 in UTC; the week began on Monday 2026-03-02.
        var sunday = new DateTimeOffset(2026, 3, 8, 23, 0, 0, TimeSpan.Zero);
        var monday = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(monday, StatisticsPeriod.Week.StartAt(TimeZoneInfo.Utc, sunday));
        Assert.Equal(monday, StatisticsPeriod.Week.StartAt(TimeZoneInfo.Utc, monday));
    }

    [Fact]
    public void TheMonthStartsOnTheFirstAcrossADaylightSavingChange()
    {
        // Berlin moves to summer time on 2026-03-29; on 2026-04-10 the 1st of April began at 22:00 UTC on 31 March.
        var now = new DateTimeOffset(2026, 4, 10, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero), StatisticsPeriod.Month.StartAt(Berlin, now));
    }

    [Fact]
    public void StatisticsCountCompletedWorkAndAllFocusTime()
    {
        var totals = new[]
        {
            new WorkTotal(SessionOutcome.Completed, 3, 3 * 1500),
            new WorkTotal(SessionOutcome.Skipped, 1, 600),
            new WorkTotal(SessionOutcome.Interrupted, 2, 100),
        };

        var stats = RoomStatistics.From(StatisticsPeriod.Today, "UTC", DateTimeOffset.UnixEpoch, totals);

        Assert.Equal(3, stats.CompletedSessions);
        Assert.Equal(4500 + 600 + 100, stats.TotalFocusTimeSeconds);
        Assert.Equal(1500, stats.AverageSessionDuration);
        Assert.Equal(0.5, stats.CompletionRate);
    }

    [Fact]
    public void StatisticsOfNothingAreZero()
    {
        var stats = RoomStatistics.From(StatisticsPeriod.Week, "UTC", DateTimeOffset.UnixEpoch, []);

        Assert.Equal(0, stats.CompletedSessions);
        Assert.Equal(0, stats.TotalFocusTimeSeconds);
        Assert.Equal(0, stats.AverageSessionDuration);
        Assert.Equal(0, stats.CompletionRate);
    }

    [Fact]
    public void FocusIsWhereReadinessMeetsTheRoomsWorkRunsWithinThePeriod()
    {
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        DateTimeOffset At(int minutes) => t0.AddMinutes(minutes);
        var (mina, jun, kai, leaver) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        // Work ran 0–10 and 15–40 (a pause between); the period began at minute 5 and it is minute 40.
        WorkRun[] runs = [new(At(-20), At(-5)), new(At(0), At(10)), new(At(15), At(30)), new(At(30), At(40))];
        FocusInterval[] ready =
        [
            new(Guid.NewGuid(), Guid.Empty, jun, "Jun", At(-30), At(12)),    // ready through the pause's start: 5–10 counts
            new(Guid.NewGuid(), Guid.Empty, leaver, "Old name", At(0), At(20)), // 5–10 and 15–20
            new(Guid.NewGuid(), Guid.Empty, leaver, "Leaver", At(25), At(26)),  // 1 more; the last name is kept
        ];
        FocusOpening[] open = [new(mina, "Mina", At(12))];                     // 15–40 of it ran work

        var focus = RoomStatistics.ByParticipant(new FocusSources(ready, open, runs), [(mina, "Mina"), (jun, "Jun"), (kai, "Kai")], At(5), At(40));

        Assert.Equal([("Mina", 1500L), ("Leaver", 660L), ("Jun", 300L), ("Kai", 0L)], focus.Select(f => (f.UserName, f.FocusSeconds)));
        Assert.Equal(leaver, focus[1].ParticipantId);
    }
}
