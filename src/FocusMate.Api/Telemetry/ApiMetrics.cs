using System.Diagnostics.Metrics;
using FocusMate.Api.Hubs;
using FocusMate.Api.RateLimiting;
using FocusMate.Core.Telemetry;

namespace FocusMate.Api.Telemetry;

/// <summary>
/// The API's own instruments: rate-limit refusals by policy, requests shed with 503 <c>SERVICE_BUSY</c>, slow hub
/// clients cut off, the rooms and participants connected to this instance, and readiness.
/// </summary>
public sealed class ApiMetrics
{
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _shed;
    private readonly Counter<long> _cut;

    public ApiMetrics(IMeterFactory meters, RoomConnections connections, ReadinessProbe readiness)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(connections);
        var meter = meters.Create(FocusMateTelemetry.MeterName);
        _rejections = meter.CreateCounter<long>("focusmate.rate_limit.rejections", "{request}", "Requests and hub calls refused by a rate limit, by policy.");
        _shed = meter.CreateCounter<long>("focusmate.requests.shed", "{request}", "Requests and hub calls answered 503 SERVICE_BUSY to shed load.");
        _cut = meter.CreateCounter<long>("focusmate.hub.clients_cut", "{connection}", "Hub clients cut off because they stopped reading.");
        meter.CreateObservableGauge("focusmate.rooms.active", () => connections.RoomCount, "{room}", "Rooms with a hub connection to this instance.");
        meter.CreateObservableGauge("focusmate.participants.connected", () => connections.ParticipantCount, "{participant}",
            "Participants with a hub connection to this instance.");
        // Every series exists from the start at 0, so Prometheus's rate() sees the first event and a quiet deployment's
        // panels show 0, not "No data".
        foreach (var policy in Enum.GetValues<RateLimitPolicy>())
        {
            RateLimited(policy, 0);
        }

        RateLimited("hub_connections", 0);
        _shed.Add(0);
        _cut.Add(0);
        meter.CreateObservableGauge("focusmate.ready", () => readiness.Ready ? 1 : 0, "{instance}", "1 while /health/ready answers 200.");
    }

    public void RateLimited(RateLimitPolicy policy, int count = 1) => RateLimited(policy.ToString().ToLowerInvariant(), count);

    /// <summary>A refusal by a limit that is not a <see cref="RateLimitPolicy"/> (the hub connection cap: <c>hub_connections</c>).</summary>
    public void RateLimited(string policy, int count = 1) => _rejections.Add(count, new KeyValuePair<string, object?>("policy", policy));

    public void Shed() => _shed.Add(1);

    public void ClientCut() => _cut.Add(1);
}
