using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FocusMate.Api.Contracts;
using FocusMate.Api.Errors;
using FocusMate.Api.Json;
using Xunit;

namespace FocusMate.TestSupport;

/// <summary>
/// The REST API as a client sees it, in the contract's JSON: paths relative to the client's base address (the
/// test server, nginx of a compose stack), or under an explicit origin (one instance of a cluster).
/// </summary>
public static class Rest
{
    public const string Rooms = "/api/v1/rooms";

    /// <summary>A room name no other test uses.</summary>
    public static string UniqueName(string prefix = "room") => $"{prefix}-{Guid.NewGuid():N}";

    public static Task<CreatedRoomResponse> CreateRoomAsync(this HttpClient client, object? settings = null, string host = "Mina") =>
        client.CreateRoomAtAsync(new Uri(Rooms, UriKind.Relative), settings, host);

    public static Task<CreatedRoomResponse> CreateRoomAsync(this HttpClient client, Uri origin, object? settings = null, string host = "Mina") =>
        client.CreateRoomAtAsync(new Uri(origin, Rooms), settings, host);

    public static Task<JoinedParticipantResponse> JoinAsync(this HttpClient client, Guid roomId, string name = "Jun") =>
        client.JoinAtAsync(new Uri($"{Rooms}/{roomId}/participants", UriKind.Relative), name);

    public static Task<JoinedParticipantResponse> JoinAsync(this HttpClient client, Uri origin, Guid roomId, string name = "Jun") =>
        client.JoinAtAsync(new Uri(origin, $"{Rooms}/{roomId}/participants"), name);

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? token = null,
        object? body = null) => client.SendAsync(method, new Uri(path, UriKind.RelativeOrAbsolute), token, body);

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, Uri uri, string? token = null,
        object? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ApiJson.Options);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string path, string body,
        string contentType = "application/json", string? token = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    /// <summary>A timer command, whatever its answer.</summary>
    public static Task<HttpResponseMessage> CommandAsync(this HttpClient client, Guid roomId, string command, string token, object? body = null) =>
        client.SendAsync(HttpMethod.Post, $"{Rooms}/{roomId}/timer/{command}", token, body);

    /// <summary>A timer command that must succeed; the state it returns.</summary>
    public static async Task<TimerStateResponse> TimerAsync(this HttpClient client, Guid roomId, string command, string token, object? body = null) =>
        await (await client.CommandAsync(roomId, command, token, body)).ReadAsync<TimerStateResponse>();

    public static async Task<TimerStateResponse> TimerAsync(this HttpClient client, Uri origin, Guid roomId, string command, string token) =>
        await (await client.SendAsync(HttpMethod.Post, new Uri(origin, $"{Rooms}/{roomId}/timer/{command}"), token)).ReadAsync<TimerStateResponse>();

    public static async Task<RoomResponse> RoomAsync(this HttpClient client, Guid roomId) =>
        await (await client.SendAsync(HttpMethod.Get, $"{Rooms}/{roomId}")).ReadAsync<RoomResponse>();

    public static async Task<T> ReadAsync<T>(this HttpClient client, Uri uri) =>
        await (await client.SendAsync(HttpMethod.Get, uri)).ReadAsync<T>();

    /// <summary>Asserts the status (200 unless said) and reads the body; a failure shows what the server answered.</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            Assert.Fail($"Expected {(int)expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, " +
                $"got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options))!;
    }

    /// <summary>Asserts the response is a problem with the given status and code, and returns it.</summary>
    public static async Task<ApiProblem> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(ApiProblem.ContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ApiProblem>(text, ApiJson.Options)!;
        Assert.Equal(code, problem.Code);
        Assert.Equal((int)status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        return problem;
    }

    /// <summary>The timer state without the fields that depend on when it was read.</summary>
    public static TimerStateResponse Timeless(this TimerStateResponse state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state with { ServerTime = DateTimeOffset.UnixEpoch, RemainingSeconds = 0 };
    }

    /// <summary>True when the address answers 2xx within two seconds.</summary>
    public static async Task<bool> PingAsync(Uri uri)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            return (await client.GetAsync(uri)).IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<CreatedRoomResponse> CreateRoomAtAsync(this HttpClient client, Uri uri, object? settings, string host)
    {
        var body = new Dictionary<string, object?> { ["room_name"] = UniqueName(), ["host_name"] = host };
        foreach (var property in settings?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(settings);
        }

        return await (await client.PostAsJsonAsync(uri, body, ApiJson.Options)).ReadAsync<CreatedRoomResponse>(HttpStatusCode.Created);
    }

    private static async Task<JoinedParticipantResponse> JoinAtAsync(this HttpClient client, Uri uri, string name) =>
        await (await client.PostAsJsonAsync(uri, new { user_name = name }, ApiJson.Options)).ReadAsync<JoinedParticipantResponse>(HttpStatusCode.Created);
}
