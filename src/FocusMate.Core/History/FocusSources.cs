using FocusMate.Core.Timers;

namespace FocusMate.Core.History;

/// <summary>
/// What the focus per person is drawn from: when each participant was ready to focus (stretches that ended, and those
/// still open) and the room's work runs.
/// </summary>
public sealed record FocusSources(IReadOnlyList<FocusInterval> Ready, IReadOnlyList<FocusOpening> Open, IReadOnlyList<WorkRun> Runs);
