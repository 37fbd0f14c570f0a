using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Core.Background;
using FocusMate.Core.Errors;
using FocusMate.Core.Participants;
using FocusMate.Core.Services;
using FocusMate.Core.Timers;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FocusMate.IntegrationTests;

/// <summary>Nobody can hold a room's seats for nothing, and nothing a room keeps grows without bound.</summary>
public sealed class SeatsAndRetentionTests : AppTest
{
    private async Task<List<ParticipantResponse>> ParticipantsAsync(Guid roomId) =>
        await (await Client.GetAsync($"{Rest.Rooms}/{roomId}/participants")).ReadAsync<List<ParticipantResponse>>();

    private Task<(int Participants, int Rooms)> SweepAsync(FocusMateFactory? app = null) =>
        (app ?? App).Services.GetServices<IHostedService>().OfType<RoomJanitor>().Single().SweepAsync(CancellationToken.None);

    [Fact]
    public async Task ASeatTakenButNeverUsedIsFreedAfterTenMinutes()
    {
        var room = await Client.CreateRoomAsync(new { max_participants = 3 });
        await using var host = await App.ConnectHubAsync(room.Participant.Token);
        var squatter = await Client.JoinAsync(room.RoomId, "Squatter");
        var connected = await Client.JoinAsync(room.RoomId, "Connected");
        await using (await App.ConnectHubAsync(connected.Token))
        {
        }

        App.Advance(TimeSpan.FromMinutes(9));
        var early = await SweepAsync();
        var full = await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/participants", body: new { user_name = "Late" });
        App.Advance(TimeSpan.FromMinutes(2));
        var (dropped, _) = await SweepAsync();
        var left = await host.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.Left);
        var late = await Client.JoinAsync(room.RoomId, "Late");

        Assert.Equal(0, early.Participants);
        await full.ProblemAsync(HttpStatusCode.Conflict, ErrorCodes.MaxParticipantsReached);
        Assert.Equal(1, dropped);
        Assert.Equal(squatter.ParticipantId, left.Data.Participant.ParticipantId);
        Assert.DoesNotContain(await ParticipantsAsync(room.RoomId), p => p.ParticipantId == squatter.ParticipantId);
        Assert.Contains(await ParticipantsAsync(room.RoomId), p => p.ParticipantId == connected.ParticipantId);
        Assert.Equal("Late", late.UserName);
    }

    [Fact]
    public async Task AParticipantWhoUsesItsTokenOverRestIsNoSquatter()
    {
        var room = await Client.CreateRoomAsync();
        var bot = await Client.JoinAsync(room.RoomId, "Bot");
        await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", bot.Token, new { text = "standup in 5" });

        App.Advance(TimeSpan.FromMinutes(30));
        await SweepAsync();

        Assert.Contains(await ParticipantsAsync(room.RoomId), p => p.ParticipantId == bot.ParticipantId);
    }

    [Fact]
    public async Task TheHostRemovesEveryoneOfflineAtOnce()
    {
        var room = await Client.CreateRoomAsync();
        await using var host = await App.ConnectHubAsync(room.Participant.Token);
        var away1 = await Client.JoinAsync(room.RoomId, "Away one");
        var away2 = await Client.JoinAsync(room.RoomId, "Away two");
        var here = await Client.JoinAsync(room.RoomId, "Here");
        await using var present = await App.ConnectHubAsync(here.Token);

        var byGuest = await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}/participants/offline", here.Token);
        var removed = await (await Client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}/participants/offline", room.Participant.Token))
            .ReadAsync<RemovedParticipantsResponse>();
        var heard = new[]
        {
            await present.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.Removed),
            await present.NextAsync<ParticipantUpdateData>("participant_update", e => e.Data.Action == ParticipantAction.Removed),
        };

        await byGuest.ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        Assert.Equal(new[] { away1.ParticipantId, away2.ParticipantId }.Order(), removed.Removed.Order());
        Assert.Equal(removed.Removed.Order(), heard.Select(e => e.Data.Participant.ParticipantId).Order());
        Assert.Equal(new[] { room.Participant.ParticipantId, here.ParticipantId }.Order(),
            (await ParticipantsAsync(room.RoomId)).Select(p => p.ParticipantId).Order());
        await (await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", away1.Token, new { text = "hi" }))
            .ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task ARoomKeepsItsNewestMessagesUpToItsLimit()
    {
        using var app = new FocusMateFactory(settings: new Dictionary<string, string?>
        {
            ["Chat:MaxMessagesPerRoom"] = "5",
            ["Chat:HistoryOnJoin"] = "5",
            ["RateLimiting:Chat:PermitLimit"] = "100",
        });
        var client = app.CreateClient();
        var room = await client.CreateRoomAsync();
        var other = await client.CreateRoomAsync();
        await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{other.RoomId}/messages", other.Participant.Token, new { text = "elsewhere" });
        for (var i = 1; i <= 8; i++)
        {
            app.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages",
                room.Participant.Token, new { text = $"m{i}" })).StatusCode);
        }

        var kept = await (await client.SendAsync(HttpMethod.Get, $"{Rest.Rooms}/{room.RoomId}/messages?limit=500", room.Participant.Token))
            .ReadAsync<List<ChatMessageResponse>>();
        var elsewhere = await (await client.SendAsync(HttpMethod.Get, $"{Rest.Rooms}/{other.RoomId}/messages", other.Participant.Token))
            .ReadAsync<List<ChatMessageResponse>>();

        Assert.Equal(["m4", "m5", "m6", "m7", "m8"], kept.Select(m => m.Text));
        Assert.Single(elsewhere);
    }

    [Fact]
    public async Task AnAbandonedRoomThatCyclesByItselfStillExpires()
    {
        var abandoned = await Client.CreateRoomAsync(new { work_duration_minutes = 60, break_duration_minutes = 30, auto_start_work = true });
        await Client.TimerAsync(abandoned.RoomId, "start", abandoned.Participant.Token);
        var watched = await Client.CreateRoomAsync(new { work_duration_minutes = 60, break_duration_minutes = 30, auto_start_work = true });
        await Client.TimerAsync(watched.RoomId, "start", watched.Participant.Token);
        await using var watcher = await App.ConnectHubAsync(watched.Participant.Token);

        for (var day = 0; day < 31; day++)
        {
            App.Advance(TimeSpan.FromDays(1));
            await App.RunSchedulerPassAsync();
        }

        var (_, expired) = await SweepAsync();

        Assert.Equal(1, expired);
        await (await Client.GetAsync($"{Rest.Rooms}/{abandoned.RoomId}")).ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"{Rest.Rooms}/{watched.RoomId}")).StatusCode);
    }

    [Fact]
    public async Task ARoomManyPhasesBehindCatchesUpWithBoundedHistoryAndOneAnnouncement()
    {
        var room = await Client.CreateRoomAsync(new
        {
            work_duration_minutes = 1, break_duration_minutes = 1, long_break_duration_minutes = 1, auto_start_work = true,
        });
        await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        await using var hub = await App.ConnectHubAsync(room.Participant.Token);

        // Three days of one-minute phases: over four thousand of them fell due at once.
        App.Advance(TimeSpan.FromDays(3) + TimeSpan.FromSeconds(30));
        await App.RunSchedulerPassAsync();
        var update = await hub.NextAsync<TimerStateResponse>("timer_update", e => e.Data.Version > room.TimerState.Version + 1);
        var announced = await hub.NextAsync<TimerCompleteData>("timer_complete");
        await Client.TimerAsync(room.RoomId, "pause", room.Participant.Token);
        await hub.NextAsync<TimerStateResponse>("timer_update", e => e.Data.Status == TimerStatus.Paused);
        var sessions = await Client.SessionsAsync(room.RoomId);

        Assert.Equal(TimerStatus.Running, update.Data.Status);
        Assert.Equal(FocusMateFactory.Start.AddDays(3).AddMinutes(1), update.Data.TargetTimestamp);
        Assert.NotNull(announced);
        Assert.Empty(hub.Pending<TimerCompleteData>("timer_complete"));
        Assert.Equal(TimerService.CatchUpHistoryLimit, sessions.Count);
        Assert.Equal(FocusMateFactory.Start.AddDays(3), sessions[0].EndedAt);
    }

    [Fact]
    public async Task TwoInstancesSweepingAtOnceDropEachSquatterOnce()
    {
        using var other = new FocusMateFactory(App.DataDirectory, App.Clock);
        var room = await Client.CreateRoomAsync();
        await using var host = await App.ConnectHubAsync(room.Participant.Token);
        for (var i = 0; i < 6; i++)
        {
            await Client.JoinAsync(room.RoomId, $"Squatter {i}");
        }

        _ = other.CreateClient();
        App.Advance(TimeSpan.FromMinutes(11));
        var sweeps = await Task.WhenAll(SweepAsync(), SweepAsync(other));

        Assert.Equal(6, sweeps.Sum(s => s.Participants));
        Assert.Single(await ParticipantsAsync(room.RoomId));
    }

    [Fact]
    public async Task AConnectionWhoseParticipantWasRemovedBehindItsBackIsClosedByTheReconciler()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        await using var orphan = await App.ConnectHubAsync(jun.Token);
        var closed = orphan.ClosedAsync();
        using (var scope = App.Services.CreateScope())
        {
            // As if another instance removed Jun and its close notice never arrived.
            await scope.Scoped<IParticipantRepository>().RemoveAsync(room.RoomId, jun.ParticipantId, CancellationToken.None);
        }

        var reconciler = App.Services.GetServices<IHostedService>().OfType<ConnectionReconciler>().Single();
        var count = await reconciler.CloseDepartedAsync(CancellationToken.None);

        Assert.Equal(1, count);
        await closed.WaitAsync(RoomHubClient.Patience);
    }

    [Fact]
    public async Task ARoomWhoseEventCouldNotBeSentGetsItsTimerAgainAtTheReconcilersNextRound()
    {
        var room = await Client.CreateRoomAsync();
        await using var hub = await App.ConnectHubAsync(room.Participant.Token);
        var started = await Client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        await hub.NextAsync<TimerStateResponse>("timer_update", e => e.Data.Version == started.Version);
        hub.Pending<TimerStateResponse>("timer_update");
        var reconciler = App.Services.GetServices<IHostedService>().OfType<ConnectionReconciler>().Single();

        // As if the start's broadcast to the other instances had failed (Redis away): the next round sends the timer again.
        App.Services.GetRequiredService<RoomConnections>().NoteUnsent(room.RoomId);
        await reconciler.RunAsync(restored: false, CancellationToken.None);

        var again = await hub.NextAsync<TimerStateResponse>("timer_update");
        Assert.Equal(started.Version, again.Data.Version);
        Assert.Equal(TimerStatus.Running, again.Data.Status);
    }

    [Fact]
    public async Task JoiningTwiceOnOneConnectionAnnouncesOnlineOnce()
    {
        var room = await Client.CreateRoomAsync();
        var jun = await Client.JoinAsync(room.RoomId, "Jun");
        await using var host = await App.ConnectHubAsync(room.Participant.Token);
        await using var guest = await App.ConnectHubAsync(jun.Token);
        await host.NextAsync<ParticipantUpdateData>("participant_update",
            e => e.Data.Action == ParticipantAction.Online && e.Data.Participant.ParticipantId == jun.ParticipantId);

        await guest.JoinAsync();
        await guest.JoinAsync();
        await Client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{room.RoomId}/messages", jun.Token, new { text = "marker" });
        await host.NextAsync<ChatMessageResponse>("chat_message");

        Assert.DoesNotContain(host.Pending<ParticipantUpdateData>("participant_update"), e => e.Data.Action == ParticipantAction.Online);
    }
}
