using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using FocusMate.Api.Contracts;
using FocusMate.Api.Errors;
using FocusMate.Api.Json;

namespace FocusMate.IntegrationTests.Support;

/// <summary>The REST API as a client sees it, in the contract's JSON.</summary>
public static class Rest
{
    public const string Rooms = "/api/v1/rooms";

    /// <summary>A room name no other test uses.</summary>
    public static string UniqueName(string prefix = "room") => $"{prefix}-{Guid.NewGuid():N}";

    public static async Task<CreatedRoomResponse> CreateRoomAsync(this HttpClient client, object? settings = null, string host = "Mina")
    {
        var body = new Dictionary<string, object?> { ["room_name"] = UniqueName(), ["host_name"] = host };
        foreach (var property in settings?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(settings);
        }

        var response = await client.PostAsJsonAsync(Rooms, body, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedRoomResponse>(ApiJson.Options))!;
    }

    public static async Task<JoinedParticipantResponse> JoinAsync(this HttpClient client, Guid roomId, string name = "Jun")
    {
        var response = await client.PostAsJsonAsync($"{Rooms}/{roomId}/participants", new { user_name = name }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JoinedParticipantResponse>(ApiJson.Options))!;
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? token = null,
        object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ApiJson.Options);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string path, string body,
        string contentType = "application/json", string? token = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    public static async Task<TimerStateResponse> TimerAsync(this HttpClient client, Guid roomId, string command, string token,
        object? body = null)
    {
        var response = await client.SendAsync(HttpMethod.Post, $"{Rooms}/{roomId}/timer/{command}", token, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TimerStateResponse>(ApiJson.Options))!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options))!;
    }

    /// <summary>Asserts the response is a problem with the given status and code, and returns it.</summary>
    public static async Task<ApiProblem> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(ApiProblem.ContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ApiProblem>(text, ApiJson.Options)!;
        Assert.Equal(code, problem.Code);
        Assert.Equal((int)status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        return problem;
    }
}
