namespace FocusMate.Core.Timers;

/// <summary>The outcome of a command: the new state, the phases that finished and the completions on the way.</summary>
public sealed record TimerTransition(
    TimerState State,
    IReadOnlyList<FinishedPhase> FinishedPhases,
    IReadOnlyList<PhaseCompletion> Completions)
{
    public bool Changed(TimerState before) => State.Version != before?.Version;

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
            : new(State, [.. FinishedPhases.TakeLast(historyLimit)], [.. Completions.TakeLast(1)]);

    internal TimerTransition Then(TimerState next, FinishedPhase? finished = null) =>
        new(next, finished is null ? FinishedPhases : [.. FinishedPhases, finished], Completions);
}
