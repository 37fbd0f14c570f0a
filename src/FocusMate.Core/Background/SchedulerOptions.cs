namespace FocusMate.Core.Background;

/// <summary>How the phase scheduler runs (configuration section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>
    /// The longest the scheduler sleeps without reading the earliest target again. Changes made in this
    /// process wake it at once; this is only a safety net for targets set by another instance.
    /// </summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many due rooms one pass completes before it looks again.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How many due rooms are completed at the same time (a slow or failing room never holds up the rest).</summary>
    public int Concurrency { get; set; } = 8;
}
