namespace FocusMate.Bench;

/// <summary>One fan-out load level against one target.</summary>
internal sealed record FanoutResult(
    string Target, int Clients, int Rooms, double CommandsPerSecond, double MeasureSeconds,
    long CommandsSent, long Expected, long Delivered, long Lost, long OutOfOrder, long Duplicates, long Unmatched,
    long CommandErrors, long SendFailures, int ClosedClients, Percentiles Latency, Percentiles DispatchLag,
    double DeliveriesPerSecond, double ServerCpuMicrosPerDelivery, CpuUse Cpu, double DrainSeconds,
    long RssBeforeBytes, long RssAfterBytes, string? Note = null)
{
    public static FanoutResult Of(string target, FanoutStage stage, CpuUse cpu, double drained, long rss0, long rss1,
        IReadOnlyList<BenchRoom> rooms)
    {
        var lost = Math.Max(0, stage.Expected - stage.Received - FanoutScenario.Failed(stage));
        var window = stage.WindowDeliveries;
        return new FanoutResult(target, stage.Clients, stage.Rooms, stage.Rate, stage.MeasureSeconds,
            stage.CommandsSent, stage.Expected, stage.Received, lost, stage.OutOfOrder, stage.Duplicates, stage.Unmatched,
            stage.CommandErrors, stage.SendFailures, rooms.Sum(r => r.Clients.Count(c => c.Closed)),
            stage.Latency.Summary(), stage.DispatchLag.Summary(),
            Math.Round(window / Math.Max(0.001, cpu.Seconds), 1),
            window == 0 ? 0 : Math.Round(cpu.ServerCpuMicros / window, 2), cpu, drained, rss0, rss1);
    }
}

/// <summary>One step of the connection ramp.</summary>
internal sealed record RampPoint(int Connections, long RssBytes, double SecondsToConnect);

/// <summary>The connection ramp against one target.</summary>
internal sealed record ConnectionsResult(
    string Target, int Clients, int RoomSize, long RssBeforeBytes, long RssAfterBytes, long RssAfterIdleBytes,
    double BytesPerConnection, double SlopeBytesPerConnection, double ConnectsPerSecond, int ClosedClients,
    IReadOnlyList<RampPoint> Ramp);

/// <summary>An open-model REST run (or a closed-loop ceiling run) against one target.</summary>
internal sealed record RestResult(
    string Target, string Name, string Model, double RequestsPerSecondAsked, double RequestsPerSecondDone, double Seconds,
    long Requests, long Ok, long Conflicts, long Errors, long Dropped, Percentiles Latency, CpuUse Cpu,
    double ServerCpuMicrosPerRequest, int Concurrency);

/// <summary>A join storm: K clients join one room at once.</summary>
internal sealed record JoinStormResult(
    string Target, int Clients, int Round, double SecondsUntilAllSeeAll, Percentiles PerClientFullList,
    Percentiles JoinCall, int Failures, string? FirstFailure);

/// <summary>What the machine looked like when the suite ran.</summary>
internal sealed record MachineInfo(
    int Cores, string Cpu, long MemoryBytes, string Os, string Runtime, string StartedAt, string FinishedAt,
    double LoadAverageAtStart, string BusiestAtStart, string Notes);

/// <summary>Everything one suite run measured: written as results.json, read back by the report.</summary>
internal sealed record SuiteResults(
    MachineInfo Machine, Dictionary<string, string> Targets, List<FanoutResult> Fanout, List<ConnectionsResult> Connections,
    List<RestResult> Rest, List<JoinStormResult> JoinStorm, List<string> Log);
