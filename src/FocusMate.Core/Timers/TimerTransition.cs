namespace FocusMate.Core.Timers;

/// <summary>The outcome of a command: the new state, the phases that finished and the completions on the way.</summary>
public sealed record TimerTransition(
    TimerState State,
    IReadOnlyList<FinishedPhase> FinishedPhases,
    IReadOnlyList<PhaseCompletion> Completions)
{
    public bool Changed(TimerState before) => State.Version != before?.Version;

    /// <summary>The work runs this change ended, oldest first (see <see cref="WithWorkRunsFrom"/>); stored with the change.</summary>
    public IReadOnlyList<WorkRun> WorkRuns { get; init; } = [];

    /// <summary>
    /// This change from <paramref name="before"/>, made at <paramref name="now"/>, with the work runs it ended: the run
    /// under way before (at its target when it completed, else now), every auto-started work phase it completed on the
    /// way, and a run it paused. A run still going on after the change is not ended.
    /// </summary>
    public TimerTransition WithWorkRunsFrom(TimerState before, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(before);
        var runs = FinishedRuns(before);
        if (PausedRun(before, now) is { } paused)
        {
            runs.Add(paused);
        }

        return this with { WorkRuns = runs };
    }

    /// <summary>
    /// The runs of the work phases that finished: the first finished phase is the one under way before (running or
    /// paused); the later ones ran from the moment the phase before them ended (they started by themselves), without a pause.
    /// </summary>
    private List<WorkRun> FinishedRuns(TimerState before)
    {
        var underWay = before.Status is TimerStatus.Running or TimerStatus.Paused;
        var runs = new List<WorkRun>();
        for (var i = 0; i < FinishedPhases.Count; i++)
        {
            var phase = FinishedPhases[i];
            var since = i == 0 && underWay ? before.WorkRunSince : phase.StartedAt;
            if (phase.Type == SessionType.Work && since < phase.EndedAt)
            {
                runs.Add(new WorkRun(since.Value, phase.EndedAt));
            }
        }

        return runs;
    }

    /// <summary>Work this change paused: it ran up to now since it was resumed, or since it started by itself after the last phase that finished.</summary>
    private WorkRun? PausedRun(TimerState before, DateTimeOffset now)
    {
        if (State.Status != TimerStatus.Paused || State.SessionType != SessionType.Work || !before.IsRunning)
        {
            return null;
        }

        var since = FinishedPhases.Count > 0 ? FinishedPhases[^1].EndedAt : before.WorkRunSince;
        return since < now ? new WorkRun(since.Value, now) : null;
    }

    /// <summary>
    /// The completions with the instant each phase ended. Every completion finished a phase with the outcome
    /// <c>completed</c> at its target, in the same order, so they pair up from the last one back.
    /// </summary>
    public IReadOnlyList<PhaseEnd> Ends()
    {
        var instants = FinishedPhases.Where(p => p.Outcome == SessionOutcome.Completed).Select(p => p.EndedAt).TakeLast(Completions.Count).ToList();
        var skip = Completions.Count - instants.Count;
        return [.. Completions.Skip(skip).Select((completion, i) => new PhaseEnd(completion, instants[i]))];
    }

    /// <summary>
    /// A room that fell many phases behind (the server was down for days) jumps to its current phase with
    /// the latest <paramref name="historyLimit"/> finished phases on record and one announced completion,
    /// the last: nobody wants hundreds of chimes, and the history of a timer nobody watched is not worth
    /// thousands of rows.
    /// </summary>
    public TimerTransition Bounded(int historyLimit) =>
        FinishedPhases.Count <= historyLimit && Completions.Count <= 1
            ? this
            : new(State, [.. FinishedPhases.TakeLast(historyLimit)], [.. Completions.TakeLast(1)]) { WorkRuns = [.. WorkRuns.TakeLast(historyLimit)] };

    internal TimerTransition Then(TimerState next, FinishedPhase? finished = null) =>
        new(next, finished is null ? FinishedPhases : [.. FinishedPhases, finished], Completions);
}
