namespace FocusMate.Core.History;

public static class StatisticsPeriodExtensions
{
    /// <summary>The UTC instant the period began, as of <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartAt(this StatisticsPeriod period, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var start = period switch
        {
            StatisticsPeriod.Today => today,
            StatisticsPeriod.Week => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
            _ => new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
        };
        return LocalToUtc(start, zone);
    }

    /// <summary>A local wall-clock time as a UTC instant; a time skipped by a clock change moves to the first valid one.</summary>
    private static DateTimeOffset LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // An ambiguous wall time (clocks turned back) is taken at its first occurrence: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
