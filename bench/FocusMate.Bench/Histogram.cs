using HdrHistogram;

namespace FocusMate.Bench;

/// <summary>Percentiles of a latency in milliseconds.</summary>
internal sealed record Percentiles(long Count, double P50, double P90, double P95, double P99, double P999, double Max, double Mean);

/// <summary>An HdrHistogram of microseconds (1 µs to 10 min, 3 digits) that many receive loops can record into.</summary>
internal sealed class LatencyRecorder
{
    private readonly LongHistogram _histogram = new(1, 600_000_000, 3);
    private readonly Lock _gate = new();

    public void RecordTicks(long ticks)
    {
        var micros = Math.Clamp((long)Clock.ToMicros(ticks), 1, 600_000_000);
        lock (_gate)
        {
            _histogram.RecordValue(micros);
        }
    }

    public void RecordMillis(double millis) => RecordTicks(Clock.FromSeconds(millis / 1000.0));

    public Percentiles Summary()
    {
        lock (_gate)
        {
            var h = _histogram;
            return h.TotalCount == 0
                ? new Percentiles(0, 0, 0, 0, 0, 0, 0, 0)
                : new Percentiles(h.TotalCount, Ms(h.GetValueAtPercentile(50)), Ms(h.GetValueAtPercentile(90)),
                    Ms(h.GetValueAtPercentile(95)), Ms(h.GetValueAtPercentile(99)), Ms(h.GetValueAtPercentile(99.9)),
                    Ms(h.GetMaxValue()), Math.Round(h.GetMean() / 1000.0, 3));
        }
    }

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
}
