namespace FocusMate.Bench;

/// <summary>CPU used over a time window: by the server, by this generator, and by the whole machine (all in cores).</summary>
internal sealed record CpuUse(double Seconds, double ServerCores, double GeneratorCores, double MachineCores, double OtherCores,
    double ServerCpuMicros);

/// <summary>Starts at construction; <see cref="Stop"/> gives the CPU each party used meanwhile.</summary>
internal sealed class CpuWindow
{
    private readonly ServerProbe? _server;
    private readonly long _start = Clock.Now;
    private readonly double _server0;
    private readonly double _self0 = ServerProbe.SelfCpuMicros();
    private readonly (long Busy, long Total) _machine0 = MachineCpu.Read();

    public CpuWindow(ServerProbe? server)
    {
        _server = server;
        _server0 = server?.CpuMicros() ?? 0;
    }

    public CpuUse Stop()
    {
        var seconds = Clock.SecondsSince(_start);
        var server = (_server?.CpuMicros() ?? 0) - _server0;
        var self = ServerProbe.SelfCpuMicros() - _self0;
        var machine = MachineCpu.Read();
        var cores = Environment.ProcessorCount;
        var totalJiffies = Math.Max(1, machine.Total - _machine0.Total);
        var machineCores = (machine.Busy - _machine0.Busy) / (double)totalJiffies * cores;
        var serverCores = server / 1e6 / seconds;
        var selfCores = self / 1e6 / seconds;
        return new CpuUse(Math.Round(seconds, 2), Math.Round(serverCores, 3), Math.Round(selfCores, 3), Math.Round(machineCores, 3),
            Math.Round(Math.Max(0, machineCores - serverCores - selfCores), 3), server);
    }
}
