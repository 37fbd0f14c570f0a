using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FocusMate.Api.Contracts;
using FocusMate.Api.Json;
using FocusMate.ScaleOutTests.Support;
using Xunit.Abstractions;
using FocusMate.TestSupport;

namespace FocusMate.ScaleOutTests;

/// <summary>A cluster whose Redis the tests stop and start.</summary>
public sealed class ResilienceCluster : Cluster
{
    protected override bool WithOwnRedis => true;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        // What presence and the reconciler did, for a failure's post-mortem (FOCUSMATE_CLUSTER_LOGS keeps the logs).
        ["Serilog__MinimumLevel__Override__FocusMate"] = "Information",
    };
}

/// <summary>
/// Slow and failing parts never stall the others, and every part recovers by itself: Redis away and back,
/// an instance started without Redis, an instance that stalls, a notice lost on the way, nginx failing to
/// reach the API. Each test leaves Redis and both instances running.
/// </summary>
public sealed class ResilienceTests(ResilienceCluster cluster, ITestOutputHelper output) : IClassFixture<ResilienceCluster>
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    private RedisServer Redis => cluster.OwnRedis!;

    private Uri Instance(int index) => cluster.Instances[index].Address;

    private Task<List<ParticipantResponse>> ParticipantsAsync(Guid roomId, int instance = 0) =>
        cluster.Http.ReadAsync<List<ParticipantResponse>>(new Uri(Instance(instance), $"/api/v1/rooms/{roomId}/participants"));

    private async Task WithRedisDownAsync(Func<Task> during)
    {
        Redis.Stop();
        try
        {
            await during();
        }
        finally
        {
            await Redis.StartAsync();
        }
    }

    [Fact]
    public async Task CommandsStayFastWhileRedisIsAwayAndClientsCatchUpWhenItReturnsWithoutReconnecting()
    {
        var room = await cluster.Http.CreateRoomAsync(Instance(0));
        var jun = await cluster.Http.JoinAsync(Instance(0), room.RoomId, "Jun");
        await using var onFirst = await RoomHubClient.ConnectAsync(Instance(0), room.Participant.Token);
        await using var onSecond = await RoomHubClient.ConnectAsync(Instance(1), jun.Token);
        TimerStateResponse started = null!;
        var took = TimeSpan.Zero;

        await WithRedisDownAsync(async () =>
        {
            var watch = Stopwatch.StartNew();
            started = await cluster.Http.TimerAsync(Instance(0), room.RoomId, "start", room.Participant.Token);
            took = watch.Elapsed;
        });
        var restored = Stopwatch.StartNew();
        var first = await onFirst.NextAsync<TimerStateResponse>("timer_update", e => e.Data.Version >= started.Version);
        var second = await onSecond.NextAsync<TimerStateResponse>("timer_update", e => e.Data.Version >= started.Version);
        output.WriteLine($"command with Redis away answered in {took.TotalMilliseconds:F0} ms; both clients had it {restored.ElapsedMilliseconds} ms after Redis was back");

        Assert.True(took < TimeSpan.FromSeconds(1), $"the command waited {took.TotalMilliseconds:F0} ms for Redis");
        Assert.Equal((started.Version, started.Version), (first.Data.Version, second.Data.Version));
        Assert.DoesNotContain(onFirst.History.Concat(onSecond.History), h => h.Contains("reconnecting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoGhostStaysOnlineAfterADisconnectDuringAnOutage()
    {
        var room = await cluster.Http.CreateRoomAsync(Instance(0));
        var jun = await cluster.Http.JoinAsync(Instance(0), room.RoomId, "Jun");
        var client = await RoomHubClient.ConnectAsync(Instance(1), jun.Token);
        await Eventually.WaitAsync(() => ParticipantsAsync(room.RoomId), list => list.Single(p => p.ParticipantId == jun.ParticipantId).Online);

        await WithRedisDownAsync(async () => await client.DisposeAsync());
        var list = await Eventually.WaitAsync(() => ParticipantsAsync(room.RoomId),
            list => !list.Single(p => p.ParticipantId == jun.ParticipantId).Online, Recovery);

        Assert.False(list.Single(p => p.ParticipantId == jun.ParticipantId).Online);
    }

    [Fact]
    public async Task ARemovedParticipantsConnectionElsewhereIsClosedEvenIfTheCloseNoticeWasLost()
    {
        var room = await cluster.Http.CreateRoomAsync(Instance(0));
        var jun = await cluster.Http.JoinAsync(Instance(0), room.RoomId, "Jun");
        await using var junOnSecond = await RoomHubClient.ConnectAsync(Instance(1), jun.Token);

        await WithRedisDownAsync(async () =>
        {
            var removed = await cluster.Http.SendAsync(HttpMethod.Delete, new Uri(Instance(0), $"/api/v1/rooms/{room.RoomId}/participants/{jun.ParticipantId}"),
                room.Participant.Token);
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        });

        // The close notice went nowhere; when Redis is back the second instance checks whom it still holds.
        await Eventually.WaitAsync(() => Task.FromResult(junOnSecond.History.ToList()),
            history => history.Any(h => h.Contains("reconnecting", StringComparison.Ordinal) || h.Contains("closed", StringComparison.Ordinal)), Recovery);
    }

    [Fact]
    public async Task AnInstanceTakenForDeadDuringAStallComesBackOnlineByItself()
    {
        var room = await cluster.Http.CreateRoomAsync(Instance(0));
        var jun = await cluster.Http.JoinAsync(Instance(0), room.RoomId, "Jun");
        await using var junOnSecond = await RoomHubClient.ConnectAsync(Instance(1), jun.Token);
        bool Online(List<ParticipantResponse> list) => list.Single(p => p.ParticipantId == jun.ParticipantId).Online;
        await Eventually.WaitAsync(() => ParticipantsAsync(room.RoomId), Online);

        cluster.Instances[1].Pause();
        try
        {
            // After ten seconds without a beat the first instance takes the second for dead and closes its connections.
            await Eventually.WaitAsync(() => ParticipantsAsync(room.RoomId), list => !Online(list), Recovery);
        }
        finally
        {
            cluster.Instances[1].Resume();
        }

        var back = await Eventually.WaitAsync(() => ParticipantsAsync(room.RoomId), Online, Recovery);

        Assert.True(Online(back));
        Assert.DoesNotContain(junOnSecond.History, h => h.Contains("closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInstanceStartsWithRedisDownServesAndJoinsTheBackplaneWhenRedisComes()
    {
        var third = cluster.NewInstance(3);
        try
        {
            CreatedRoomResponse room = null!;
            await WithRedisDownAsync(async () =>
            {
                await third.StartAsync(); // waits for /health/ready
                room = await cluster.Http.CreateRoomAsync(third.Address);
            });

            await using var onThird = await Eventually.WaitAsync(async () =>
            {
                try
                {
                    return await RoomHubClient.ConnectAsync(third.Address, room.Participant.Token);
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or System.Net.WebSockets.WebSocketException or IOException)
                {
                    return null;
                }
            }, client => client is not null, Recovery);
            var started = await cluster.Http.TimerAsync(Instance(0), room.RoomId, "start", room.Participant.Token);
            var heard = await onThird!.NextAsync<TimerStateResponse>("timer_update", e => e.Data.Version >= started.Version);

            Assert.Equal(started.Version, heard.Data.Version);
        }
        finally
        {
            third.Kill();
        }
    }

    [Fact]
    public async Task NginxLogsNoParticipantTokenEvenWhenAHubRequestFailsUpstream()
    {
        var room = await cluster.Http.CreateRoomAsync(cluster.Web);
        using var ticketRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(cluster.Web, $"/api/v1/rooms/{room.RoomId}/participants/me/hub-ticket"));
        ticketRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", room.Participant.Token);
        var ticket = (await (await cluster.Http.SendAsync(ticketRequest)).Content.ReadFromJsonAsync<HubTicketResponse>(ApiJson.Options))!;

        foreach (var instance in cluster.Instances)
        {
            instance.Kill();
        }

        HttpStatusCode status;
        try
        {
            // What a browser sends: the WebSocket upgrade with the ticket, never the token, in its URL.
            using var upgrade = new HttpRequestMessage(HttpMethod.Get, new Uri(cluster.Web, $"/hubs/room?access_token={Uri.EscapeDataString(ticket.Ticket)}"));
            upgrade.Headers.Connection.Add("Upgrade");
            upgrade.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
            upgrade.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
            upgrade.Headers.Add("Sec-WebSocket-Version", "13");
            status = (await cluster.Http.SendAsync(upgrade)).StatusCode;
        }
        finally
        {
            foreach (var instance in cluster.Instances)
            {
                await cluster.RestartAsync(instance);
            }
        }

        var errors = await Eventually.WaitAsync(() => Task.FromResult(cluster.NginxErrorLog), log => log.Contains("/hubs/room", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Contains("while connecting to upstream", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(room.Participant.Token, errors, StringComparison.Ordinal);
        Assert.DoesNotContain(room.Participant.Token, cluster.NginxLog, StringComparison.Ordinal);
    }
}
