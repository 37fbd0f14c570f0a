using FocusMate.Core.Errors;

namespace FocusMate.Core.Timers;

/// <summary>
/// A room's timer and every rule of how it moves: a pure value. Each command takes the plan and
/// the current instant and returns the next state with what finished on the way; nothing here
/// reads a clock or a database.
/// </summary>
/// <param name="Status">Where the timer stands.</param>
/// <param name="SessionType">The current phase (when completed: the phase that is next).</param>
/// <param name="DurationSeconds">The full length of the current phase.</param>
/// <param name="RemainingMilliseconds">Time left when not running; when running, time left as of <paramref name="StartedAt"/>-based target.</param>
/// <param name="TargetAt">The instant the running phase ends; null unless running.</param>
/// <param name="StartedAt">When the current phase started; null when idle or completed.</param>
/// <param name="CompletedWorkSessions">Work sessions done in the current cycle (reset by a long break).</param>
/// <param name="Version">Increases by one with every change.</param>
public sealed record TimerState(
    TimerStatus Status,
    SessionType SessionType,
    int DurationSeconds,
    long RemainingMilliseconds,
    DateTimeOffset? TargetAt,
    DateTimeOffset? StartedAt,
    int CompletedWorkSessions,
    long Version)
{
    /// <summary>The timer of a new room: idle, a full work phase ahead.</summary>
    public static TimerState Initial(PhasePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var work = plan.DurationOf(SessionType.Work);
        return new TimerState(TimerStatus.Idle, SessionType.Work, (int)work.TotalSeconds,
            (long)work.TotalMilliseconds, null, null, 0, 1);
    }

    public bool IsRunning => Status == TimerStatus.Running;

    /// <summary>
    /// When the work now running was started or resumed (the target less what was left then); null unless a work phase
    /// runs.
    /// </summary>
    public DateTimeOffset? WorkRunSince => IsRunning && SessionType == SessionType.Work && TargetAt is { } target
        ? target.AddMilliseconds(-RemainingMilliseconds)
        : null;

    /// <summary>
    /// The work runs as of <paramref name="now"/> that are not on record yet: those a completion that is due would end,
    /// and the one under way, up to <paramref name="now"/>.
    /// </summary>
    public IReadOnlyList<WorkRun> WorkRunsUntil(PhasePlan plan, DateTimeOffset now)
    {
        var due = CompleteDue(plan, now).WithWorkRunsFrom(this, now);
        return due.State.WorkRunSince is { } since && now > since ? [.. due.WorkRuns, new WorkRun(since, now)] : due.WorkRuns;
    }

    /// <summary>Time left as seen at <paramref name="now"/>.</summary>
    public TimeSpan RemainingAt(DateTimeOffset now) => TargetAt is { } target && IsRunning
        ? Max(target - now, TimeSpan.Zero)
        : TimeSpan.FromMilliseconds(RemainingMilliseconds);

    /// <summary>Starts a phase from idle or completed: the given type, or the one that is next.</summary>
    public TimerTransition Start(PhasePlan plan, DateTimeOffset now, SessionType? sessionType = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var caughtUp = CompleteDue(plan, now);
        var state = caughtUp.State;
        if (state.Status is TimerStatus.Running or TimerStatus.Paused)
        {
            throw new ConflictException(ErrorCodes.TimerAlreadyRunning,
                state.IsRunning ? "The timer is already running." : "The timer is paused: resume it instead.");
        }

        var started = state.RunPhase(sessionType ?? state.SessionType, plan, now);
        return caughtUp.Then(started with { Version = Version + 1 });
    }

    /// <summary>Pauses the running phase, keeping what is left to the millisecond.</summary>
    public TimerTransition Pause(PhasePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var caughtUp = CompleteDue(plan, now);
        var state = caughtUp.State;
        if (!state.IsRunning)
        {
            throw new ConflictException(ErrorCodes.TimerNotRunning, "The timer is not running.");
        }

        var paused = state with
        {
            Status = TimerStatus.Paused,
            RemainingMilliseconds = (long)state.RemainingAt(now).TotalMilliseconds,
            TargetAt = null,
            Version = Version + 1,
        };
        return caughtUp.Then(paused);
    }

    /// <summary>Resumes a paused phase: the target is now plus what was left.</summary>
    public TimerTransition Resume(PhasePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var caughtUp = CompleteDue(plan, now);
        var state = caughtUp.State;
        if (state.Status != TimerStatus.Paused)
        {
            throw state.IsRunning
                ? new ConflictException(ErrorCodes.TimerAlreadyRunning, "The timer is already running.")
                : new ConflictException(ErrorCodes.TimerNotRunning, "The timer is not paused: there is nothing to resume.");
        }

        var resumed = state with
        {
            Status = TimerStatus.Running,
            TargetAt = now.AddMilliseconds(state.RemainingMilliseconds),
            Version = Version + 1,
        };
        return caughtUp.Then(resumed);
    }

    /// <summary>Back to idle and a full work phase; a phase cut short is recorded as interrupted.</summary>
    public TimerTransition Reset(PhasePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var caughtUp = CompleteDue(plan, now);
        var state = caughtUp.State;
        var interrupted = state.FinishAt(now, SessionOutcome.Interrupted);
        var idle = Initial(plan) with { Version = Version + 1 };
        return caughtUp.Then(idle, interrupted);
    }

    /// <summary>Ends the current phase now (recorded as skipped) and moves on as a completion would.</summary>
    public TimerTransition Skip(PhasePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var caughtUp = CompleteDue(plan, now);
        var state = caughtUp.State;
        if (state.Status == TimerStatus.Idle)
        {
            throw new ConflictException(ErrorCodes.TimerNotRunning, "The timer has not started: there is nothing to skip.");
        }

        // A completed timer holds a phase that never ran: moving past it records nothing.
        var skipped = state.FinishAt(now, SessionOutcome.Skipped);
        var next = state.Advance(plan, now) with { Version = Version + 1 };
        return caughtUp.Then(next, skipped);
    }

    /// <summary>
    /// Completes every phase whose target lies at or before <paramref name="now"/>. An auto-started
    /// phase is chained from the exact previous target, so a server that was down catches up to the
    /// same state it would have reached running.
    /// </summary>
    public TimerTransition CompleteDue(PhasePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var state = this;
        var finished = new List<FinishedPhase>();
        var completions = new List<PhaseCompletion>();
        while (state.IsRunning && state.TargetAt is { } target && target <= now)
        {
            finished.Add(state.FinishAt(target, SessionOutcome.Completed)!);
            var next = state.Advance(plan, target);
            completions.Add(new PhaseCompletion(state.SessionType, next.SessionType, next.IsRunning));
            state = next;
        }

        var version = completions.Count == 0 ? Version : Version + 1;
        return new TimerTransition(state with { Version = version }, finished, completions);
    }

    /// <summary>Applies changed settings to a phase that has not started; a running or paused phase keeps its length.</summary>
    public TimerState WithPlan(PhasePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (Status is TimerStatus.Running or TimerStatus.Paused)
        {
            return this;
        }

        var duration = plan.DurationOf(SessionType);
        var pending = this with
        {
            DurationSeconds = (int)duration.TotalSeconds,
            RemainingMilliseconds = (long)duration.TotalMilliseconds,
        };
        return pending == this ? this : pending with { Version = Version + 1 };
    }

    private TimerState RunPhase(SessionType type, PhasePlan plan, DateTimeOffset from)
    {
        var duration = plan.DurationOf(type);
        return this with
        {
            Status = TimerStatus.Running,
            SessionType = type,
            DurationSeconds = (int)duration.TotalSeconds,
            RemainingMilliseconds = (long)duration.TotalMilliseconds,
            TargetAt = from + duration,
            StartedAt = from,
        };
    }

    /// <summary>The phase after this one, as of <paramref name="endedAt"/> (the exact target when it ran out).</summary>
    private TimerState Advance(PhasePlan plan, DateTimeOffset endedAt)
    {
        var workDone = SessionType == SessionType.Work ? CompletedWorkSessions + 1 : CompletedWorkSessions;
        var next = SessionType switch
        {
            SessionType.Work when workDone >= plan.LongBreakInterval => SessionType.LongBreak,
            SessionType.Work => SessionType.Break,
            _ => SessionType.Work,
        };
        var cycle = SessionType == SessionType.LongBreak ? 0 : workDone;
        var between = this with { CompletedWorkSessions = cycle };
        if (plan.AutoStarts(next))
        {
            return between.RunPhase(next, plan, endedAt);
        }

        var duration = plan.DurationOf(next);
        return between with
        {
            Status = TimerStatus.Completed,
            SessionType = next,
            DurationSeconds = (int)duration.TotalSeconds,
            RemainingMilliseconds = (long)duration.TotalMilliseconds,
            TargetAt = null,
            StartedAt = null,
        };
    }

    /// <summary>The history record of the current phase ending at <paramref name="endedAt"/>; null when no phase is under way.</summary>
    private FinishedPhase? FinishAt(DateTimeOffset endedAt, SessionOutcome outcome)
    {
        if (Status is not (TimerStatus.Running or TimerStatus.Paused) || StartedAt is not { } startedAt)
        {
            return null;
        }

        var remaining = outcome == SessionOutcome.Completed ? TimeSpan.Zero : RemainingAt(endedAt);
        var actual = TimeSpan.FromSeconds(DurationSeconds) - remaining;
        return new FinishedPhase(SessionType, startedAt, endedAt, DurationSeconds,
            (int)Math.Round(actual.TotalSeconds, MidpointRounding.AwayFromZero), outcome);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
