namespace FocusMate.Api.Hosting;

/// <summary>Limits of the HTTP API and the hub (configuration section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The largest request body accepted, in bytes; larger ones get 413 PAYLOAD_TOO_LARGE.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>The largest hub message accepted, in bytes; a larger one closes that connection.</summary>
    public long MaxHubMessageBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// How much may wait to be sent to one hub client; a client that lets this much pile up (it stopped
    /// reading) is cut off so that nobody waits for it. Larger than the largest message (a snapshot with a
    /// hundred long chat messages is about 200 KB).
    /// </summary>
    public long HubSendBufferBytes { get; set; } = 1024 * 1024;

    /// <summary>A single send to a hub client that the network takes longer than this to accept closes that connection.</summary>
    public TimeSpan HubSendTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
