using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FocusMate.Bench;

/// <summary>A room made for the benchmark: its id and the host's token.</summary>
internal sealed record RoomSeed(Guid RoomId, string Name, string HostToken);

/// <summary>The REST calls the scenarios make, over one <see cref="HttpClient"/> on a <see cref="SocketsHttpHandler"/>.</summary>
internal sealed class RestApi : IDisposable
{
    private static int s_roomCounter;
    private static readonly string s_runTag = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);

    private readonly HttpClient _http;

    public RestApi(Uri baseUri, int maxConnections = 512)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        HubUri = new Uri(new Uri(baseUri.ToString().Replace("http", "ws", StringComparison.Ordinal)), "/hubs/room");
    }

    public Uri HubUri { get; }

    public HttpClient Http => _http;

    public static string NextRoomName(string prefix) =>
        $"{prefix}-{s_runTag}-{Interlocked.Increment(ref s_roomCounter)}";

    public async Task<RoomSeed> CreateRoomAsync(string prefix)
    {
        var name = NextRoomName(prefix);
        using var body = Json(new { room_name = name, host_name = "host" });
        using var response = await _http.PostAsync(new Uri("/api/v1/rooms", UriKind.Relative), body);
        using var doc = await ReadAsync(response, "create room");
        var root = doc.RootElement;
        return new RoomSeed(root.GetProperty("room_id").GetGuid(), name,
            root.GetProperty("participant").GetProperty("token").GetString()!);
    }

    public async Task<string> JoinAsync(Guid roomId, string userName)
    {
        using var body = Json(new { user_name = userName });
        using var response = await _http.PostAsync(new Uri($"/api/v1/rooms/{roomId}/participants", UriKind.Relative), body);
        using var doc = await ReadAsync(response, "join room");
        return doc.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>A timer command over REST; the status code (200, 409, …).</summary>
    public async Task<HttpStatusCode> TimerAsync(Guid roomId, string token, string command, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/rooms/{roomId}/timer/{command}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> GetRoomAsync(Guid roomId, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri($"/api/v1/rooms/{roomId}", UriKind.Relative),
            HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.StatusCode;
    }

    private static StringContent Json(object value) =>
        new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: HTTP {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text);
    }

    public void Dispose() => _http.Dispose();
}
