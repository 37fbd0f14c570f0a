namespace FocusMate.Core.Scaling;

/// <summary>
/// Notices between the API instances of one deployment (a target changed, close these connections).
/// A single process has nobody to tell; with Redis configured, every other instance hears each notice.
/// An instance never hears its own notices: it acts on them directly.
/// </summary>
public interface IInstanceBus
{
    /// <summary>Sends a notice to the other instances; never throws (a lost notice is covered by a rescan).</summary>
    void Publish(string topic, string message);

    /// <summary>Calls <paramref name="handler"/> with each notice other instances publish on the topic.</summary>
    Task SubscribeAsync(string topic, Action<string> handler);

    /// <summary>
    /// Raised when the link to the other instances came back after an outage: notices (and events) sent
    /// meanwhile were lost, so whoever depends on them puts things right. Never raised for one process.
    /// </summary>
    event EventHandler? Restored;
}
