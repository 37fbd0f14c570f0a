using FocusMate.Core.Push;
using FocusMate.Core.Timers;
using FocusMate.Infrastructure.Push;

namespace FocusMate.UnitTests.Push;

public sealed class PushEndpointsTests
{
    [Theory]
    [InlineData("https://fcm.googleapis.com/fcm/send/abc:def")]
    [InlineData("https://updates.push.services.mozilla.com/wpush/v2/gAAAA")]
    [InlineData("https://web.push.apple.com/QGuQyavXuto")]
    [InlineData("https://db5p.notify.windows.com/w/?token=abc")]
    [InlineData("https://api.push.apple.com/3/device/x")]
    public void TheMajorBrowsersPushServicesAreAllowedByDefault(string endpoint) =>
        Assert.True(PushEndpoints.IsAllowed(endpoint, PushOptions.DefaultAllowedEndpoints));

    [Theory]
    [InlineData("http://fcm.googleapis.com/fcm/send/abc")]          // not https
    [InlineData("https://fcm.googleapis.com:8443/fcm/send/abc")]    // another port
    [InlineData("https://fcm.googleapis.com.evil.example/x")]       // a look-alike host
    [InlineData("https://evilfcm.googleapis.com/x")]                // not the exact host
    [InlineData("https://notify.windows.com/x")]                    // the wildcard needs a subdomain
    [InlineData("https://user:secret@fcm.googleapis.com/x")]        // credentials
    [InlineData("https://169.254.169.254/latest/meta-data")]        // the cloud metadata service
    [InlineData("http://localhost:8000/api/v1/rooms")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElseIsRefused(string? endpoint) =>
        Assert.False(PushEndpoints.IsAllowed(endpoint, PushOptions.DefaultAllowedEndpoints));

    [Fact]
    public void AConfiguredHttpOriginAllowsExactlyThatOrigin()
    {
        string[] allowed = ["http://127.0.0.1:5123"];

        Assert.True(PushEndpoints.IsAllowed("http://127.0.0.1:5123/push/1", allowed));
        Assert.False(PushEndpoints.IsAllowed("http://127.0.0.1:5124/push/1", allowed));
        Assert.False(PushEndpoints.IsAllowed("https://127.0.0.1:5123/push/1", allowed));
    }

    [Fact]
    public void AVapidPairDerivedFromASecretIsTheSameEveryTimeAndAValidP256Pair()
    {
        var one = VapidKeys.Derive("a shared signing key of enough length, 1234567890");
        var again = VapidKeys.Derive("a shared signing key of enough length, 1234567890");
        var other = VapidKeys.Derive("another signing key of enough length, 1234567890");
        var random = VapidKeys.Generate();

        Assert.Equal(one, again);
        Assert.NotEqual(one.PublicKey, other.PublicKey);
        Assert.Equal(65, Base64Url.DecodedLength(one.PublicKey));
        Assert.Equal(32, Base64Url.DecodedLength(one.PrivateKey));
        Assert.Equal(65, Base64Url.DecodedLength(random.PublicKey));
        using var key = System.Security.Cryptography.ECDsa.Create(new System.Security.Cryptography.ECParameters
        {
            Curve = System.Security.Cryptography.ECCurve.NamedCurves.nistP256,
            D = Base64Url.TryDecode(one.PrivateKey),
        });
        var q = key.ExportParameters(false).Q;
        Assert.Equal(Base64Url.TryDecode(one.PublicKey), [0x04, .. q.X!, .. q.Y!]);
    }

    [Fact]
    public void PushesSayWhatEndedAndWhatComesInTheSubscribersLanguage()
    {
        var toBreak = new PhaseCompletion(SessionType.Work, SessionType.Break, AutoStart: true);
        var toWork = new PhaseCompletion(SessionType.Break, SessionType.Work, AutoStart: false);

        Assert.Equal(("Focus session complete", "design · Your break has started."), PushTexts.For("en", "design", toBreak));
        Assert.Equal(("휴식이 끝났어요", "design · 준비되면 다음 집중 시간을 시작하세요."), PushTexts.For("ko", "design", toWork));
    }
}
