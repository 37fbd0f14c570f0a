using System.Globalization;

namespace FocusMate.Bench;

/// <summary>CPU time and memory of one process, read from <c>/proc/&lt;pid&gt;</c> (Linux only).</summary>
internal sealed class ServerProbe(int pid)
{
    /// <summary>Clock ticks per second of <c>/proc/&lt;pid&gt;/stat</c> (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100.0;

    public int Pid { get; } = pid;

    public static ServerProbe? For(int? pid) => pid is > 0 ? new ServerProbe(pid.Value) : null;

    /// <summary>The process listening on the TCP port on this machine, from /proc/net/tcp and the processes' sockets.</summary>
    public static int? FindListener(int port)
    {
        var inodes = ListeningInodes(port);
        if (inodes.Count == 0)
        {
            return null;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && OwnsSocket(dir, inodes))
            {
                return pid;
            }
        }

        return null;
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // local_address, state 0A = LISTEN, inode in column 9.
                if (f.Length > 9 && f[1].EndsWith(hexPort, StringComparison.Ordinal) && f[3] == "0A")
                {
                    inodes.Add($"socket:[{f[9]}]");
                }
            }
        }

        return inodes;
    }

    private static bool OwnsSocket(string procDir, HashSet<string> inodes)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(Path.Combine(procDir, "fd"))
                .Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target));
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    /// <summary>User + system CPU time of the process so far, in microseconds.</summary>
    public double CpuMicros() => CpuMicrosOf($"/proc/{Pid}/stat");

    public static double SelfCpuMicros() => CpuMicrosOf("/proc/self/stat");

    private static double CpuMicrosOf(string statPath)
    {
        var stat = File.ReadAllText(statPath);
        // Fields after the command name (which may hold spaces) start past the last ')': state is field 3.
        var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond * 1e6;
    }

    /// <summary>Resident set size in bytes (VmRSS).</summary>
    public long RssBytes() => StatusField("VmRSS:");

    public int Threads() => (int)StatusField("Threads:");

    private long StatusField(string name)
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                var value = long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return line.EndsWith("kB", StringComparison.Ordinal) ? value * 1024 : value;
            }
        }

        return 0;
    }

    public bool Alive => Directory.Exists($"/proc/{Pid}");

    /// <summary>Waits until the process uses under <paramref name="maxShare"/> of one core for a second (or the time runs out).</summary>
    public async Task WaitQuietAsync(double maxShare = 0.15, double maxSeconds = 30)
    {
        var start = Clock.Now;
        while (Clock.SecondsSince(start) < maxSeconds)
        {
            var before = CpuMicros();
            await Task.Delay(1000);
            if ((CpuMicros() - before) / 1e6 < maxShare)
            {
                return;
            }
        }
    }
}

/// <summary>The whole machine's CPU use from /proc/stat, to tell how much of it other processes took.</summary>
internal static class MachineCpu
{
    /// <summary>(busy, total) jiffies over all cores.</summary>
    public static (long Busy, long Total) Read()
    {
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = f[3] + f[4];
        var total = f.Take(8).Sum();
        return (total - idle, total);
    }

    public static double LoadAverage1() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
