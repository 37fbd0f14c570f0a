namespace FocusMate.Api.Hosting;

/// <summary>Limits of the HTTP API and the hub (configuration section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The largest request body accepted, in bytes; larger ones get 413 PAYLOAD_TOO_LARGE.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>The largest hub message accepted, in bytes; a larger one closes that connection.</summary>
    public long MaxHubMessageBytes { get; set; } = 16 * 1024;
}
