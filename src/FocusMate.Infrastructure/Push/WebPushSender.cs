using System.Net;
using System.Text.Json;
using FocusMate.Core.Push;
using Lib.Net.Http.WebPush.Authentication;
using Lib.Net.Http.WebPush;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FocusMate.Infrastructure.Push;

/// <summary>
/// Web Push through Lib.Net.Http.WebPush: the payload encrypted for the browser (RFC 8291, aes128gcm) and signed with
/// the server's VAPID identity (RFC 8292). Only endpoints on the allow-list are ever contacted, and redirects are
/// never followed, so a subscription cannot make the server call anywhere else.
/// </summary>
internal sealed partial class WebPushSender : IPushSender, IDisposable
{
    /// <summary>The notice as the service worker reads it: snake_case names and enum values, as the API writes them.</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly HttpClient _http;
    private readonly PushServiceClient _client;
    private readonly VapidAuthentication _vapid;
    private readonly IOptions<PushOptions> _options;
    private readonly ILogger<WebPushSender> _logger;

    public WebPushSender(VapidKeys keys, IOptions<PushOptions> options, ILogger<WebPushSender> logger)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        PublicKey = keys.PublicKey;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        _vapid = new VapidAuthentication(keys.PublicKey, keys.PrivateKey)
        {
            Subject = string.IsNullOrWhiteSpace(options.Value.Subject) ? "mailto:focusmate@localhost" : options.Value.Subject,
        };
        _client = new PushServiceClient(_http) { DefaultAuthentication = _vapid, AutoRetryAfter = false };
    }

    public string PublicKey { get; }

    public async Task<PushDelivery> SendAsync(WebPushSubscription subscription, PushNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (!PushEndpoints.IsAllowed(subscription.Endpoint, _options.Value.EffectiveAllowedEndpoints))
        {
            // The allow-list changed since it subscribed: the endpoint is not contacted, and the subscription goes.
            return PushDelivery.Gone;
        }

        var target = new PushSubscription { Endpoint = subscription.Endpoint };
        target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
        target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
        var message = new PushMessage(JsonSerializer.Serialize(notice, Json))
        {
            // A phase-end notice is stale after a few minutes: a phone that was off longer does not get it.
            TimeToLive = 300,
            Urgency = PushMessageUrgency.High,
        };
        try
        {
            await _client.RequestPushMessageDeliveryAsync(target, message, cancellationToken);
            return PushDelivery.Delivered;
        }
        catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return PushDelivery.Gone;
        }
        catch (Exception ex) when (ex is PushServiceClientException or HttpRequestException or TaskCanceledException)
        {
            LogFailed(ex, new Uri(subscription.Endpoint).Host);
            return PushDelivery.Failed;
        }
    }

    public void Dispose()
    {
        _vapid.Dispose();
        _http.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push to {PushService} failed")]
    private partial void LogFailed(Exception exception, string pushService);
}
