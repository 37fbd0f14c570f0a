using System.Diagnostics;

namespace FocusMate.TestSupport;

/// <summary>
/// One API process: the Release build of the real app, run by the test host (tests/FocusMate.TestHost) so its clock
/// can be moved on (<c>POST /_test/clock</c>); stopped gently, frozen or killed. The scale-out suite runs several.
/// </summary>
public sealed class ApiInstance(int number, int port, string work, IReadOnlyDictionary<string, string> environment)
{
    private Process? _process;

    public int Number { get; } = number;

    public int Port { get; } = port;

    public Uri Address { get; } = new($"http://127.0.0.1:{port}");

    public bool IsRunning => _process is { HasExited: false };

    public int ProcessId => _process?.Id ?? 0;

    public string LogPath => Path.Combine(work, $"api-{Number}.log");

    private static string Binaries => Repository.PathOf("tests", "FocusMate.TestHost", "bin", "Release", "net10.0");

    public async Task StartAsync()
    {
        var dll = Path.Combine(Binaries, "FocusMate.TestHost.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build the solution in Release first: {dll} is missing.");
        }

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Binaries,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Urls"] = Address.ToString();
        start.Environment["DataDirectory"] = Path.Combine(work, $"data-{Number}");
        start.Environment["Spa__RootPath"] = Path.Combine(work, "no-spa");
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.WaitAsync(() => Rest.PingAsync(new Uri(Address, "/health/ready")), up => up || !IsRunning, TimeSpan.FromSeconds(60));
        if (!IsRunning)
        {
            throw new InvalidOperationException($"Instance {Number} exited at start-up; see {LogPath}.");
        }
    }

    /// <summary>A graceful stop (SIGTERM, as an orchestrator sends): connections are closed and presence is cleared.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>A crash (SIGKILL): nothing is cleaned up by this process.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }
    }

    /// <summary>Freezes the process (SIGSTOP), as a long pause would: it answers nothing and beats nothing until <see cref="Resume"/>.</summary>
    public void Pause() => Signal("-STOP");

    public void Resume() => Signal("-CONT");

    private void Signal(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }

    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var client = new HttpClient { BaseAddress = Address };
        var response = await client.PostAsJsonAsync("/_test/clock", new { advance_seconds = by.TotalSeconds });
        response.EnsureSuccessStatusCode();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
