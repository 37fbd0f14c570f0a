using System.Diagnostics.Metrics;
using FocusMate.Core.Telemetry;

namespace FocusMate.Core.Timers;

/// <summary>Timer commands by type and outcome, phase completions, and how late the scheduler completes a phase.</summary>
public sealed class TimerMetrics
{
    private readonly Counter<long> _commands;
    private readonly Counter<long> _completions;
    private readonly Histogram<double> _lateness;

    public TimerMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(FocusMateTelemetry.MeterName);
        _commands = meter.CreateCounter<long>("focusmate.timer.commands", "{command}", "Timer commands, by command and outcome (applied or refused).");
        _completions = meter.CreateCounter<long>("focusmate.phase.completions", "{phase}", "Phases that ran to their target, by the type that ended.");
        _lateness = meter.CreateHistogram<double>("focusmate.scheduler.lateness", "s", "How long after its target a phase was completed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        // Every series exists from the start at 0, so Prometheus's rate() sees the first command and completion.
        foreach (var command in Enum.GetValues<TimerCommand>())
        {
            _commands.Add(0, Tags(command, applied: true));
            _commands.Add(0, Tags(command, applied: false));
        }

        foreach (var type in Enum.GetValues<SessionType>())
        {
            _completions.Add(0, Tag(type));
        }
    }

    public void Command(TimerCommand command, bool applied) => _commands.Add(1, Tags(command, applied));

    public void Completed(SessionType ended, TimeSpan lateness)
    {
        _completions.Add(1, Tag(ended));
        _lateness.Record(Math.Max(0, lateness.TotalSeconds));
    }

    private static KeyValuePair<string, object?>[] Tags(TimerCommand command, bool applied) =>
        [new("command", Name(command)), new("outcome", applied ? "applied" : "refused")];

    private static KeyValuePair<string, object?> Tag(SessionType type) => new("session_type", type switch
    {
        SessionType.Work => "work",
        SessionType.Break => "break",
        _ => "long_break",
    });

    private static string Name(TimerCommand command) => command switch
    {
        TimerCommand.Start => "start",
        TimerCommand.Pause => "pause",
        TimerCommand.Resume => "resume",
        TimerCommand.Reset => "reset",
        _ => "skip",
    };
}
