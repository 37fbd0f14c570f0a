using System.Diagnostics;
using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.ComposeTests.Support;
using FocusMate.Core.Timers;
using FocusMate.TestSupport;
using Xunit.Abstractions;

namespace FocusMate.ComposeTests;

/// <summary>`docker compose up` from a clean checkout, walked through a deployment's life in order.</summary>
[Collection("1 single shape")]
[TestCaseOrderer("FocusMate.ComposeTests.Support.BySteps", "FocusMate.ComposeTests")]
public sealed class SingleShapeTests(SingleStack stack, ITestOutputHelper output) : IClassFixture<SingleStack>
{
    private static readonly string[] Services = ["api", "web"];

    [Fact, Step(1)]
    public async Task The_images_build_from_a_clean_checkout_and_every_service_becomes_healthy_without_a_warning()
    {
        output.WriteLine($"build: {Report.Seconds(Images.BuildTime)}; restore layer: {Images.RestoreStep(Images.Api)}, npm ci layer: {Images.RestoreStep(Images.Web)}");
        var states = await stack.StatesAsync();

        Assert.Equal(Services, states.Keys.Order());
        Assert.All(states, s => Assert.Equal("running healthy", s.Value));
        Assert.Empty(Health.ApiProblems(await stack.LogsAsync("api")));
        Assert.Empty(Health.NginxProblems(await stack.LogsAsync("web")));
    }

    [Fact, Step(2)]
    public async Task Every_container_runs_as_a_non_root_user_on_a_read_only_root_file_system_with_named_volumes_only()
    {
        Assert.Empty(await Health.PrivilegeProblemsAsync(stack, Services));
        var mounts = await stack.VolumeMountsAsync();
        Assert.Equal([$"{stack.Project}_focusmate-data"], mounts.Select(m => m.Name));
    }

    [Fact, Step(3)]
    public async Task Nginx_serves_the_browser_app_and_a_deep_link_gets_its_page()
    {
        var home = await stack.Http.GetAsync(new Uri("/", UriKind.Relative));
        var deepLink = await stack.Http.GetAsync(new Uri($"/room/{Guid.NewGuid()}", UriKind.Relative));
        var html = await home.Content.ReadAsStringAsync();
        var asset = System.Text.RegularExpressions.Regex.Match(html, "/assets/[^\"]+\\.js").Value;
        var script = await stack.Http.GetAsync(new Uri(asset, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("<div id=\"root\">", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deepLink.StatusCode);
        Assert.Equal("text/html", deepLink.Content.Headers.ContentType?.MediaType);
        Assert.Equal(html, await deepLink.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact, Step(4)]
    public async Task A_timer_started_over_rest_reaches_a_hub_client_connected_through_nginx()
    {
        var room = await stack.Http.CreateRoomAsync();
        await using var client = await RoomHubClient.ConnectAsync(stack.Web, room.Participant.Token, room.Participant.ParticipantId);

        var started = await stack.Http.TimerAsync(room.RoomId, "start", room.Participant.Token);

        var update = await client.NextUpdateAsync(t => t.Version == started.Version);
        Assert.Equal(room.RoomId, update.RoomId);
        Assert.Equal(TimerStatus.Running, update.Data.Status);
        stack.Remember(room, started);
    }

    [Fact, Step(5)]
    public async Task Rooms_and_tokens_survive_down_and_up()
    {
        var (room, started) = stack.Remembered ?? await StartARoomAsync();

        await stack.DownAsync(volumes: false);
        var volumesBetween = await Docker.LinesAsync("volume", "ls", "--filter", $"label=com.docker.compose.project={stack.Project}", "--format", "{{.Name}}");
        var upAgain = await stack.UpAsync();
        Report.Add($"single shape: `up` to healthy again after `down`: {Report.Seconds(upAgain)}");
        var after = await stack.Http.RoomAsync(room.RoomId);
        var paused = await stack.Http.CommandAsync(room.RoomId, "pause", room.Participant.Token);

        Assert.Equal([$"{stack.Project}_focusmate-data"], volumesBetween);
        Assert.Equal(started.Timeless(), after.TimerState.Timeless());
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
    }

    [Fact, Step(6)]
    public async Task A_recreated_api_container_with_a_new_address_is_found_without_restarting_nginx()
    {
        var (room, _) = stack.Remembered ?? await StartARoomAsync();
        var webStarted = await stack.InspectAsync("web", "{{.State.StartedAt}}");
        var oldAddress = await stack.InspectAsync("api", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}");
        (await stack.ComposeAsync("rm", "--stop", "--force", "api")).OrThrow();
        // Something else takes the old address, as on a busy network: requests nginx still sends there fail.
        var placeholder = $"{stack.Project}-placeholder";
        await Docker.OutputAsync("run", "-d", "--rm", "--name", placeholder, "--network", stack.Network, "--entrypoint", "sleep", Images.Web, "300");
        try
        {
            await stack.UpAsync("--no-deps", "api");
            var newAddress = await stack.InspectAsync("api", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}");
            var watch = Stopwatch.StartNew();
            var answer = await Eventually.WaitAsync(() => stack.Http.GetAsync(new Uri($"/api/v1/rooms/{room.RoomId}", UriKind.Relative)),
                r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
            output.WriteLine($"api moved from {oldAddress} to {newAddress}; nginx reached it {watch.ElapsedMilliseconds} ms after it was healthy");
            Report.Add($"single shape: nginx found the recreated api at its new address {watch.ElapsedMilliseconds} ms after it was healthy");

            Assert.NotEqual(oldAddress, newAddress);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(webStarted, await stack.InspectAsync("web", "{{.State.StartedAt}}"));
            Assert.Equal("0", await stack.InspectAsync("web", "{{.RestartCount}}"));
        }
        finally
        {
            await Docker.RunAsync("rm", "-f", placeholder);
        }
    }

    [Fact, Step(7)]
    public async Task Over_its_limits_nginx_answers_429_with_the_apis_problem_details()
    {
        var api = await Task.WhenAll(Enumerable.Range(0, 160).Select(_ => stack.Http.GetAsync(new Uri($"/api/v1/rooms/{Guid.NewGuid()}", UriKind.Relative))));
        var hub = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => stack.Http.GetAsync(new Uri("/hubs/room", UriKind.Relative))));

        foreach (var answers in new[] { api, hub })
        {
            var refused = answers.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.NotEmpty(refused);
            Assert.Contains(answers, r => r.StatusCode != HttpStatusCode.TooManyRequests);
            var first = refused[0];
            Assert.Equal("1", first.Headers.RetryAfter?.ToString());
            Assert.Equal("application/problem+json", first.Content.Headers.ContentType?.MediaType);
            Assert.Equal("""{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Too many requests from this address; try again in a second.","code":"RATE_LIMITED"}""",
                await first.Content.ReadAsStringAsync());
        }
    }

    [Fact, Step(8)]
    public async Task Down_with_volumes_leaves_nothing_of_the_project_behind()
    {
        var (mounted, left) = await stack.DownWithVolumesAsync();

        Assert.NotEmpty(mounted);
        Assert.Empty(left);
    }

    private async Task<(CreatedRoomResponse Room, TimerStateResponse Started)> StartARoomAsync()
    {
        var room = await stack.Http.CreateRoomAsync();
        var started = await stack.Http.TimerAsync(room.RoomId, "start", room.Participant.Token);
        stack.Remember(room, started);
        return (room, started);
    }
}
