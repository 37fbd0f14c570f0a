using System.Collections.Concurrent;
using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Core.Errors;
using FocusMate.Core.Timers;
using FocusMate.Infrastructure.Data;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace FocusMate.IntegrationTests;

/// <summary>What an app on a public address must not give away or let pile up: tokens in logs, links from the Host header, an endless queue.</summary>
public sealed class ExposureTests
{
    [Fact]
    public async Task NoLogEventAtAnyLevelCarriesAParticipantToken()
    {
        var events = new AllEvents();
        using var app = new FocusMateFactory(services: s => s.AddSingleton<ILogEventSink>(events), settings: new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
        });
        var client = app.CreateClient();
        var room = await client.CreateRoomAsync();
        var token = room.Participant.Token;

        // The hub takes the token in the query string, as browsers send it; ASP.NET Core logs whole URLs at debug level.
        await using (var hub = await app.ConnectHubAsync(token))
        {
            await hub.Connection.InvokeAsync<TimerStateResponse>("start_timer", null);
        }

        await client.SendAsync(HttpMethod.Get, $"{Rest.Rooms}/{room.RoomId}/messages", token);
        var written = events.Rendered();

        // ASP.NET Core's own line for the hub request, at debug level, with its query string: scrubbed.
        Assert.Contains(written, line => line.Contains("access_token=[redacted]", StringComparison.Ordinal));
        Assert.DoesNotContain(written, line => line.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(written, line => line.Contains(token[..40], StringComparison.Ordinal));
    }

    [Fact]
    public async Task AShareLinkNeverTakesItsHostFromTheRequestsHostHeader()
    {
        using var app = new FocusMateFactory();
        var client = app.CreateClient();
        var room = await client.CreateRoomAsync();
        await using var watcher = await app.ConnectHubAsync(room.Participant.Token);

        var request = new HttpRequestMessage(HttpMethod.Patch, $"{Rest.Rooms}/{room.RoomId}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { work_duration_minutes = 30 }, options: Api.Json.ApiJson.Options),
        };
        request.Headers.Host = "phishing.example";
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", room.Participant.Token);
        var patched = await (await client.SendAsync(request)).ReadAsync<RoomResponse>();
        var broadcast = await watcher.NextAsync<RoomResponse>("room_updated");

        Assert.DoesNotContain("phishing", patched.ShareUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("phishing", broadcast.Data.ShareUrl, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost:8000/room/", patched.ShareUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://focus.example.com/", "focus.example.com", "https://focus.example.com/room/")]
    [InlineData("", "focus.example.com", "http://focus.example.com/room/")]
    public async Task AShareLinkUsesThePublicUrlOrAHostThatAllowedHostsNames(string publicUrl, string host, string expected)
    {
        using var app = new FocusMateFactory(settings: new Dictionary<string, string?>
        {
            ["App:PublicUrl"] = publicUrl,
            ["AllowedHosts"] = "focus.example.com",
        });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = host;

        var room = await client.CreateRoomAsync();
        var stranger = new HttpRequestMessage(HttpMethod.Get, $"{Rest.Rooms}/{room.RoomId}");
        stranger.Headers.Host = "phishing.example";

        Assert.StartsWith(expected, room.ShareUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(stranger)).StatusCode);
    }

    [Fact]
    public async Task AFullWriterQueueShedsRequestsWithServiceBusyButNeverAPhaseEnd()
    {
        if (FocusMateFactory.PostgresServer is not null)
        {
            return; // PostgreSQL takes concurrent writers itself: only SQLite has a writer queue to fill
        }

        using var app = new FocusMateFactory(settings: new Dictionary<string, string?>
        {
            ["Database:WriteQueueLimit"] = "1",
            ["Database:WriteQueueTimeout"] = "00:00:30",
        });
        var client = app.CreateClient();
        var room = await client.CreateRoomAsync(new { work_duration_minutes = 1 });
        var other = await client.CreateRoomAsync();
        await client.TimerAsync(room.RoomId, "start", room.Participant.Token);

        // Someone holds the writer; one request waits for its turn; the next finds the queue full. The waiting
        // request makes several writes (first use of the token, the message, the room's activity): once
        // admitted it is carried through, never cut off halfway.
        var writer = app.Services.GetRequiredService<WriteLock>();
        var held = await writer.AcquireAsync(CancellationToken.None);
        var waiting = client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{other.RoomId}/messages", other.Participant.Token, new { text = "queued" });
        await Eventually.WaitAsync(() => Task.FromResult(writer.Waiting), count => count == 1);
        var shed = await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{other.RoomId}/messages", other.Participant.Token, new { text = "shed" });
        app.Advance(TimeSpan.FromMinutes(1)); // the phase falls due while the queue is full
        var completion = app.RunSchedulerPassAsync();
        await held.DisposeAsync();
        await completion;

        await shed.ProblemAsync(HttpStatusCode.ServiceUnavailable, ErrorCodes.ServiceBusy);
        Assert.Equal(TimeSpan.FromSeconds(1), shed.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Created, (await waiting).StatusCode);
        var timer = (await (await client.GetAsync($"{Rest.Rooms}/{room.RoomId}")).ReadAsync<RoomResponse>()).TimerState;
        Assert.Equal(SessionType.Break, timer.SessionType);
    }

    private sealed class AllEvents : ILogEventSink
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly CompactJsonFormatter _format = new();

        public void Emit(LogEvent logEvent)
        {
            using var writer = new StringWriter();
            _format.Format(logEvent, writer);
            _lines.Enqueue(writer.ToString() + logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        public List<string> Rendered() => [.. _lines];
    }
}
