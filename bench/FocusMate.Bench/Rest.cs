using System.Net;

namespace FocusMate.Bench;

/// <summary>
/// REST: constant-arrival-rate runs (open model: requests leave at their planned instants and latency counts
/// from that instant, so a slow answer is not hidden by a waiting client) of GET room and POST pause/resume,
/// plus a closed-loop ceiling run (N workers back to back) of GET room.
/// </summary>
internal sealed class RestScenario(RestApi api, ServerProbe? server, string target)
{
    private const int MaxInFlight = 4096;

    private List<RoomSeed> _rooms = [];
    private int[] _toggles = [];

    public async Task PrepareAsync(int rooms)
    {
        var seeds = new RoomSeed[rooms];
        await Parallel.ForEachAsync(Enumerable.Range(0, rooms), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            seeds[i] = await api.CreateRoomAsync("rest");
            var status = await api.TimerAsync(seeds[i].RoomId, seeds[i].HostToken, "start", cancellationToken);
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"start timer: HTTP {(int)status}");
            }
        });
        _rooms = [.. seeds];
        _toggles = new int[rooms];
    }

    public Task<HttpStatusCode> GetRoom(long i) => api.GetRoomAsync(_rooms[(int)(i % _rooms.Count)].RoomId);

    /// <summary>Alternates pause and resume per room (each room's commands are a second or more apart at these rates).</summary>
    public Task<HttpStatusCode> PauseResume(long i)
    {
        var index = (int)(i % _rooms.Count);
        var room = _rooms[index];
        var command = Interlocked.Increment(ref _toggles[index]) % 2 == 1 ? "pause" : "resume";
        return api.TimerAsync(room.RoomId, room.HostToken, command);
    }

    public async Task<RestResult> OpenAsync(string name, double rate, double warmupSeconds, double seconds,
        Func<long, Task<HttpStatusCode>> call)
    {
        var counts = new RestCounts();
        var latency = new LatencyRecorder();
        var warmup = (long)(rate * warmupSeconds);
        var total = warmup + (long)(rate * seconds);
        var start = Clock.Now + Clock.FromSeconds(0.05);
        CpuWindow? cpu = null;
        var inFlight = new List<Task>();
        await Pacer.RunAsync(total, start, Clock.FromSeconds(1.0 / rate), (i, due) =>
        {
            cpu ??= i >= warmup ? new CpuWindow(server) : null;
            if (counts.InFlight >= MaxInFlight)
            {
                counts.Drop();
                return;
            }

            inFlight.Add(OneAsync(call, i, due, i >= warmup ? latency : null, counts));
        });

        var use = (cpu ?? new CpuWindow(server)).Stop();
        await Task.WhenAll(inFlight).WaitAsync(TimeSpan.FromSeconds(60));
        return counts.Result(target, name, "open", rate, seconds, latency.Summary(), use, 0);
    }

    public async Task<RestResult> ClosedAsync(string name, int concurrency, double warmupSeconds, double seconds,
        Func<long, Task<HttpStatusCode>> call)
    {
        var counts = new RestCounts();
        var latency = new LatencyRecorder();
        var warmupEnd = Clock.Now + Clock.FromSeconds(warmupSeconds);
        var end = warmupEnd + Clock.FromSeconds(seconds);
        long next = 0;
        CpuWindow? cpu = null;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Clock.Now < end)
            {
                var at = Clock.Now;
                var measured = at >= warmupEnd;
                if (measured && cpu is null)
                {
                    Interlocked.CompareExchange(ref cpu, new CpuWindow(server), null);
                }

                await OneAsync(call, Interlocked.Increment(ref next), at, measured ? latency : null, counts);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var use = (cpu ?? new CpuWindow(server)).Stop();
        var result = counts.Result(target, name, "closed", 0, use.Seconds, latency.Summary(), use, concurrency);
        return result with { RequestsPerSecondDone = Math.Round(result.Requests / Math.Max(0.001, use.Seconds), 1) };
    }

    private static async Task OneAsync(Func<long, Task<HttpStatusCode>> call, long i, long due, LatencyRecorder? latency,
        RestCounts counts)
    {
        // Open model: a request the pacer sent late counts from its planned instant; one sent early (the pacer
        // goes up to 1 ms early rather than spin) counts from the moment it left.
        var origin = Math.Min(due, Clock.Now);
        counts.Start();
        try
        {
            var status = await call(i);
            counts.Done(latency is not null, status);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            counts.Done(latency is not null, null);
        }
        finally
        {
            latency?.RecordTicks(Clock.Now - origin);
        }
    }
}

/// <summary>Counters of a REST run (only measured requests count, except the in-flight gauge).</summary>
internal sealed class RestCounts
{
    private long _inFlight;
    private long _requests;
    private long _ok;
    private long _conflicts;
    private long _errors;
    private long _dropped;

    public long InFlight => Interlocked.Read(ref _inFlight);

    public void Start() => Interlocked.Increment(ref _inFlight);

    public void Drop() => Interlocked.Increment(ref _dropped);

    public void Done(bool measured, HttpStatusCode? status)
    {
        Interlocked.Decrement(ref _inFlight);
        if (!measured)
        {
            return;
        }

        Interlocked.Increment(ref _requests);
        var bucket = status switch
        {
            HttpStatusCode.OK => 0,
            HttpStatusCode.Conflict => 1,
            _ => 2,
        };
        Interlocked.Increment(ref bucket == 0 ? ref _ok : ref bucket == 1 ? ref _conflicts : ref _errors);
    }

    public RestResult Result(string target, string name, string model, double rate, double seconds, Percentiles latency,
        CpuUse cpu, int concurrency) =>
        new(target, name, model, rate, Math.Round(_requests / Math.Max(0.001, seconds), 1), seconds, _requests, _ok, _conflicts,
            _errors, _dropped, latency, cpu, _requests == 0 ? 0 : Math.Round(cpu.ServerCpuMicros / _requests, 1), concurrency);
}
