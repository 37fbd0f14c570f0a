using System.Diagnostics;
using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Core.Errors;
using FocusMate.Core.Push;
using FocusMate.IntegrationTests.Support;
using FocusMate.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FocusMate.IntegrationTests;

/// <summary>
/// Web Push for phase ends: a browser subscribes with the server's VAPID key; every phase end is pushed once, encrypted
/// for that browser, in its language; endpoints off the allow-list are refused; gone subscriptions are dropped.
/// </summary>
public sealed class PushTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private LocalPushService _push = null!;
    private FocusMateFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _push = await LocalPushService.StartAsync();
        _app = NewApp(FocusMateFactory.NewDataDirectory());
        _client = _app.CreateClient();
    }

    private FocusMateFactory NewApp(string dataDirectory, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null) =>
        new(dataDirectory, clock, settings: new Dictionary<string, string?>
        {
            ["Push:AllowedEndpoints:0"] = _push.Origin.GetLeftPart(UriPartial.Authority),
            ["Push:Subject"] = "mailto:ops@focusmate.test",
        });

    public async Task DisposeAsync() => await _push.DisposeAsync();

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
        FocusMateFactory.DeleteQuietly(_app.DataDirectory);
    }

    private static string Subscriptions(Guid roomId) => $"{Rest.Rooms}/{roomId}/push-subscriptions";

    private async Task<string> PublicKeyAsync() =>
        (await (await _client.SendAsync(HttpMethod.Get, "/api/v1/push/key")).ReadAsync<PushKeyResponse>()).PublicKey;

    [Fact]
    public async Task TheKeyIsAP256PublicKeyThatStaysTheSameAcrossRestarts()
    {
        var key = await PublicKeyAsync();
        using var restarted = NewApp(_app.DataDirectory);
        var again = (await (await restarted.CreateClient().SendAsync(HttpMethod.Get, "/api/v1/push/key")).ReadAsync<PushKeyResponse>()).PublicKey;

        Assert.Equal(65, Base64Url.DecodedLength(key));
        Assert.Equal(0x04, Base64Url.TryDecode(key)![0]);
        Assert.Equal(key, again);
    }

    [Fact]
    public async Task EveryPhaseEndIsPushedOnceToEachSubscriptionEncryptedAndInItsLanguage()
    {
        var room = await _client.CreateRoomAsync(new { work_duration_minutes = 1, auto_start_break = true });
        var jun = await _client.JoinAsync(room.RoomId);
        var minaBrowser = _push.NewBrowser();
        var junBrowser = _push.NewBrowser();
        (await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), room.Participant.Token, minaBrowser.Subscription())).EnsureSuccessStatusCode();
        var created = await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), jun.Token, junBrowser.Subscription("ko"));
        await _client.TimerAsync(room.RoomId, "start", room.Participant.Token);

        _app.Advance(TimeSpan.FromMinutes(1));
        var ended = Stopwatch.StartNew();
        await _app.RunSchedulerPassAsync();
        var pushes = await Eventually.WaitAsync(() => Task.FromResult(_push.Received), r => r.Count >= 2);
        var latency = ended.Elapsed;
        _app.Advance(TimeSpan.FromMinutes(5));
        await _app.RunSchedulerPassAsync(); // the break ends too: a second push each
        var all = await Eventually.WaitAsync(() => Task.FromResult(_push.Received), r => r.Count >= 4);
        output.WriteLine($"[push] phase end to push received: {latency.TotalMilliseconds:F0} ms");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(4, all.Count);
        Assert.Equal(2, all.Count(p => p.Browser == minaBrowser));
        Assert.Equal(2, all.Count(p => p.Browser == junBrowser));
        var key = await PublicKeyAsync();
        Assert.All(all, p =>
        {
            p.AssertVapid(key, _push.Origin);
            Assert.Equal("aes128gcm", p.ContentEncoding);
        });
        var first = pushes.ToDictionary(p => p.Browser, p => p.Notice());
        Assert.Equal("Focus session complete", first[minaBrowser].GetProperty("title").GetString());
        Assert.Equal("집중 시간이 끝났어요", first[junBrowser].GetProperty("title").GetString());
        Assert.Contains(room.RoomName, first[minaBrowser].GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/room/{room.RoomId}", first[minaBrowser].GetProperty("url").GetString());
        Assert.Equal("work", first[minaBrowser].GetProperty("completed_session_type").GetString());
        Assert.Equal("break", first[minaBrowser].GetProperty("next_session_type").GetString());
        Assert.True(latency < TimeSpan.FromSeconds(1), $"pushed {latency.TotalMilliseconds:F0} ms after the phase ended");
    }

    [Fact]
    public async Task TwoInstancesRacingForOneCompletionPushItOnce()
    {
        using var second = NewApp(_app.DataDirectory, _app.Clock);
        var room = await _client.CreateRoomAsync(new { work_duration_minutes = 1 });
        var browser = _push.NewBrowser();
        (await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), room.Participant.Token, browser.Subscription())).EnsureSuccessStatusCode();
        await _client.TimerAsync(room.RoomId, "start", room.Participant.Token);

        _app.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(_app.RunSchedulerPassAsync(), second.RunSchedulerPassAsync());
        await Eventually.WaitAsync(() => Task.FromResult(_push.Received), r => r.Count >= 1);
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // room for a second push, which must not come

        Assert.Single(_push.Received);
    }

    [Theory]
    [InlineData("https://evil.example/push/1")]
    [InlineData("http://127.0.0.1:1/push/1")]
    [InlineData("ftp://127.0.0.1/push/1")]
    [InlineData("not a url")]
    [InlineData("https://fcm.googleapis.com/fcm/send/abc")] // a real push service, but not on this server's list
    public async Task AnEndpointOffTheAllowListIsRefusedAndNeverCalled(string endpoint)
    {
        var room = await _client.CreateRoomAsync();
        var browser = _push.NewBrowser();
        var body = new Dictionary<string, object?>((IDictionary<string, object?>)browser.Subscription()) { ["endpoint"] = endpoint };

        var response = await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), room.Participant.Token, body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Contains("endpoint", problem.Errors!.Keys);
        Assert.Empty(await SubscriptionsOfAsync(room.RoomId));
    }

    [Theory]
    [InlineData("""{"endpoint":"{E}","keys":{"p256dh":"AAAA","auth":"{A}"}}""", "keys.p256dh")]
    [InlineData("""{"endpoint":"{E}","keys":{"p256dh":"{P}","auth":"AAAA"}}""", "keys.auth")]
    [InlineData("""{"endpoint":"{E}","keys":{"p256dh":"{P}","auth":"{A}"},"language":"fr"}""", "language")]
    [InlineData("""{"endpoint":"{E}"}""", "keys")]
    public async Task BadKeysOrLanguageAreValidationErrors(string template, string field)
    {
        var room = await _client.CreateRoomAsync();
        var browser = _push.NewBrowser();
        var body = template.Replace("{E}", browser.Endpoint, StringComparison.Ordinal)
            .Replace("{P}", Base64Url.Encode(browser.PublicKey), StringComparison.Ordinal)
            .Replace("{A}", Base64Url.Encode(browser.AuthSecret), StringComparison.Ordinal);

        var response = await _client.SendRawAsync(HttpMethod.Post, Subscriptions(room.RoomId), body, token: room.Participant.Token);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ErrorCodes.ValidationError);
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task OnlyMembersSubscribeAndUnsubscribingTwiceIsNotFound()
    {
        var room = await _client.CreateRoomAsync();
        var other = await _client.CreateRoomAsync();
        var browser = _push.NewBrowser();

        var anonymous = await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), body: browser.Subscription());
        var foreign = await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), other.Participant.Token, browser.Subscription());
        var subscribed = await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), room.Participant.Token, browser.Subscription());
        var again = await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), room.Participant.Token, browser.Subscription("ko"));
        var kept = await SubscriptionsOfAsync(room.RoomId);
        var removed = await _client.SendAsync(HttpMethod.Delete, Subscriptions(room.RoomId), room.Participant.Token, new { endpoint = browser.Endpoint });
        var twice = await _client.SendAsync(HttpMethod.Delete, Subscriptions(room.RoomId), room.Participant.Token, new { endpoint = browser.Endpoint });

        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await foreign.ProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("ko", Assert.Single(kept).Language); // subscribing again replaced it
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await twice.ProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        Assert.Empty(await SubscriptionsOfAsync(room.RoomId));
    }

    [Fact]
    public async Task ASubscriptionThePushServiceCallsGoneIsDropped()
    {
        var room = await _client.CreateRoomAsync(new { work_duration_minutes = 1 });
        var gone = _push.NewBrowser(HttpStatusCode.Gone);
        var fine = _push.NewBrowser();
        (await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), room.Participant.Token, gone.Subscription())).EnsureSuccessStatusCode();
        (await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), room.Participant.Token, fine.Subscription())).EnsureSuccessStatusCode();
        await _client.TimerAsync(room.RoomId, "start", room.Participant.Token);

        _app.Advance(TimeSpan.FromMinutes(1));
        await _app.RunSchedulerPassAsync();
        var left = await Eventually.WaitAsync(() => SubscriptionsOfAsync(room.RoomId), s => s.Count == 1);

        Assert.Equal(fine.Endpoint, Assert.Single(left).Endpoint);
    }

    [Fact]
    public async Task AParticipantWhoLeavesLosesItsSubscriptions()
    {
        var room = await _client.CreateRoomAsync();
        var jun = await _client.JoinAsync(room.RoomId);
        (await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), jun.Token, _push.NewBrowser().Subscription())).EnsureSuccessStatusCode();
        (await _client.SendAsync(HttpMethod.Post, Subscriptions(room.RoomId), room.Participant.Token, _push.NewBrowser().Subscription())).EnsureSuccessStatusCode();

        await _client.SendAsync(HttpMethod.Delete, $"{Rest.Rooms}/{room.RoomId}/participants/{jun.ParticipantId}", jun.Token);

        Assert.Equal(room.Participant.ParticipantId, Assert.Single(await SubscriptionsOfAsync(room.RoomId)).ParticipantId);
    }

    private async Task<IReadOnlyList<WebPushSubscription>> SubscriptionsOfAsync(Guid roomId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPushSubscriptionRepository>().ForRoomAsync(roomId, CancellationToken.None);
    }
}
