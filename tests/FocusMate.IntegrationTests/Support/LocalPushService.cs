using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FocusMate.Core.Push;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FocusMate.IntegrationTests.Support;

/// <summary>
/// A push service on loopback, as a browser vendor runs one: it takes the real encrypted push at
/// <c>/push/{id}</c>, checks its VAPID header (RFC 8292) and decrypts it with the browser's keys (RFC 8291), or answers
/// as told (410 for a subscription that is gone).
/// </summary>
public sealed class LocalPushService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Browser> _browsers = new();
    private readonly ConcurrentQueue<ReceivedPush> _received = new();

    private LocalPushService(WebApplication app) => _app = app;

    public Uri Origin { get; private set; } = null!;

    public IReadOnlyCollection<ReceivedPush> Received => [.. _received];

    public static async Task<LocalPushService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var service = new LocalPushService(app);
        app.MapPost("/push/{id}", service.ReceiveAsync);
        await app.StartAsync();
        service.Origin = new Uri(app.Urls.First());
        return service;
    }

    /// <summary>A new browser subscription of this service: the endpoint and the keys a browser would hand over.</summary>
    public Browser NewBrowser(HttpStatusCode answer = HttpStatusCode.Created)
    {
        var browser = new Browser(new Uri(Origin, $"/push/{Guid.NewGuid():N}").ToString(), answer);
        _browsers[browser.Id] = browser;
        return browser;
    }

    private async Task<IResult> ReceiveAsync(string id, HttpRequest request)
    {
        if (!_browsers.TryGetValue(id, out var browser))
        {
            return Results.NotFound();
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var at = DateTimeOffset.UtcNow;
        _received.Enqueue(new ReceivedPush(browser, at, request.Headers.Authorization.ToString(), request.Headers["TTL"].ToString(),
            request.Headers.ContentEncoding.ToString(), body.ToArray()));
        return Results.StatusCode((int)browser.Answer);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A browser's side of a subscription: its ECDH key pair and auth secret.</summary>
    public sealed class Browser(string endpoint, HttpStatusCode answer)
    {
        private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        public string Endpoint { get; } = endpoint;

        public string Id => Endpoint[(Endpoint.LastIndexOf('/') + 1)..];

        public HttpStatusCode Answer { get; } = answer;

        public byte[] AuthSecret { get; } = RandomNumberGenerator.GetBytes(16);

        public byte[] PublicKey
        {
            get
            {
                var q = _key.ExportParameters(false).Q;
                return [0x04, .. q.X!, .. q.Y!];
            }
        }

        /// <summary>The body of <c>POST …/push-subscriptions</c>, as <c>PushSubscription.toJSON()</c> gives it.</summary>
        public object Subscription(string? language = null) => new Dictionary<string, object?>
        {
            ["endpoint"] = Endpoint,
            ["expirationTime"] = null,
            ["keys"] = new Dictionary<string, string> { ["p256dh"] = Base64Url.Encode(PublicKey), ["auth"] = Base64Url.Encode(AuthSecret) },
            ["language"] = language,
        };

        /// <summary>Decrypts an <c>aes128gcm</c> push body (RFC 8188 framing, RFC 8291 keys) as the browser would.</summary>
        public byte[] Decrypt(byte[] body)
        {
            var salt = body[..16];
            var recordSize = (body[16] << 24) | (body[17] << 16) | (body[18] << 8) | body[19];
            var idLength = body[20];
            var serverKey = body[21..(21 + idLength)];
            var ciphertext = body[(21 + idLength)..];
            Assert.True(ciphertext.Length <= recordSize, "one record");

            using var server = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = serverKey[1..33], Y = serverKey[33..65] },
            });
            var shared = _key.DeriveRawSecretAgreement(server.PublicKey);
            var keyInfo = Encoding.ASCII.GetBytes("WebPush: info\0").Concat(PublicKey).Concat(serverKey).ToArray();
            var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, AuthSecret, keyInfo);
            var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
            var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
            var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));

            using var aes = new AesGcm(cek, 16);
            var plain = new byte[ciphertext.Length - 16];
            aes.Decrypt(nonce, ciphertext[..^16], ciphertext[^16..], plain);
            var end = plain.Length - 1;
            while (plain[end] == 0)
            {
                end--;
            }

            Assert.Equal(0x02, plain[end]); // the last record's delimiter
            return plain[..end];
        }
    }
}

/// <summary>A push as the service received it.</summary>
public sealed record ReceivedPush(LocalPushService.Browser Browser, DateTimeOffset At, string Authorization, string TimeToLive,
    string ContentEncoding, byte[] Body)
{
    /// <summary>The notice the app pushed, decrypted.</summary>
    public JsonElement Notice() => JsonDocument.Parse(Browser.Decrypt(Body)).RootElement;

    /// <summary>
    /// Checks the VAPID header: <c>vapid t=&lt;JWT&gt;, k=&lt;key&gt;</c> with the server's key, an ES256 signature that
    /// key verifies, this push service as audience, an expiry within a day, and a contact.
    /// </summary>
    public void AssertVapid(string serverPublicKey, Uri pushService)
    {
        Assert.StartsWith("vapid ", Authorization, StringComparison.Ordinal);
        var parts = Authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .ToDictionary(p => p[..p.IndexOf('=', StringComparison.Ordinal)], p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(serverPublicKey, parts["k"]);
        var jwt = parts["t"].Split('.');
        var key = Base64Url.TryDecode(parts["k"])!;
        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = key[1..33], Y = key[33..65] },
        });
        Assert.True(verifier.VerifyData(Encoding.ASCII.GetBytes($"{jwt[0]}.{jwt[1]}"), Base64Url.TryDecode(jwt[2])!, HashAlgorithmName.SHA256),
            "the VAPID token is signed with the server's key");
        using var header = JsonDocument.Parse(Base64Url.TryDecode(jwt[0])!);
        using var claims = JsonDocument.Parse(Base64Url.TryDecode(jwt[1])!);
        Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal($"{pushService.Scheme}://{pushService.Host}", claims.RootElement.GetProperty("aud").GetString());
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("exp").GetInt64());
        Assert.InRange(expires, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(24));
        Assert.Matches("^(mailto:|https:)", claims.RootElement.GetProperty("sub").GetString());
    }
}
