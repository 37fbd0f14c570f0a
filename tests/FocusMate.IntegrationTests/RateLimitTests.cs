using System.Diagnostics;
using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Core.Errors;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using Xunit.Abstractions;

namespace FocusMate.IntegrationTests;

/// <summary>
/// The abuse drills: each limit refuses what is over it with 429 <c>RATE_LIMITED</c> and <c>Retry-After</c>,
/// counts only what it should, and leaves other clients and other rooms alone while one floods. Each prints
/// the other room's latency alone and during the flood (figures for the operations guide; not asserted).
/// </summary>
public sealed class RateLimitTests(ITestOutputHelper output) : IDisposable
{
    private readonly List<FocusMateFactory> _apps = [];

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            app.Dispose();
        }
    }

    private (FocusMateFactory App, HttpClient Client) Start(params (string Key, string Value)[] settings)
    {
        var app = new FocusMateFactory(settings: settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        _apps.Add(app);
        return (app, app.CreateClient());
    }

    private static HttpRequestMessage From(string peer, HttpMethod method, string path, object? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(FocusMateFactory.PeerHeader, peer);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body, options: Api.Json.ApiJson.Options);
        }

        return request;
    }

    private static object NewRoom() => new { room_name = Rest.UniqueName(), host_name = "Mina" };

    [Fact]
    public async Task RoomCreationIsLimitedPerClientAddressUntilTheWindowPasses()
    {
        var (app, client) = Start(("RateLimiting:CreateRoom:PermitLimit", "3"), ("RateLimiting:CreateRoom:Window", "00:10:00"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.SendAsync(From("203.0.113.7", HttpMethod.Post, Rest.Rooms, NewRoom()))).StatusCode);
        }

        var refused = await client.SendAsync(From("203.0.113.7", HttpMethod.Post, Rest.Rooms, NewRoom()));
        var neighbour = await client.SendAsync(From("203.0.113.8", HttpMethod.Post, Rest.Rooms, NewRoom()));
        app.Advance(TimeSpan.FromMinutes(10));
        var later = await client.SendAsync(From("203.0.113.7", HttpMethod.Post, Rest.Rooms, NewRoom()));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests,
            HttpStatusCode.TooManyRequests], statuses);
        await refused.ProblemAsync(HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
        Assert.Equal(TimeSpan.FromMinutes(10), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Created, neighbour.StatusCode);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task JoinsAreLimitedPerClientAddressAndIPv6CountsPerNetwork()
    {
        var (_, client) = Start(("RateLimiting:Join:PermitLimit", "2"));
        var room = await client.CreateRoomAsync();
        var path = $"{Rest.Rooms}/{room.RoomId}/participants";
        var join = (string peer) => client.SendAsync(From(peer, HttpMethod.Post, path, new { user_name = "Jun" }));

        var first = await join("2001:db8:1:2::10");
        var second = await join("2001:db8:1:2::11");
        var third = await join("2001:db8:1:2:ffff::1"); // same /64: the same subscriber
        var elsewhere = await join("2001:db8:1:3::10");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        await third.ProblemAsync(HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task EveryOtherRequestIsLimitedPerAddressGenerouslyAndHealthIsNot()
    {
        var (_, client) = Start(("RateLimiting:Api:PermitLimit", "20"));
        var room = await client.CreateRoomAsync();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            codes.Add((await client.SendAsync(From("198.51.100.1", HttpMethod.Get, $"{Rest.Rooms}/{room.RoomId}"))).StatusCode);
        }

        var health = await client.SendAsync(From("198.51.100.1", HttpMethod.Get, "/health"));
        var other = await client.SendAsync(From("198.51.100.2", HttpMethod.Get, $"{Rest.Rooms}/{room.RoomId}"));

        Assert.Equal(20, codes.Count(c => c == HttpStatusCode.OK));
        Assert.Equal(5, codes.Count(c => c == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task TimerCommandsShareOneAllowancePerParticipantOverRestAndHub()
    {
        var (app, client) = Start(("RateLimiting:Commands:PermitLimit", "4"), ("RateLimiting:Commands:Window", "00:00:10"));
        var room = await client.CreateRoomAsync(new { allow_all_control = true });
        var jun = await client.JoinAsync(room.RoomId);
        await using var hub = await app.ConnectHubAsync(room.Participant.Token);

        await client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        await client.TimerAsync(room.RoomId, "pause", room.Participant.Token);
        await hub.Connection.InvokeAsync<TimerStateResponse>("resume_timer");
        await hub.Connection.InvokeAsync<TimerStateResponse>("pause_timer");
        var overHub = await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync<TimerStateResponse>("resume_timer"));
        var error = await hub.NextAsync<ErrorData>("error");
        var overRest = await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/timer/resume", room.Participant.Token);
        var byJun = await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/timer/resume", jun.Token);

        Assert.Contains($"{ErrorCodes.RateLimited}: ", overHub.Message, StringComparison.Ordinal);
        Assert.Equal((ErrorCodes.RateLimited, 10), (error.Data.Code, error.Data.RetryAfter));
        await overRest.ProblemAsync(HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
        Assert.Equal(HttpStatusCode.OK, byJun.StatusCode);
        Assert.Equal(HubConnectionState.Connected, hub.Connection.State);
    }

    [Fact]
    public async Task ARefusedHubCallChangesNothing()
    {
        var (app, client) = Start(("RateLimiting:Commands:PermitLimit", "1"));
        var room = await client.CreateRoomAsync();
        await using var hub = await app.ConnectHubAsync(room.Participant.Token);
        await hub.Connection.InvokeAsync<TimerStateResponse>("start_timer", null);
        var before = (await (await client.GetAsync($"{Rest.Rooms}/{room.RoomId}")).ReadAsync<RoomResponse>()).TimerState;

        await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync<TimerStateResponse>("pause_timer"));
        var after = (await (await client.GetAsync($"{Rest.Rooms}/{room.RoomId}")).ReadAsync<RoomResponse>()).TimerState;

        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task SettingsAndHostActionsAreLimitedPerParticipant()
    {
        var (_, client) = Start(("RateLimiting:Settings:PermitLimit", "2"));
        var room = await client.CreateRoomAsync();
        var patch = () => client.SendAsync(HttpMethod.Patch, $"{Rest.Rooms}/{room.RoomId}", room.Participant.Token, new { work_duration_minutes = 30 });

        var codes = new[] { (await patch()).StatusCode, (await patch()).StatusCode };
        var third = await patch();

        Assert.All(codes, c => Assert.Equal(HttpStatusCode.OK, c));
        await third.ProblemAsync(HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
    }

    [Fact]
    public async Task EveryHubMethodCountsUnderTheHubLimitAndTheConnectionStaysOpen()
    {
        var (app, client) = Start(("RateLimiting:Hub:PermitLimit", "6"));
        var room = await client.CreateRoomAsync();
        await using var hub = await app.ConnectHubAsync(room.Participant.Token); // join_room: 1
        for (var i = 0; i < 5; i++)
        {
            await hub.Connection.InvokeAsync<SyncResult>("sync", 1.0);
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync<SyncResult>("sync", 1.0));
        var error = await hub.NextAsync<ErrorData>("error");

        Assert.Contains($"{ErrorCodes.RateLimited}: ", refused.Message, StringComparison.Ordinal);
        Assert.True(error.Data.RetryAfter is >= 1 and <= 10);
        Assert.Equal(HubConnectionState.Connected, hub.Connection.State);
    }

    [Fact]
    public async Task AParticipantHoldsAtMostItsShareOfConnections()
    {
        var (app, client) = Start(("RateLimiting:HubConnectionsPerParticipant", "2"));
        var room = await client.CreateRoomAsync();
        var jun = await client.JoinAsync(room.RoomId);
        await using var first = await app.ConnectHubAsync(room.Participant.Token);
        await using var second = await app.ConnectHubAsync(room.Participant.Token);

        // The refusal arrives as the error event, then the server closes the connection.
        await using var third = await app.ConnectHubAsync(room.Participant.Token, join: false);
        var refusal = await third.NextAsync<ErrorData>("error");
        await using var juns = await app.ConnectHubAsync(jun.Token);
        await second.DisposeAsync();
        var again = await Eventually.WaitAsync(
            async () => await Record.ExceptionAsync(async () => await (await app.ConnectHubAsync(room.Participant.Token)).DisposeAsync()),
            failure => failure is null);

        Assert.Contains(ErrorCodes.RateLimited, refusal.Data.Code, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, juns.Connection.State);
        Assert.Null(again); // a place freed when a connection closed
    }

    [Fact]
    public async Task ASpoofedForwardedForIsIgnoredUnlessAConfiguredProxySentIt()
    {
        var (_, client) = Start(("RateLimiting:CreateRoom:PermitLimit", "1"), ("Proxy:TrustedNetworks:0", "10.9.0.0/16"));
        HttpRequestMessage Via(string peer, string forwardedFor)
        {
            var request = From(peer, HttpMethod.Post, Rest.Rooms, NewRoom());
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            return request;
        }

        var direct = new[]
        {
            (await client.SendAsync(Via("203.0.113.50", "192.0.2.1"))).StatusCode,
            (await client.SendAsync(Via("203.0.113.50", "192.0.2.2"))).StatusCode,
        };
        var proxied = new[]
        {
            (await client.SendAsync(Via("10.9.0.2", "192.0.2.1"))).StatusCode,
            (await client.SendAsync(Via("10.9.0.2", "192.0.2.2"))).StatusCode,
            (await client.SendAsync(Via("10.9.0.2", "192.0.2.1"))).StatusCode,
        };

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.TooManyRequests], direct);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], proxied);
    }

    [Fact]
    public async Task SwitchingLimitsOffLiftsThemAll()
    {
        var (app, client) = Start(("RateLimiting:Enabled", "false"), ("RateLimiting:CreateRoom:PermitLimit", "1"),
            ("RateLimiting:Chat:PermitLimit", "1"), ("RateLimiting:HubConnectionsPerParticipant", "1"));
        var room = await client.CreateRoomAsync();
        await client.CreateRoomAsync();
        await using var one = await app.ConnectHubAsync(room.Participant.Token);
        await using var two = await app.ConnectHubAsync(room.Participant.Token);

        var messages = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            messages.Add((await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", room.Participant.Token, new { text = $"m{i}" })).StatusCode);
        }

        Assert.All(messages, m => Assert.Equal(HttpStatusCode.Created, m));
        Assert.Equal(HubConnectionState.Connected, two.Connection.State);
    }

    [Fact]
    public async Task OtherRoomsStayFastWhileOneFloods()
    {
        var (app, client) = Start(("RateLimiting:Commands:PermitLimit", "100"), ("RateLimiting:Chat:PermitLimit", "10"));
        var flooded = await client.CreateRoomAsync();
        var quiet = await client.CreateRoomAsync();
        await using var watcher = await app.ConnectHubAsync(quiet.Participant.Token);
        var alone = await MeasureAsync(client, quiet, rounds: 40);

        using var stop = new CancellationTokenSource();
        var flood = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => FloodAsync(client, flooded, stop.Token)));
        // The flood runs until the quiet room has been measured and the flood met its limits.
        var during = await MeasureAsync(client, quiet, rounds: 40);
        await Eventually.WaitAsync(() => Task.FromResult(_refusedSoFar), refused => refused > 0);
        await stop.CancelAsync();
        var (accepted, refused) = (await flood).Aggregate((0, 0), (sum, one) => (sum.Item1 + one.Accepted, sum.Item2 + one.Refused));

        output.WriteLine($"quiet room, GET room + timer command: p95 alone {P95(alone):F1} ms, during the flood {P95(during):F1} ms");
        output.WriteLine($"flooding room: {accepted} accepted, {refused} refused with RATE_LIMITED");
        Console.WriteLine($"[abuse] other room p95 alone {P95(alone):F1} ms, during flood {P95(during):F1} ms; flood {accepted} accepted / {refused} refused");
        Assert.True(refused > 0);
        Assert.True(accepted <= 110, $"{accepted} flood requests got through a limit of 100 commands and 10 messages");
        Assert.Equal(80, during.Count); // every request of the quiet room succeeded
    }

    /// <summary>Round trips of the quiet room: a read of the room and a timer command, each timed.</summary>
    private static async Task<List<double>> MeasureAsync(HttpClient client, CreatedRoomResponse room, int rounds)
    {
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Rest.Rooms}/{room.RoomId}")).StatusCode);
            times.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await client.TimerAsync(room.RoomId, i % 2 == 0 ? "start" : "reset", room.Participant.Token);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private int _refusedSoFar;

    private async Task<(int Accepted, int Refused)> FloodAsync(HttpClient client, CreatedRoomResponse room, CancellationToken stop)
    {
        var (accepted, refused) = (0, 0);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var response = i % 2 == 0
                ? await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/timer/{(i % 4 == 0 ? "start" : "reset")}", room.Participant.Token)
                : await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", room.Participant.Token, new { text = "flood" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused++;
                Interlocked.Increment(ref _refusedSoFar);
            }
            else
            {
                accepted++;
            }
        }

        return (accepted, refused);
    }

    private static double P95(List<double> times) => times.Order().ElementAt((int)Math.Ceiling(times.Count * 0.95) - 1);
}
