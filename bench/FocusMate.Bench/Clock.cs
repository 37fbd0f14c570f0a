using System.Diagnostics;

namespace FocusMate.Bench;

/// <summary>One monotonic clock for every send and receive (Stopwatch ticks), so latencies are on the same clock.</summary>
internal static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double ToMicros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    public static double ToMillis(long ticks) => ticks * 1_000.0 / Stopwatch.Frequency;

    public static long FromSeconds(double seconds) => (long)(seconds * Stopwatch.Frequency);

    public static double SecondsSince(long start) => (Now - start) / (double)Stopwatch.Frequency;
}
