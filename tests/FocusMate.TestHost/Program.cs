using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using FocusMate.TestSupport;

namespace FocusMate.TestHost;

// Runs FocusMate as its production binary does, plus a clock tests can move (POST /_test/clock) and, for
// drills, run faster than real time. Settings come from the environment as for the real app; the address
// from Urls (http://127.0.0.1:<port>). FOCUSMATE_TEST_CLOCK_SPEED and FOCUSMATE_TEST_CLOCK_EPOCH (Unix ms,
// the same for every instance of a drill) make time run N times faster. FOCUSMATE_TEST_CLOCK_OFFSET_SECONDS
// starts the clock that far ahead: a test host restarted after its clock was moved on stays where it was.
internal static class TestHostProgram
{
    public static async Task Main()
    {
        var stop = new TaskCompletionSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });

        var address = new Uri((Environment.GetEnvironmentVariable("Urls") ?? "http://127.0.0.1:8000").Split(';')[0]);
        var speed = double.TryParse(Environment.GetEnvironmentVariable("FOCUSMATE_TEST_CLOCK_SPEED"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 1;
        DateTimeOffset? epoch = long.TryParse(Environment.GetEnvironmentVariable("FOCUSMATE_TEST_CLOCK_EPOCH"), out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

        var clock = new AdjustableClock(speed, epoch);
        if (double.TryParse(Environment.GetEnvironmentVariable("FOCUSMATE_TEST_CLOCK_OFFSET_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var offset))
        {
            clock.Advance(TimeSpan.FromSeconds(offset));
        }

        // WebApplicationFactory finds the app's content root next to this program, wherever it was copied to.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FOCUSMATE_API", AppContext.BaseDirectory);
        await using var app = new ClockedApp(clock);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(address.Host == "localhost" ? "127.0.0.1" : address.Host), address.Port));
        app.StartServer();
        await stop.Task;
    }
}
