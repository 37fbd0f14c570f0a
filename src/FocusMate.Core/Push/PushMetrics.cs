using System.Diagnostics.Metrics;
using FocusMate.Core.Telemetry;

namespace FocusMate.Core.Push;

/// <summary>Pushes of phase ends by outcome, and how long after the phase ended the push service had them.</summary>
public sealed class PushMetrics
{
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _delay;

    public PushMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(FocusMateTelemetry.MeterName);
        _deliveries = meter.CreateCounter<long>("focusmate.push.deliveries", "{push}", "Phase-end pushes, by outcome (delivered, gone, failed).");
        _delay = meter.CreateHistogram<double>("focusmate.push.delay", "s", "From a phase's end to its push accepted by the push service.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30] });
        foreach (var outcome in Enum.GetValues<PushDelivery>())
        {
            _deliveries.Add(0, Tag(outcome));
        }
    }

    public void Sent(PushDelivery outcome, TimeSpan sinceEnd)
    {
        _deliveries.Add(1, Tag(outcome));
        if (outcome == PushDelivery.Delivered)
        {
            _delay.Record(Math.Max(0, sinceEnd.TotalSeconds));
        }
    }

    private static KeyValuePair<string, object?> Tag(PushDelivery outcome) => new("outcome", outcome.ToString().ToLowerInvariant());
}
