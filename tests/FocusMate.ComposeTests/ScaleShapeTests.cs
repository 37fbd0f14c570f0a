using System.Diagnostics;
using FocusMate.Api.Contracts;
using FocusMate.ComposeTests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;
using FocusMate.TestSupport;

namespace FocusMate.ComposeTests;

/// <summary>
/// `docker compose -f docker-compose.yml -f docker-compose.scale.yml up` from a clean checkout: two API instances
/// behind nginx on PostgreSQL and Redis, walked through a deployment's life in order.
/// </summary>
[Collection("2 scale shape")]
[TestCaseOrderer("FocusMate.ComposeTests.Support.BySteps", "FocusMate.ComposeTests")]
public sealed class ScaleShapeTests(ScaleStack stack, ITestOutputHelper output) : IClassFixture<ScaleStack>
{
    private static readonly string[] Services = ["api", "api-2", "postgres", "redis", "web"];
    private static readonly string[] Instances = ["api", "api-2"];

    [Fact, Step(1)]
    public async Task Every_service_becomes_healthy_on_an_empty_database_without_a_warning_or_an_error()
    {
        var states = await stack.StatesAsync();

        Assert.Equal(Services, states.Keys.Order());
        Assert.All(states, s => Assert.Equal("running healthy", s.Value));
        foreach (var instance in Instances)
        {
            Assert.Empty(Health.ApiProblems(await stack.LogsAsync(instance)));
        }

        Assert.Empty(Health.PostgresProblems(await stack.LogsAsync("postgres")));
        Assert.Empty(Health.NginxProblems(await stack.LogsAsync("web")));
    }

    [Fact, Step(2)]
    public async Task Every_container_runs_as_a_non_root_user_on_a_read_only_root_file_system_and_no_volume_is_anonymous()
    {
        Assert.Empty(await Health.PrivilegeProblemsAsync(stack, Services));
        var mounts = await stack.VolumeMountsAsync();
        Assert.Equal([$"{stack.Project}_focusmate-data", $"{stack.Project}_postgres-data"], mounts.Select(m => m.Name).Order());
    }

    [Fact, Step(3)]
    public async Task Requests_through_nginx_reach_both_api_instances()
    {
        var room = await stack.Http.CreateRoomAsync();
        for (var i = 0; i < 30; i++)
        {
            await stack.Http.RoomAsync(room.RoomId);
        }

        // Each instance logs one line per request it answered.
        var answered = new Dictionary<string, int>();
        foreach (var instance in Instances)
        {
            answered[instance] = (await stack.LogsAsync(instance)).Split('\n')
                .Count(l => l.Contains(room.RoomId.ToString(), StringComparison.Ordinal) && l.Contains("responded 200", StringComparison.Ordinal));
        }

        output.WriteLine(string.Join(", ", answered.Select(a => $"{a.Key} answered {a.Value}")));
        Assert.Equal(30, answered.Values.Sum());
        Assert.All(answered.Values, count => Assert.True(count > 0, string.Join(", ", answered)));
    }

    [Fact, Step(4)]
    public async Task Hub_clients_on_different_instances_hear_each_others_commands()
    {
        var room = await stack.Http.CreateRoomAsync(new { allow_all_control = true });
        var clients = await ConnectUntilBothInstancesHoldSomeAsync(room, 2);
        try
        {
            var where = await stack.InstancesOfAsync(room.RoomId, clients.Count);
            var onFirst = clients.First(c => where[c.ParticipantId].Contains("api"));
            var onSecond = clients.First(c => where[c.ParticipantId].Contains("api-2"));

            var started = await onFirst.Connection.InvokeAsync<TimerStateResponse>("start_timer", (object?)null);
            var heardOnSecond = await onSecond.NextUpdateAsync(t => t.Version == started.Version);
            var paused = await onSecond.Connection.InvokeAsync<TimerStateResponse>("pause_timer");
            var heardOnFirst = await onFirst.NextUpdateAsync(t => t.Version == paused.Version);

            Assert.Equal(started.Timeless(), heardOnSecond.Data.Timeless());
            Assert.Equal(paused.Timeless(), heardOnFirst.Data.Timeless());
        }
        finally
        {
            await DisposeAllAsync(clients);
        }
    }

    [Fact, Step(5)]
    public async Task After_an_api_container_is_killed_its_clients_resync_through_the_other_with_nothing_lost()
    {
        var room = await stack.Http.CreateRoomAsync();
        var clients = await ConnectUntilBothInstancesHoldSomeAsync(room, 4);
        try
        {
            var running = await stack.Http.TimerAsync(room.RoomId, "start", room.Participant.Token);
            await Task.WhenAll(clients.Select(c => c.NextUpdateAsync(t => t.Version == running.Version)));
            var where = await stack.InstancesOfAsync(room.RoomId, clients.Count);
            var victims = clients.Where(c => where[c.ParticipantId].Contains("api-2")).ToList();
            var rejoins = victims.Select(c => c.NextRejoinAsync()).ToList();

            var watch = Stopwatch.StartNew();
            await Docker.OutputAsync("kill", await stack.ContainerAsync("api-2"));
            foreach (var rejoin in rejoins)
            {
                await rejoin.WaitAsync(RoomHubClient.LivePatience + TimeSpan.FromSeconds(5));
            }

            var failover = watch.Elapsed;
            output.WriteLine($"{victims.Count} of {clients.Count} clients were on the killed api-2; all were back in the room through nginx {failover.TotalMilliseconds:F0} ms after `docker kill`");
            Report.Add($"scale shape: after `docker kill` of api-2 its {victims.Count} clients were back in the room through nginx in {failover.TotalMilliseconds:F0} ms");
            Assert.All(clients, c => Assert.True(c.Connection.State == HubConnectionState.Connected, c.Describe()));
            // Every participant's connection is now on the instance left.
            await Eventually.WaitAsync(() => stack.InstancesOfAsync(room.RoomId, 0),
                w => clients.All(c => w.TryGetValue(c.ParticipantId, out var on) && on.Contains("api")), TimeSpan.FromSeconds(15));

            // What each client shows is what the server holds, and a command sent now reaches everyone.
            var server = (await stack.Http.RoomAsync(room.RoomId)).TimerState;
            Assert.All(clients, c => Assert.Equal(server.Timeless(), c.Latest?.Timeless()));
            var paused = await stack.Http.TimerAsync(room.RoomId, "pause", room.Participant.Token);
            await Task.WhenAll(clients.Select(c => c.NextUpdateAsync(t => t.Version == paused.Version)));
            var final = (await stack.Http.RoomAsync(room.RoomId)).TimerState;
            Assert.Equal(running.Version + 1, final.Version);
            Assert.All(clients, c => Assert.Equal(final.Timeless(), c.Latest?.Timeless()));
        }
        finally
        {
            await DisposeAllAsync(clients);
        }
    }

    [Fact, Step(6)]
    public async Task Down_with_volumes_leaves_nothing_of_the_project_behind()
    {
        var (mounted, left) = await stack.DownWithVolumesAsync();

        Assert.NotEmpty(mounted);
        Assert.Empty(left);
    }

    /// <summary>
    /// Hub clients through nginx, each a participant of its own, until each API instance holds at least
    /// <paramref name="perInstance"/> of them (nginx picks an instance at random for each connection).
    /// </summary>
    private async Task<List<RoomHubClient>> ConnectUntilBothInstancesHoldSomeAsync(CreatedRoomResponse room, int perInstance)
    {
        var clients = new List<RoomHubClient>();
        for (var i = 0; i < 16; i++)
        {
            var member = await stack.Http.JoinAsync(room.RoomId, $"P{i}");
            clients.Add(await RoomHubClient.ConnectAsync(stack.Web, member.Token, member.ParticipantId));
            if (clients.Count < 2 * perInstance)
            {
                continue;
            }

            var where = await stack.InstancesOfAsync(room.RoomId, clients.Count);
            if (Instances.All(instance => where.Values.Count(on => on.Contains(instance)) >= perInstance))
            {
                return clients;
            }
        }

        await DisposeAllAsync(clients);
        throw new InvalidOperationException($"16 connections through nginx did not put {perInstance} on each instance.");
    }

    private static async Task DisposeAllAsync(List<RoomHubClient> clients)
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
