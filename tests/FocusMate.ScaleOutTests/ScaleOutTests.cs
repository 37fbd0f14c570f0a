using System.Diagnostics;
using System.Net;
using System.Text;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Core.Participants;
using FocusMate.Core.Timers;
using FocusMate.ScaleOutTests.Support;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace FocusMate.ScaleOutTests;

[Collection(ClusterCollection.Name)]
public sealed class ScaleOutTests(Cluster cluster, ITestOutputHelper output)
{
    private Uri Web => cluster.Web;

    private Uri Instance(int index) => cluster.Instances[index].Address;

    [Fact]
    public async Task NginxServesTheAppAndOneOriginForTheApiWithItsHeaders()
    {
        var page = await cluster.Http.GetAsync(new Uri(Web, $"/room/{Guid.NewGuid()}"));
        var html = await page.Content.ReadAsStringAsync();
        var asset = System.Text.RegularExpressions.Regex.Match(html, "/assets/[^\"]+\\.js").Value;
        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(Web, asset));
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        var script = await cluster.Http.SendAsync(gzipRequest);
        var api = await cluster.Http.GetAsync(new Uri(Web, $"/api/v1/rooms/{Guid.NewGuid()}"));
        var swagger = await cluster.Http.GetAsync(new Uri(Web, "/swagger/index.html"));
        var health = await cluster.Http.GetAsync(new Uri(Web, "/health/ready"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<div id=\"root\">", html, StringComparison.Ordinal);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Header(page, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(page, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(page, "Referrer-Policy"));
        Assert.Contains("default-src 'self'", Header(page, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", Header(page, "Content-Security-Policy").Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("gzip", script.Content.Headers.ContentEncoding.Single());
        Assert.True(script.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task HubConnectionsThroughNginxLeaveNoTokenInItsLog()
    {
        var room = await cluster.Http.CreateRoomAsync(Web);
        var client = await RoomHubClient.ConnectAsync(Web, room.Participant.Token);
        await client.DisposeAsync();

        // nginx writes a WebSocket's line when it closes.
        var log = await Eventually.WaitAsync(() => Task.FromResult(cluster.NginxLog), text => text.Contains("/hubs/room", StringComparison.Ordinal));

        Assert.Contains("GET /hubs/room HTTP/1.1\" 101", log, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", log, StringComparison.Ordinal);
        Assert.DoesNotContain(room.Participant.Token, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyTooLargeForNginxStillGetsTheContractsProblem()
    {
        using var content = new StringContent($"{{\"text\":\"{new string('x', 100_000)}\"}}", Encoding.UTF8, "application/json");

        var response = await cluster.Http.PostAsync(new Uri(Web, "/api/v1/rooms"), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"PAYLOAD_TOO_LARGE\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientsOnDifferentInstancesSeeEveryChangeInVersionOrder()
    {
        var room = await cluster.Http.CreateRoomAsync(Web, new { allow_all_control = true });
        var jun = await cluster.Http.JoinAsync(Web, room.RoomId, "Jun");
        await using var onFirst = await RoomHubClient.ConnectAsync(Instance(0), room.Participant.Token);
        await using var onSecond = await RoomHubClient.ConnectAsync(Instance(1), jun.Token);
        await using var throughNginx = await RoomHubClient.ConnectAsync(Web, jun.Token);

        // Twenty commands, alternating between the instances over REST and the hub.
        var commands = new[] { "start" }.Concat(Enumerable.Range(0, 19).Select(i => i % 2 == 0 ? "pause" : "resume")).ToList();
        long last = 0;
        for (var i = 0; i < commands.Count; i++)
        {
            var state = i % 3 == 2
                ? await (i % 2 == 0 ? onFirst : onSecond).Connection.InvokeAsync<TimerStateResponse>($"{commands[i]}_timer")
                : await cluster.Http.TimerAsync(Instance(i % 2), room.RoomId, commands[i], room.Participant.Token);
            last = state.Version;
        }

        foreach (var client in new[] { onFirst, onSecond, throughNginx })
        {
            var versions = new List<long>();
            while (versions.Count == 0 || versions[^1] < last)
            {
                versions.Add((await client.NextAsync<TimerStateResponse>("timer_update")).Data.Version);
            }

            Assert.Equal(Enumerable.Range(2, commands.Count).Select(v => (long)v), versions);
        }
    }

    [Fact]
    public async Task PresenceIsTheSameSeenFromEitherInstance()
    {
        var room = await cluster.Http.CreateRoomAsync(Web);
        var jun = await cluster.Http.JoinAsync(Web, room.RoomId, "Jun");
        var participants = new Uri(Instance(0), $"/api/v1/rooms/{room.RoomId}/participants");

        var client = await RoomHubClient.ConnectAsync(Instance(1), jun.Token);
        var online = await cluster.Http.ReadAsync<List<ParticipantResponse>>(participants);
        await client.DisposeAsync();
        var offline = await Eventually.WaitAsync(
            () => cluster.Http.ReadAsync<List<ParticipantResponse>>(participants),
            list => !list.Single(p => p.ParticipantId == jun.ParticipantId).Online);

        Assert.True(online.Single(p => p.ParticipantId == jun.ParticipantId).Online);
        Assert.All(offline, p => Assert.False(p.Online));
    }

    [Fact]
    public async Task APhaseCompletesExactlyOnceWithBothSchedulersRunning()
    {
        var room = await cluster.Http.CreateRoomAsync(Web, new { work_duration_minutes = 1, auto_start_break = false });
        var jun = await cluster.Http.JoinAsync(Web, room.RoomId, "Jun");
        await using var onFirst = await RoomHubClient.ConnectAsync(Instance(0), room.Participant.Token);
        await using var onSecond = await RoomHubClient.ConnectAsync(Instance(1), jun.Token);
        var started = await cluster.Http.TimerAsync(Instance(1), room.RoomId, "start", room.Participant.Token);

        await cluster.AdvanceClocksAsync(TimeSpan.FromSeconds(61));

        foreach (var client in new[] { onFirst, onSecond })
        {
            var complete = await client.NextAsync<TimerCompleteData>("timer_complete");
            Assert.Equal(new TimerCompleteData(SessionType.Work, SessionType.Break, false), complete.Data);
            await client.NextAsync<TimerStateResponse>("timer_update", e => e.Data.Status == TimerStatus.Completed);
        }

        // Events reach each client in order: once the next command's update is in, a second completion
        // announcement, had there been one, would already be here.
        var next = await cluster.Http.TimerAsync(Instance(0), room.RoomId, "start", room.Participant.Token);
        foreach (var client in new[] { onFirst, onSecond })
        {
            await client.NextAsync<TimerStateResponse>("timer_update", e => e.Data.Version == next.Version);
            Assert.Equal(0, client.PendingCount("timer_complete"));
        }

        Assert.Equal(started.Version + 2, next.Version);
        var sessions = await cluster.Http.ReadAsync<List<SessionResponse>>(new Uri(Instance(1), $"/api/v1/rooms/{room.RoomId}/sessions"));
        Assert.Single(sessions);
    }

    [Fact]
    public async Task ARoomChangedOnOneInstanceIsNotServedStaleFromTheOthersMemory()
    {
        var room = await cluster.Http.CreateRoomAsync(Instance(0));
        var roomOnSecond = new Uri(Instance(1), $"{Rest.Rooms}/{room.RoomId}");
        // The second instance reads the room once, and keeps it in memory (for up to 30 s).
        Assert.Equal(25, (await cluster.Http.ReadAsync<RoomResponse>(roomOnSecond)).WorkDurationMinutes);
        await cluster.Http.JoinAsync(Instance(0), room.RoomId, "Jun");

        (await cluster.Http.SendAsync(HttpMethod.Patch, new Uri(Instance(0), $"{Rest.Rooms}/{room.RoomId}"), room.Participant.Token,
            new { work_duration_minutes = 50 })).EnsureSuccessStatusCode();

        // The first instance's notice makes the second drop its copy long before that copy would expire.
        var seen = await Eventually.WaitAsync(() => cluster.Http.ReadAsync<RoomResponse>(roomOnSecond), r => r.WorkDurationMinutes == 50,
            TimeSpan.FromSeconds(5));
        Assert.Equal(2, seen.CurrentParticipants);
    }

    [Fact]
    public async Task StoppingAnInstanceMovesItsClientsToTheOtherWithNothingLost()
    {
        var room = await cluster.Http.CreateRoomAsync(Instance(0), new { work_duration_minutes = 1, auto_start_break = false });
        var clients = new List<RoomHubClient>();
        for (var i = 0; i < 4; i++)
        {
            // Only the WebSocket upgrades go through nginx, so its round robin puts two clients on each instance.
            var member = await cluster.Http.JoinAsync(Instance(0), room.RoomId, $"P{i}");
            clients.Add(await RoomHubClient.ConnectAsync(Web, member.Token));
        }

        var running = await cluster.Http.TimerAsync(Instance(1), room.RoomId, "start", room.Participant.Token);
        foreach (var client in clients)
        {
            await client.NextAsync<TimerStateResponse>("timer_update", e => e.Data.Version == running.Version);
        }

        // nginx's round robin decides where each client lands: stop an instance that holds some of them.
        var stopping = await Cluster.ConnectionsOnAsync(cluster.Instances[0], room.RoomId) > 0 ? cluster.Instances[0] : cluster.Instances[1];
        try
        {
            await StopAndRestartAsync(stopping, clients, running, room);
        }
        finally
        {
            if (!stopping.IsRunning)
            {
                await cluster.RestartAsync(stopping);
            }
        }

        var sessions = await cluster.Http.ReadAsync<List<SessionResponse>>(new Uri(Web, $"/api/v1/rooms/{room.RoomId}/sessions"));
        Assert.Single(sessions);
    }

    private async Task StopAndRestartAsync(ApiInstance stopping, List<RoomHubClient> clients, TimerStateResponse running, CreatedRoomResponse room)
    {
        var onStopping = await Cluster.ConnectionsOnAsync(stopping, room.RoomId);
        Assert.InRange(onStopping, 1, clients.Count);
        var rejoins = clients.Select(c => c.NextRejoinAsync()).ToList();
        var watch = Stopwatch.StartNew();
        await stopping.StopAsync();
        var stoppedAfter = watch.Elapsed;
        var moved = new List<RoomSnapshot>();
        var pending = rejoins.ToList();
        while (moved.Count < onStopping)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            Assert.True(done.IsCompletedSuccessfully, $"{onStopping} clients were on the stopped instance but only {moved.Count} rejoined: "
                + string.Join(" / ", clients.Select(c => $"[{c.Connection.State}: {string.Join(", ", c.History)}]")));
            moved.Add(await done);
        }

        var failover = watch.Elapsed;
        output.WriteLine($"Graceful stop took {stoppedAfter.TotalMilliseconds:F0} ms; the {moved.Count} clients on the stopped instance " +
            $"were back in the room through nginx {failover.TotalMilliseconds:F0} ms after the stop signal.");
        Console.WriteLine($"[failover] instance stopped in {stoppedAfter.TotalMilliseconds:F0} ms; its {moved.Count} clients rejoined through nginx after {failover.TotalMilliseconds:F0} ms");

        Assert.All(moved, snapshot => Assert.Equal(running with { ServerTime = snapshot.Timer.ServerTime, RemainingSeconds = snapshot.Timer.RemainingSeconds },
            snapshot.Timer));
        Assert.Equal(onStopping, rejoins.Count(r => r.IsCompletedSuccessfully));
        Assert.All(clients, c => Assert.Equal(HubConnectionState.Connected, c.Connection.State));

        // The phase still ends on time, announced once to everyone, by the instance left.
        await cluster.AdvanceClocksAsync(TimeSpan.FromSeconds(61));
        foreach (var client in clients)
        {
            await client.NextAsync<TimerCompleteData>("timer_complete");
            await client.NextAsync<TimerStateResponse>("timer_update", e => e.Data.Status == TimerStatus.Completed);
        }

        // Bringing the instance back changes nothing for anyone.
        await cluster.RestartAsync(stopping);
        var afterRestart = await cluster.Http.ReadAsync<RoomResponse>(new Uri(stopping.Address, $"/api/v1/rooms/{room.RoomId}"));
        Assert.Equal(TimerStatus.Completed, afterRestart.TimerState.Status);
        Assert.Equal(running.Version + 1, afterRestart.TimerState.Version);
        var present = await cluster.Http.ReadAsync<List<ParticipantResponse>>(new Uri(stopping.Address, $"/api/v1/rooms/{room.RoomId}/participants"));
        Assert.Equal(clients.Count, present.Count(p => p.Online));
        // Events reach each client in order: if anything had been sent since, it would arrive before this reset.
        var reset = await cluster.Http.TimerAsync(stopping.Address, room.RoomId, "reset", room.Participant.Token);
        foreach (var client in clients)
        {
            Assert.Equal(reset.Version, (await client.NextAsync<TimerStateResponse>("timer_update")).Data.Version);
            Assert.Equal(0, client.PendingCount("timer_complete"));
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task AfterAnInstanceCrashesItsParticipantsGoOfflineForEveryone()
    {
        var room = await cluster.Http.CreateRoomAsync(Web);
        var jun = await cluster.Http.JoinAsync(Web, room.RoomId, "Jun");
        await using var watcher = await RoomHubClient.ConnectAsync(Instance(0), room.Participant.Token);
        var crashing = cluster.Instances[1];
        var victim = await RoomHubClient.ConnectAsync(crashing.Address, jun.Token);
        await watcher.NextAsync<ParticipantUpdateData>("participant_update",
            e => e.Data.Action == ParticipantAction.Online && e.Data.Participant.ParticipantId == jun.ParticipantId);

        var watch = Stopwatch.StartNew();
        crashing.Kill();
        try
        {
            var offline = await watcher.NextAsync<ParticipantUpdateData>("participant_update",
                e => e.Data.Action == ParticipantAction.Offline && e.Data.Participant.ParticipantId == jun.ParticipantId);
            output.WriteLine($"A killed instance's participant was shown offline after {watch.ElapsedMilliseconds} ms.");
            Console.WriteLine($"[crash] participant offline for everyone {watch.ElapsedMilliseconds} ms after SIGKILL");
            Assert.False(offline.Data.Participant.Online);
        }
        finally
        {
            await victim.DisposeAsync();
            await cluster.RestartAsync(crashing);
        }
    }

    [Fact]
    public async Task DeletingARoomClosesItsConnectionsOnEveryInstance()
    {
        var room = await cluster.Http.CreateRoomAsync(Web);
        var jun = await cluster.Http.JoinAsync(Web, room.RoomId, "Jun");
        await using var onFirst = await RoomHubClient.ConnectAsync(Instance(0), jun.Token);
        await using var onSecond = await RoomHubClient.ConnectAsync(Instance(1), jun.Token);
        var closedFirst = onFirst.ClosedAsync();
        var closedSecond = onSecond.ClosedAsync();

        var response = await cluster.Http.SendAsync(HttpMethod.Delete, new Uri(Instance(0), $"/api/v1/rooms/{room.RoomId}"), room.Participant.Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await onSecond.NextAsync<RoomDeletedData>("room_deleted");
        await Task.WhenAll(closedFirst, closedSecond).WaitAsync(RoomHubClient.LivePatience);
    }

    [Fact]
    public async Task ARemovedParticipantIsCutOffOnTheOtherInstanceToo()
    {
        var room = await cluster.Http.CreateRoomAsync(Web);
        var jun = await cluster.Http.JoinAsync(Web, room.RoomId, "Jun");
        await using var removed = await RoomHubClient.ConnectAsync(Instance(1), jun.Token);
        var closed = removed.ClosedAsync();

        var response = await cluster.Http.SendAsync(HttpMethod.Delete,
            new Uri(Instance(0), $"/api/v1/rooms/{room.RoomId}/participants/{jun.ParticipantId}"), room.Participant.Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var told = await removed.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.Removed);
        Assert.Equal(jun.ParticipantId, told.Data.Participant.ParticipantId);
        await closed.WaitAsync(RoomHubClient.LivePatience);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : "";
}
