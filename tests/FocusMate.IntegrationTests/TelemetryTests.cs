using System.Diagnostics;
using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Core.Errors;
using FocusMate.Infrastructure.Data;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FocusMate.IntegrationTests;

/// <summary>What operations get: metrics at /metrics for Prometheus, traces of each request and hub call with its database spans, backups.</summary>
[Collection(Alone.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task MetricsAfterTrafficNameEveryInstrumentTheDashboardUses()
    {
        using var app = new FocusMateFactory(settings: new Dictionary<string, string?> { ["RateLimiting:Chat:PermitLimit"] = "1" });
        var client = app.CreateClient();
        var room = await client.CreateRoomAsync(new { work_duration_minutes = 1 });
        await using var hub = await app.ConnectHubAsync(room.Participant.Token);
        await client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/timer/start", room.Participant.Token);
        app.Advance(TimeSpan.FromMinutes(1));
        await app.RunSchedulerPassAsync();
        await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", room.Participant.Token, new { text = "one" });
        await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", room.Participant.Token, new { text = "two" });

        var text = await Eventually.WaitAsync(() => client.GetStringAsync("/metrics"),
            metrics => metrics.Contains("focusmate_phase_completions_total", StringComparison.Ordinal));

        var series = text.Split('\n').Where(line => line.Length > 0 && line[0] != '#').ToList();
        bool Has(string name, params string[] labels) =>
            series.Any(line => line.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(l => line.Contains(l, StringComparison.Ordinal)));

        Assert.All(new[]
        {
            "http_server_request_duration_seconds_bucket", "signalr_server_active_connections", "focusmate_rooms_active",
            "focusmate_participants_connected", "focusmate_timers_running", "focusmate_ready", "focusmate_scheduler_lateness_seconds_bucket",
            "focusmate_database_write_queue_depth",
        }, name => Assert.True(Has(name), $"{name} is missing"));
        Assert.True(Has("focusmate_timer_commands_total", "command=\"start\"", "outcome=\"applied\""));
        Assert.True(Has("focusmate_timer_commands_total", "command=\"start\"", "outcome=\"refused\""));
        Assert.True(Has("focusmate_phase_completions_total", "session_type=\"work\""));
        Assert.True(Has("focusmate_rate_limit_rejections_total", "policy=\"chat\""));
    }

    [Fact]
    public async Task MetricsAreNotForThePublic()
    {
        using var app = new FocusMateFactory();
        var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(FocusMateFactory.PeerHeader, "203.0.113.9");

        var response = await client.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    /// <summary>
    /// Tracing is checked on the app as a process of its own (the test host), as production runs it: OpenTelemetry's
    /// EF Core instrumentation and EF Core's compiled queries keep process-wide state, so a tracer in a process that
    /// hosted other apps before (this suite) misses database spans a real deployment records.
    /// </summary>
    [Fact]
    public async Task ACommandIsOneTraceWithItsDatabaseSpansOverRestAndOverTheHub()
    {
        var work = FocusMateFactory.NewDataDirectory();
        var spansFile = Path.Combine(work, "spans.jsonl");
        var environment = new Dictionary<string, string> { ["Telemetry__Tracing"] = "true", ["FOCUSMATE_TEST_SPANS"] = spansFile };
        if (FocusMateFactory.PostgresServer is { } server)
        {
            var database = PostgresTestDatabases.NameFor(work);
            PostgresTestDatabases.EnsureCreated(server, database);
            environment["Database__Provider"] = "Postgres";
            environment["ConnectionStrings__FocusMate"] = $"{server};Database={database}";
        }

        var instance = new ApiInstance(1, Ports.Free(), work, environment);
        try
        {
            await instance.StartAsync();
            using var client = new HttpClient { BaseAddress = instance.Address };
            var room = await client.CreateRoomAsync();
            await using var hub = await RoomHubClient.ConnectAsync(instance.Address, room.Participant.Token);

            var response = await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/timer/start", room.Participant.Token);
            var refused = await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/timer/start", room.Participant.Token);
            await hub.Connection.InvokeAsync<TimerStateResponse>("pause_timer");
            var problem = await refused.ProblemAsync(HttpStatusCode.Conflict, ErrorCodes.TimerAlreadyRunning);
            var completed = await Eventually.WaitAsync(() => Task.FromResult(SpanFile.Read(spansFile)),
                all => all.Any(a => a.Name.Contains("pause_timer", StringComparison.Ordinal)));

            var request = completed.Single(a => a.Kind == nameof(ActivityKind.Server) && a.Name.EndsWith("timer/start", StringComparison.Ordinal) && a.Status == 200);
            var hubCall = completed.Single(a => a.Name.Contains("pause_timer", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(completed, a => a.TraceId == request.TraceId && a.Source.Contains("EntityFrameworkCore", StringComparison.Ordinal));
            Assert.Contains(completed, a => a.TraceId == hubCall.TraceId && a.Source.Contains("EntityFrameworkCore", StringComparison.Ordinal));
            Assert.NotEqual(request.TraceId, hubCall.TraceId);
            Assert.Contains(completed.Single(a => a.Kind == nameof(ActivityKind.Server) && a.Status == 409).TraceId, problem.TraceId, StringComparison.Ordinal);
        }
        finally
        {
            await instance.StopAsync();
            FocusMateFactory.DeleteQuietly(work);
        }
    }

    [Fact]
    public async Task AnOnlineBackupOfTheSqliteDatabaseHoldsWhatTheServingAppWrote()
    {
        if (FocusMateFactory.PostgresServer is not null)
        {
            return; // PostgreSQL is backed up with pg_dump (the scale-out suite's backup drill)
        }

        using var app = new FocusMateFactory();
        var client = app.CreateClient();
        var room = await client.CreateRoomAsync();
        await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", room.Participant.Token, new { text = "kept" });
        var target = Path.Combine(app.DataDirectory, "backups", "focusmate.db");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await DatabaseBackup.RunAsync(app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(),
            app.DataDirectory, target, output, errors);
        var again = await DatabaseBackup.RunAsync(app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(),
            app.DataDirectory, target, output, errors);

        Assert.Equal((0, 2), (code, again));
        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var query = copy.CreateCommand();
        query.CommandText = "SELECT text FROM chat_messages";
        Assert.Equal("kept", await query.ExecuteScalarAsync());
    }

}
