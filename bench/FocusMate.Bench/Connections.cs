namespace FocusMate.Bench;

/// <summary>
/// Connections: ramp to N joined clients (rooms of a fixed size, made over REST first), idle. Server RSS
/// before the first connection, after each step, and after an idle pause; bytes per connection both as
/// (after − before) / N and as the slope of RSS over the ramp.
/// </summary>
internal static class ConnectionsScenario
{
    public static async Task<ConnectionsResult> RunAsync(RestApi api, ServerProbe? server, string target,
        int clients, int roomSize, int steps, Action<string> log, double idleSeconds = 10)
    {
        await using var population = new Population(api, "cx");
        var rooms = await population.PrepareAsync(clients / roomSize, roomSize);
        await Quiet(server);
        var rss0 = Rss(server);
        var ramp = new List<RampPoint> { new(0, rss0, 0) };
        var perStep = Math.Max(1, rooms.Count / steps);
        var connectStart = Clock.Now;
        for (var s = 0; s < rooms.Count; s += perStep)
        {
            var stepStart = Clock.Now;
            await population.ConnectAsync(rooms.Skip(s).Take(perStep), listener: null, startTimer: false);
            var seconds = Clock.SecondsSince(stepStart);
            await Quiet(server);
            ramp.Add(new RampPoint(population.ConnectedClients, Rss(server), Math.Round(seconds, 2)));
            log($"  {target} connections: {population.ConnectedClients} joined, RSS {ramp[^1].RssBytes / 1048576.0:F1} MiB");
        }

        var connectSeconds = ramp.Sum(p => p.SecondsToConnect);
        var rss1 = Rss(server);
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var rssIdle = Rss(server);
        var n = population.ConnectedClients;
        _ = connectStart;
        return new ConnectionsResult(target, n, roomSize, rss0, rss1, rssIdle,
            Math.Round((rssIdle - rss0) / (double)Math.Max(1, n), 0), Math.Round(Slope(ramp), 0),
            Math.Round(n / Math.Max(0.001, connectSeconds), 1), population.ClosedClients, ramp);
    }

    private static long Rss(ServerProbe? server) => server?.RssBytes() ?? 0;

    private static Task Quiet(ServerProbe? server) => server?.WaitQuietAsync(0.1, 15) ?? Task.Delay(1000);

    /// <summary>Least-squares slope of RSS over connections.</summary>
    internal static double Slope(IReadOnlyList<RampPoint> points)
    {
        var meanX = points.Average(p => (double)p.Connections);
        var meanY = points.Average(p => (double)p.RssBytes);
        var cov = points.Sum(p => (p.Connections - meanX) * (p.RssBytes - meanY));
        var varX = points.Sum(p => (p.Connections - meanX) * (p.Connections - meanX));
        return varX == 0 ? 0 : cov / varX;
    }
}
