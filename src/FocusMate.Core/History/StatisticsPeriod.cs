namespace FocusMate.Core.History;

/// <summary>The span a statistics query covers, counted in the caller's time zone.</summary>
public enum StatisticsPeriod
{
    /// <summary>Since local midnight.</summary>
    Today,
    /// <summary>Since Monday 00:00 local time.</summary>
    Week,
    /// <summary>Since 00:00 on the 1st of the month, local time.</summary>
    Month,
}
