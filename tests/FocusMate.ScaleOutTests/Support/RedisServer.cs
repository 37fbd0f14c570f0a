using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FocusMate.TestSupport;

namespace FocusMate.ScaleOutTests.Support;

/// <summary>A Redis server of the test's own (Debian's redis-server on a free loopback port) that the test stops and starts.</summary>
public sealed class RedisServer : IDisposable
{
    private Process? _process;

    public int Port { get; } = Ports.Free();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        _process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        await Eventually.WaitAsync(() => Task.FromResult(Answers()), up => up);
    }

    /// <summary>Stops it at once (as a crash would: whatever it held is gone).</summary>
    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(5000);
        }
    }

    public void Dispose()
    {
        Stop();
        _process?.Dispose();
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

}
