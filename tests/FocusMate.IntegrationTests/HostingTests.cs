using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using FocusMate.Core.Errors;
using FocusMate.Core.History;
using FocusMate.Core.Timers;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace FocusMate.IntegrationTests;

public sealed class HostingTests : AppTest
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task HealthEndpointsAnswerWithStatusTimeAndVersion(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("2026-03-02T09:00:00.000Z", body.RootElement.GetProperty("timestamp").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("version").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v2/rooms")]
    [InlineData("/hubs/elsewhere")]
    [InlineData("/anything/else")]
    public async Task UnknownPathsAreNotFoundProblems(string path)
    {
        var response = await Client.GetAsync(path);

        await response.ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task AMethodAPathDoesNotTakeIsNotFound()
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.SendAsync(HttpMethod.Put, $"{Rest.Rooms}/{room.RoomId}", room.Participant.Token, new { });

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        Assert.Contains("PUT", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnexpectedFailureIsAnInternalErrorThatShowsNoExceptionText()
    {
        using var broken = new FocusMateFactory(services: s => s.AddScoped<ISessionRepository, ExplodingSessions>());
        var client = broken.CreateClient();
        var room = await client.CreateRoomAsync();

        var response = await client.GetAsync($"{Rest.Rooms}/{room.RoomId}/sessions");

        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError, ErrorCodes.InternalError);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ExplodingSessions.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("at FocusMate", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.TraceId));
    }

    [Fact]
    public async Task SwaggerDocumentsEveryEndpointWithItsErrorsAndTheBearerScheme()
    {
        var ui = await Client.GetAsync("/swagger/index.html");
        var document = await Client.GetAsync("/swagger/v1/swagger.json");

        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        using var json = JsonDocument.Parse(await document.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("paths");
        string[] expected =
        [
            "/api/v1/rooms", "/api/v1/rooms/{roomId}", "/api/v1/rooms/{roomId}/participants",
            "/api/v1/rooms/{roomId}/participants/{participantId}", "/api/v1/rooms/{roomId}/timer/start",
            "/api/v1/rooms/{roomId}/timer/pause", "/api/v1/rooms/{roomId}/timer/resume", "/api/v1/rooms/{roomId}/timer/reset",
            "/api/v1/rooms/{roomId}/timer/skip", "/api/v1/rooms/{roomId}/sessions", "/api/v1/rooms/{roomId}/statistics",
        ];
        Assert.All(expected, path => Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented"));
        var create = paths.GetProperty("/api/v1/rooms").GetProperty("post");
        Assert.Contains("CreateRoomRequest", create.GetProperty("requestBody").ToString(), StringComparison.Ordinal);
        Assert.True(create.GetProperty("responses").TryGetProperty("409", out _));
        Assert.Equal("bearer", json.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        var patch = paths.GetProperty("/api/v1/rooms/{roomId}").GetProperty("patch");
        Assert.True(patch.TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/v1/rooms/{roomId}").GetProperty("get").TryGetProperty("security", out _));
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ApiProblem").GetProperty("properties").TryGetProperty("code", out _));
        var createRequest = schemas.GetProperty("CreateRoomRequest");
        Assert.True(createRequest.GetProperty("properties").TryGetProperty("work_duration_minutes", out _));
        Assert.Contains("room_name", createRequest.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("long_break", schemas.GetProperty("SessionType").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRequestLogShowsTheStatusTheClientGotAndOnlyRealFailuresAsErrors()
    {
        var events = new CapturedEvents();
        using var app = new FocusMateFactory(services: s => s.AddSingleton<ILogEventSink>(events).AddScoped<ISessionRepository, ExplodingSessions>())
            .WithWebHostBuilder(b => b.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Information"));
        var client = app.CreateClient();
        var unknown = $"{Rest.Rooms}/{Guid.NewGuid()}";

        await (await client.GetAsync(unknown)).ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);

        // A client's mistake is an ordinary request line with the status it got, not a 500 at error level.
        var line = Assert.Single(events.Requests(unknown));
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal("404", line.Properties["StatusCode"].ToString());
        Assert.Null(line.Exception);

        // A real failure is still a 500 at error level.
        var room = await client.CreateRoomAsync();
        var sessions = $"{Rest.Rooms}/{room.RoomId}/sessions";
        await (await client.GetAsync(sessions)).ProblemAsync(HttpStatusCode.InternalServerError, ErrorCodes.InternalError);
        var failed = Assert.Single(events.Requests(sessions));
        Assert.Equal(LogEventLevel.Error, failed.Level);
        Assert.Equal("500", failed.Properties["StatusCode"].ToString());
    }

    private sealed class CapturedEvents : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        /// <summary>The request log's lines for a path (other events of the request carry its path too, not a status).</summary>
        public IEnumerable<LogEvent> Requests(string path) =>
            _events.Where(e => e.Properties.ContainsKey("StatusCode")
                && e.Properties.TryGetValue("RequestPath", out var p) && p.ToString() == $"\"{path}\"");
    }

    private sealed class ExplodingSessions : ISessionRepository
    {
        public const string Secret = "connection string with password=hunter2";

        public Task<IReadOnlyList<TimerSession>> RecentAsync(Guid roomId, int limit, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<IReadOnlyList<WorkTotal>> WorkTotalsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<TimerSession?> LastCompletedAsync(Guid roomId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<IReadOnlyList<WorkEnd>> WorkEndsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<IReadOnlyList<WorkRun>> WorkRunsSinceAsync(Guid roomId, DateTimeOffset since, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
