using System.Diagnostics;

namespace FocusMate.Core.Telemetry;

/// <summary>
/// The names FocusMate's own instruments and traces go by. Every part makes its instruments from the app's
/// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> under <see cref="MeterName"/>; docs/operations.md lists them.
/// </summary>
public static class FocusMateTelemetry
{
    public const string MeterName = "FocusMate";

    public const string SourceName = "FocusMate";

    /// <summary>Spans of work no request starts (a scheduler pass completing a phase).</summary>
    public static readonly ActivitySource Source = new(SourceName);
}
