using FocusMate.Core.Timers;

namespace FocusMate.UnitTests.Timers;

/// <summary>The work runs a timer change ends: what the statistics per person are drawn from.</summary>
public class WorkRunTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static PhasePlan Plan(bool autoBreak = true, bool autoWork = false) => new(25, 5, 15, 4, autoBreak, autoWork);

    private static TimerState Running(PhasePlan plan) => TimerState.Initial(plan).Start(plan, T0).State;

    private static IReadOnlyList<WorkRun> Ended(TimerState before, Func<TimerState, TimerTransition> change, DateTimeOffset now) =>
        change(before).WithWorkRunsFrom(before, now).WorkRuns;

    [Fact]
    public void APauseEndsTheRunAndTheNextPauseEndsTheOneFromTheResume()
    {
        var plan = Plan();
        var running = Running(plan);
        var pausedAt = T0.AddMinutes(10);
        var paused = running.Pause(plan, pausedAt).State;
        var resumed = paused.Resume(plan, T0.AddMinutes(15)).State;

        Assert.Equal([new WorkRun(T0, pausedAt)], Ended(running, s => s.Pause(plan, pausedAt), pausedAt));
        Assert.Empty(Ended(paused, s => s.Resume(plan, T0.AddMinutes(15)), T0.AddMinutes(15)));
        Assert.Equal(T0.AddMinutes(15), resumed.WorkRunSince);
        Assert.Equal([new WorkRun(T0.AddMinutes(15), T0.AddMinutes(20))], Ended(resumed, s => s.Pause(plan, T0.AddMinutes(20)), T0.AddMinutes(20)));
    }

    [Fact]
    public void ACompletionNoticedLateEndsTheRunAtTheTargetAndABreakIsNoRun()
    {
        var plan = Plan();
        var running = Running(plan);
        var late = T0.AddMinutes(27);

        var runs = Ended(running, s => s.CompleteDue(plan, late), late);

        Assert.Equal([new WorkRun(T0, T0.AddMinutes(25))], runs);
    }

    [Fact]
    public void ACatchUpEndsEveryWorkPhaseThatStartedByItself()
    {
        var plan = Plan(autoBreak: true, autoWork: true);
        var resumed = Running(plan).Pause(plan, T0.AddMinutes(5)).State.Resume(plan, T0.AddMinutes(10)).State; // target 09:30
        var now = T0.AddMinutes(30 + 5 + 25 + 2); // work to 09:30, break to 09:35, work to 10:00, into the break

        var runs = Ended(resumed, s => s.CompleteDue(plan, now), now);

        Assert.Equal([new WorkRun(T0.AddMinutes(10), T0.AddMinutes(30)), new WorkRun(T0.AddMinutes(35), T0.AddMinutes(60))], runs);
    }

    [Fact]
    public void PausingWorkThatStartedByItselfDuringACatchUpEndsItsRunNow()
    {
        var plan = Plan(autoBreak: true, autoWork: true);
        var onBreak = Running(plan).CompleteDue(plan, T0.AddMinutes(25)).State; // break to 09:30, then work by itself
        var now = T0.AddMinutes(40);

        var runs = Ended(onBreak, s => s.Pause(plan, now), now);

        Assert.Equal([new WorkRun(T0.AddMinutes(30), now)], runs);
    }

    [Fact]
    public void ResettingOrSkippingRunningWorkEndsItsRunButAPausedPhaseRanNoMore()
    {
        var plan = Plan();
        var running = Running(plan);
        var paused = running.Pause(plan, T0.AddMinutes(10)).State;
        var now = T0.AddMinutes(12);

        Assert.Equal([new WorkRun(T0, now)], Ended(running, s => s.Reset(plan, now), now));
        Assert.Equal([new WorkRun(T0, now)], Ended(running, s => s.Skip(plan, now), now));
        Assert.Empty(Ended(paused, s => s.Reset(plan, now), now));
        Assert.Empty(Ended(paused, s => s.Skip(plan, now), now));
    }

    [Fact]
    public void RunsNotOnRecordYetAreTheOneUnderWayAndThoseADueCompletionWouldEnd()
    {
        var plan = Plan(autoBreak: true, autoWork: true);
        var running = Running(plan);

        Assert.Equal([new WorkRun(T0, T0.AddMinutes(10))], running.WorkRunsUntil(plan, T0.AddMinutes(10)));
        // Due at 09:25 but not completed yet; the break ran to 09:30 and work since then.
        Assert.Equal([new WorkRun(T0, T0.AddMinutes(25)), new WorkRun(T0.AddMinutes(30), T0.AddMinutes(32))],
            running.WorkRunsUntil(plan, T0.AddMinutes(32)));
        Assert.Empty(running.Pause(plan, T0.AddMinutes(10)).State.WorkRunsUntil(plan, T0.AddMinutes(20)));
    }
}
