namespace FocusMate.Core.Timers;

public static class TimerCommandExtensions
{
    /// <summary>Applies the command to <paramref name="state"/> under <paramref name="plan"/> at <paramref name="now"/>.</summary>
    public static TimerTransition ApplyTo(this TimerCommand command, TimerState state, PhasePlan plan, DateTimeOffset now,
        SessionType? sessionType = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return command switch
        {
            TimerCommand.Start => state.Start(plan, now, sessionType),
            TimerCommand.Pause => state.Pause(plan, now),
            TimerCommand.Resume => state.Resume(plan, now),
            TimerCommand.Reset => state.Reset(plan, now),
            TimerCommand.Skip => state.Skip(plan, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown timer command."),
        };
    }
}
