using FocusMate.Core.Errors;
using FocusMate.Core.Timers;

namespace FocusMate.UnitTests.Timers;

public class TimerStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static PhasePlan Plan(int work = 25, int shortBreak = 5, int longBreak = 15, int interval = 4,
        bool autoBreak = true, bool autoWork = false) => new(work, shortBreak, longBreak, interval, autoBreak, autoWork);

    private static TimerState Idle(PhasePlan? plan = null) => TimerState.Initial(plan ?? Plan());

    [Fact]
    public void ANewTimerIsIdleWithAFullWorkPhaseAtVersionOne()
    {
        var timer = Idle();

        Assert.Equal(TimerStatus.Idle, timer.Status);
        Assert.Equal(SessionType.Work, timer.SessionType);
        Assert.Equal(1500, timer.DurationSeconds);
        Assert.Equal(TimeSpan.FromMinutes(25), timer.RemainingAt(T0));
        Assert.Null(timer.TargetAt);
        Assert.Equal(1, timer.Version);
    }

    [Fact]
    public void StartingFromIdleRunsWorkUntilNowPlusItsDuration()
    {
        var result = Idle().Start(Plan(), T0);

        Assert.Equal(TimerStatus.Running, result.State.Status);
        Assert.Equal(SessionType.Work, result.State.SessionType);
        Assert.Equal(T0.AddMinutes(25), result.State.TargetAt);
        Assert.Equal(T0, result.State.StartedAt);
        Assert.Equal(2, result.State.Version);
        Assert.Empty(result.FinishedPhases);
    }

    [Fact]
    public void StartingWithATypeRunsThatPhase()
    {
        var result = Idle().Start(Plan(), T0, SessionType.LongBreak);

        Assert.Equal(SessionType.LongBreak, result.State.SessionType);
        Assert.Equal(900, result.State.DurationSeconds);
        Assert.Equal(T0.AddMinutes(15), result.State.TargetAt);
    }

    [Fact]
    public void StartingARunningTimerIsRefusedAsAlreadyRunning()
    {
        var running = Idle().Start(Plan(), T0).State;

        var error = Assert.Throws<ConflictException>(() => running.Start(Plan(), T0.AddMinutes(1)));

        Assert.Equal(ErrorCodes.TimerAlreadyRunning, error.Code);
    }

    [Fact]
    public void StartingAPausedTimerIsRefusedAsAlreadyRunning()
    {
        var paused = Idle().Start(Plan(), T0).State.Pause(Plan(), T0.AddMinutes(1)).State;

        var error = Assert.Throws<ConflictException>(() => paused.Start(Plan(), T0.AddMinutes(2)));

        Assert.Equal(ErrorCodes.TimerAlreadyRunning, error.Code);
    }

    [Fact]
    public void PausingKeepsTheRemainingTimeToTheMillisecond()
    {
        var running = Idle().Start(Plan(), T0).State;

        var paused = running.Pause(Plan(), T0.AddMinutes(10).AddMilliseconds(250)).State;

        Assert.Equal(TimerStatus.Paused, paused.Status);
        Assert.Null(paused.TargetAt);
        Assert.Equal(14 * 60_000 + 59_750, paused.RemainingMilliseconds);
        Assert.Equal(TimeSpan.FromMilliseconds(899_750), paused.RemainingAt(T0.AddHours(3)));
        Assert.Equal(running.Version + 1, paused.Version);
    }

    [Theory]
    [InlineData(TimerStatus.Idle)]
    [InlineData(TimerStatus.Paused)]
    [InlineData(TimerStatus.Completed)]
    public void PausingATimerThatIsNotRunningIsRefused(TimerStatus status)
    {
        var timer = InStatus(status);

        var error = Assert.Throws<ConflictException>(() => timer.Pause(Plan(autoBreak: false), T0.AddHours(1)));

        Assert.Equal(ErrorCodes.TimerNotRunning, error.Code);
    }

    [Fact]
    public void ResumingSetsTheTargetToNowPlusWhatWasLeft()
    {
        var paused = Idle().Start(Plan(), T0).State.Pause(Plan(), T0.AddMinutes(10)).State;

        var resumed = paused.Resume(Plan(), T0.AddMinutes(40)).State;

        Assert.Equal(TimerStatus.Running, resumed.Status);
        Assert.Equal(T0.AddMinutes(55), resumed.TargetAt);
        Assert.Equal(T0, resumed.StartedAt);
    }

    [Fact]
    public void ResumingARunningTimerIsRefusedAsAlreadyRunning()
    {
        var running = Idle().Start(Plan(), T0).State;

        var error = Assert.Throws<ConflictException>(() => running.Resume(Plan(), T0));

        Assert.Equal(ErrorCodes.TimerAlreadyRunning, error.Code);
    }

    [Theory]
    [InlineData(TimerStatus.Idle)]
    [InlineData(TimerStatus.Completed)]
    public void ResumingATimerThatIsNotPausedIsRefusedAsNotRunning(TimerStatus status)
    {
        var timer = InStatus(status);

        var error = Assert.Throws<ConflictException>(() => timer.Resume(Plan(autoBreak: false), T0.AddHours(1)));

        Assert.Equal(ErrorCodes.TimerNotRunning, error.Code);
    }

    [Fact]
    public void ResettingARunningPhaseRecordsItAsInterruptedAndGoesBackToIdleWork()
    {
        var running = Idle().Start(Plan(), T0).State;

        var result = running.Reset(Plan(), T0.AddMinutes(10));

        Assert.Equal(TimerStatus.Idle, result.State.Status);
        Assert.Equal(SessionType.Work, result.State.SessionType);
        Assert.Equal(1500_000, result.State.RemainingMilliseconds);
        Assert.Equal(0, result.State.CompletedWorkSessions);
        var interrupted = Assert.Single(result.FinishedPhases);
        Assert.Equal(new FinishedPhase(SessionType.Work, T0, T0.AddMinutes(10), 1500, 600, SessionOutcome.Interrupted), interrupted);
    }

    [Fact]
    public void ResettingAPausedPhaseCountsOnlyTheTimeItRan()
    {
        var paused = Idle().Start(Plan(), T0).State.Pause(Plan(), T0.AddMinutes(5)).State;

        var result = paused.Reset(Plan(), T0.AddMinutes(50));

        Assert.Equal(300, Assert.Single(result.FinishedPhases).ActualSeconds);
    }

    [Fact]
    public void ResettingAnIdleTimerRecordsNothingButIsStillAChange()
    {
        var idle = Idle();

        var result = idle.Reset(Plan(), T0);

        Assert.Empty(result.FinishedPhases);
        Assert.Equal(idle.Version + 1, result.State.Version);
    }

    [Fact]
    public void ResettingClearsTheCycle()
    {
        var afterTwoWorks = RunWorkSessions(2, Plan(autoBreak: false));

        var reset = afterTwoWorks.Reset(Plan(autoBreak: false), T0.AddDays(1)).State;

        Assert.Equal(0, reset.CompletedWorkSessions);
    }

    [Fact]
    public void SkippingARunningWorkPhaseRecordsItAsSkippedAndStartsTheBreakFromNow()
    {
        var running = Idle().Start(Plan(), T0).State;

        var result = running.Skip(Plan(), T0.AddMinutes(20));

        var skipped = Assert.Single(result.FinishedPhases);
        Assert.Equal(SessionOutcome.Skipped, skipped.Outcome);
        Assert.Equal(1200, skipped.ActualSeconds);
        Assert.Equal(TimerStatus.Running, result.State.Status);
        Assert.Equal(SessionType.Break, result.State.SessionType);
        Assert.Equal(T0.AddMinutes(25), result.State.TargetAt);
        Assert.Equal(1, result.State.CompletedWorkSessions);
        Assert.Empty(result.Completions);
    }

    [Fact]
    public void SkippingAPausedPhaseMovesOnWithoutAutoStartWhenItIsOff()
    {
        var paused = Idle().Start(Plan(), T0).State.Pause(Plan(), T0.AddMinutes(3)).State;

        var result = paused.Skip(Plan(autoBreak: false), T0.AddMinutes(9));

        Assert.Equal(180, Assert.Single(result.FinishedPhases).ActualSeconds);
        Assert.Equal(TimerStatus.Completed, result.State.Status);
        Assert.Equal(SessionType.Break, result.State.SessionType);
        Assert.Equal(300_000, result.State.RemainingMilliseconds);
    }

    [Fact]
    public void SkippingACompletedTimerMovesPastThePendingPhaseWithoutRecordingIt()
    {
        var completed = InStatus(TimerStatus.Completed);
        Assert.Equal(SessionType.Break, completed.SessionType);

        var result = completed.Skip(Plan(autoBreak: false), T0.AddHours(1));

        Assert.Empty(result.FinishedPhases);
        Assert.Equal(TimerStatus.Completed, result.State.Status);
        Assert.Equal(SessionType.Work, result.State.SessionType);
    }

    [Fact]
    public void SkippingAnIdleTimerIsRefusedAsNotRunning()
    {
        var error = Assert.Throws<ConflictException>(() => Idle().Skip(Plan(), T0));

        Assert.Equal(ErrorCodes.TimerNotRunning, error.Code);
    }

    [Fact]
    public void NothingCompletesBeforeTheTarget()
    {
        var running = Idle().Start(Plan(), T0).State;

        var result = running.CompleteDue(Plan(), T0.AddMinutes(25).AddMilliseconds(-1));

        Assert.Equal(running, result.State);
        Assert.Empty(result.Completions);
    }

    [Fact]
    public void WorkCompletingAtItsTargetStartsTheBreakChainedFromThatExactTarget()
    {
        var running = Idle().Start(Plan(), T0).State;

        // The scheduler wakes a little late: the break still runs from the target, not from "now".
        var result = running.CompleteDue(Plan(), T0.AddMinutes(25).AddMilliseconds(730));

        Assert.Equal(new PhaseCompletion(SessionType.Work, SessionType.Break, true), Assert.Single(result.Completions));
        Assert.Equal(new FinishedPhase(SessionType.Work, T0, T0.AddMinutes(25), 1500, 1500, SessionOutcome.Completed),
            Assert.Single(result.FinishedPhases));
        Assert.Equal(TimerStatus.Running, result.State.Status);
        Assert.Equal(SessionType.Break, result.State.SessionType);
        Assert.Equal(T0.AddMinutes(25), result.State.StartedAt);
        Assert.Equal(T0.AddMinutes(30), result.State.TargetAt);
        Assert.Equal(1, result.State.CompletedWorkSessions);
        Assert.Equal(running.Version + 1, result.State.Version);
    }

    [Fact]
    public void WorkCompletingWithoutAutoStartLeavesTheBreakWaiting()
    {
        var running = Idle().Start(Plan(autoBreak: false), T0).State;

        var result = running.CompleteDue(Plan(autoBreak: false), T0.AddMinutes(26));

        Assert.Equal(new PhaseCompletion(SessionType.Work, SessionType.Break, false), Assert.Single(result.Completions));
        Assert.Equal(TimerStatus.Completed, result.State.Status);
        Assert.Equal(SessionType.Break, result.State.SessionType);
        Assert.Equal(300, result.State.DurationSeconds);
        Assert.Null(result.State.TargetAt);
        Assert.Null(result.State.StartedAt);
    }

    [Fact]
    public void StartingACompletedTimerRunsThePhaseThatIsNext()
    {
        var completed = InStatus(TimerStatus.Completed);

        var result = completed.Start(Plan(), T0.AddHours(2));

        Assert.Equal(SessionType.Break, result.State.SessionType);
        Assert.Equal(T0.AddHours(2).AddMinutes(5), result.State.TargetAt);
    }

    [Fact]
    public void ABreakEndingWithoutAutoStartWorkWaitsForTheNextWorkSession()
    {
        var running = Idle().Start(Plan(), T0).State;

        var result = running.CompleteDue(Plan(), T0.AddMinutes(31));

        Assert.Equal(2, result.Completions.Count);
        Assert.Equal(new PhaseCompletion(SessionType.Break, SessionType.Work, false), result.Completions[1]);
        Assert.Equal(TimerStatus.Completed, result.State.Status);
        Assert.Equal(SessionType.Work, result.State.SessionType);
        Assert.Equal(1, result.State.CompletedWorkSessions);
    }

    [Fact]
    public void EveryNthWorkSessionIsFollowedByALongBreakWhichStartsANewCycle()
    {
        var plan = Plan(interval: 3, autoBreak: true, autoWork: true);
        var running = Idle(plan).Start(plan, T0).State;

        // Work, break, work, break, work: the third work session ends at minute 85 and the long break follows.
        var atLongBreak = running.CompleteDue(plan, T0.AddMinutes(85)).State;
        var afterLongBreak = atLongBreak.CompleteDue(plan, T0.AddMinutes(100)).State;

        Assert.Equal(SessionType.LongBreak, atLongBreak.SessionType);
        Assert.Equal(3, atLongBreak.CompletedWorkSessions);
        Assert.Equal(T0.AddMinutes(100), atLongBreak.TargetAt);
        Assert.Equal(SessionType.Work, afterLongBreak.SessionType);
        Assert.Equal(0, afterLongBreak.CompletedWorkSessions);
        Assert.Equal(T0.AddMinutes(125), afterLongBreak.TargetAt);
    }

    [Fact]
    public void ALongBreakIntervalOfOneMakesEveryBreakLong()
    {
        var plan = Plan(interval: 1);
        var running = Idle(plan).Start(plan, T0).State;

        var result = running.CompleteDue(plan, T0.AddMinutes(25));

        Assert.Equal(SessionType.LongBreak, result.State.SessionType);
    }

    [Fact]
    public void SkippedWorkSessionsCountTowardsTheLongBreak()
    {
        var plan = Plan(interval: 2, autoBreak: false);
        var timer = Idle(plan).Start(plan, T0).State;

        timer = timer.Skip(plan, T0.AddMinutes(1)).State;   // work 1 skipped → break waiting
        timer = timer.Skip(plan, T0.AddMinutes(2)).State;   // pending break skipped → work waiting
        timer = timer.Start(plan, T0.AddMinutes(3)).State;  // work 2
        timer = timer.Skip(plan, T0.AddMinutes(4)).State;

        Assert.Equal(SessionType.LongBreak, timer.SessionType);
    }

    [Fact]
    public void AServerDownForHoursCatchesUpToTheStateItWouldHaveReachedRunning()
    {
        var plan = Plan(work: 25, shortBreak: 5, longBreak: 15, interval: 4, autoBreak: true, autoWork: true);
        var running = Idle(plan).Start(plan, T0).State;

        // One cycle is 4 × 25 + 3 × 5 + 15 = 130 minutes; 140 minutes in, the 5th work session has run 10 minutes.
        var result = running.CompleteDue(plan, T0.AddMinutes(140));

        Assert.Equal(8, result.Completions.Count);
        Assert.Equal(8, result.FinishedPhases.Count);
        Assert.All(result.FinishedPhases, p => Assert.Equal(SessionOutcome.Completed, p.Outcome));
        Assert.Equal(SessionType.Work, result.State.SessionType);
        Assert.Equal(T0.AddMinutes(130), result.State.StartedAt);
        Assert.Equal(T0.AddMinutes(155), result.State.TargetAt);
        Assert.Equal(0, result.State.CompletedWorkSessions);
        Assert.Equal(running.Version + 1, result.State.Version);
        Assert.Equal(TimeSpan.FromMinutes(15), result.State.RemainingAt(T0.AddMinutes(140)));
    }

    [Fact]
    public void ACommandAfterAMissedTargetFirstCompletesThePhase()
    {
        var running = Idle().Start(Plan(autoBreak: false), T0).State;

        var result = running.Start(Plan(autoBreak: false), T0.AddMinutes(30));

        Assert.Equal(SessionOutcome.Completed, Assert.Single(result.FinishedPhases).Outcome);
        Assert.Single(result.Completions);
        Assert.Equal(SessionType.Break, result.State.SessionType);
        Assert.Equal(T0.AddMinutes(35), result.State.TargetAt);
        Assert.Equal(running.Version + 1, result.State.Version);
    }

    [Fact]
    public void NewSettingsChangeAnIdleTimerAtOnce()
    {
        var idle = Idle();

        var changed = idle.WithPlan(Plan(work: 50));

        Assert.Equal(3000, changed.DurationSeconds);
        Assert.Equal(3000_000, changed.RemainingMilliseconds);
        Assert.Equal(idle.Version + 1, changed.Version);
    }

    [Fact]
    public void NewSettingsLeaveARunningPhaseAloneAndApplyFromTheNextPhase()
    {
        var running = Idle().Start(Plan(), T0).State;

        var unchanged = running.WithPlan(Plan(shortBreak: 10));
        var next = unchanged.CompleteDue(Plan(shortBreak: 10), T0.AddMinutes(25)).State;

        Assert.Same(running, unchanged);
        Assert.Equal(T0.AddMinutes(35), next.TargetAt);
    }

    [Fact]
    public void SettingsThatChangeNothingKeepTheVersion()
    {
        var idle = Idle();

        Assert.Same(idle, idle.WithPlan(Plan(shortBreak: 9)));
    }

    private static TimerState InStatus(TimerStatus status) => status switch
    {
        TimerStatus.Idle => Idle(),
        TimerStatus.Running => Idle().Start(Plan(), T0).State,
        TimerStatus.Paused => Idle().Start(Plan(), T0).State.Pause(Plan(), T0.AddMinutes(1)).State,
        _ => Idle(Plan(autoBreak: false)).Start(Plan(autoBreak: false), T0).State.CompleteDue(Plan(autoBreak: false), T0.AddMinutes(25)).State,
    };

    private static TimerState RunWorkSessions(int count, PhasePlan plan)
    {
        var timer = Idle(plan);
        var now = T0;
        for (var i = 0; i < count; i++)
        {
            timer = timer.Start(plan, now, SessionType.Work).State;
            now = now.AddMinutes(plan.WorkMinutes);
            timer = timer.CompleteDue(plan, now).State;
        }

        return timer;
    }
}
