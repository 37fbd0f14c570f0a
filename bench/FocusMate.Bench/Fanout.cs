namespace FocusMate.Bench;

/// <summary>One load level of the fan-out scenario: its counters, filled by the clients' receive loops.</summary>
internal sealed class FanoutStage(int clients, int rooms, double rate, double warmupSeconds, double measureSeconds)
{
    private long _expected;
    private long _received;
    private long _windowDeliveries;
    private long _outOfOrder;
    private long _duplicates;
    private long _unmatched;
    private long _commandErrors;
    private long _sendFailures;

    public int Clients { get; } = clients;

    public int Rooms { get; } = rooms;

    public double Rate { get; } = rate;

    public double WarmupSeconds { get; } = warmupSeconds;

    public double MeasureSeconds { get; } = measureSeconds;

    public LatencyRecorder Latency { get; } = new();

    public LatencyRecorder DispatchLag { get; } = new();

    /// <summary>Deliveries that arrive in [WindowStart, WindowEnd) count for CPU per delivery.</summary>
    public long WindowStart { get; set; } = long.MaxValue;

    public long WindowEnd { get; set; } = long.MaxValue;

    public long Expected => Interlocked.Read(ref _expected);

    public long Received => Interlocked.Read(ref _received);

    public long WindowDeliveries => Interlocked.Read(ref _windowDeliveries);

    public long OutOfOrder => Interlocked.Read(ref _outOfOrder);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Unmatched => Interlocked.Read(ref _unmatched);

    public long CommandErrors => Interlocked.Read(ref _commandErrors);

    public long SendFailures => Interlocked.Read(ref _sendFailures);

    public long CommandsSent { get; set; }

    public void AddExpected(int deliveries) => Interlocked.Add(ref _expected, deliveries);

    public void Delivered(CommandSlot slot, long receivedAt)
    {
        Interlocked.Increment(ref _received);
        if (slot.Measured)
        {
            Latency.RecordTicks(receivedAt - slot.SentAt);
        }

        if (receivedAt >= WindowStart && receivedAt < WindowEnd)
        {
            Interlocked.Increment(ref _windowDeliveries);
        }
    }

    public void OutOfOrderSeen(bool duplicate) => Interlocked.Increment(ref duplicate ? ref _duplicates : ref _outOfOrder);

    public void UnmatchedSeen() => Interlocked.Increment(ref _unmatched);

    public void CommandFailed() => Interlocked.Increment(ref _commandErrors);

    public void SendFailed() => Interlocked.Increment(ref _sendFailures);
}

/// <summary>
/// Fan-out: R rooms × C clients; each room's host alternates pause/resume on a running timer, at a total rate
/// set by an open model (commands leave at their planned instants whatever the server's answers). For every
/// receiving client (the host included) the time from the command's planned send to its timer_update, and
/// lost / out-of-order / duplicate events by version.
/// </summary>
internal sealed class FanoutScenario(ServerProbe? server) : IHubListener
{
    private FanoutStage? _current;

    public void OnTimerUpdate(HubClient client, long version, long receivedAt)
    {
        var room = (BenchRoom)client.Tag!;
        var slot = room.Ring[version % BenchRoom.RingSize];
        var stage = slot?.Stage ?? _current;
        if (version <= client.LastVersion)
        {
            stage?.OutOfOrderSeen(duplicate: version == client.LastVersion);
            return;
        }

        client.LastVersion = version;
        if (slot is null || slot.Version != version)
        {
            stage?.UnmatchedSeen();
            return;
        }

        slot.Stage.Delivered(slot, receivedAt);
    }

    public void OnEvent(HubClient client, string target, ReadOnlySpan<byte> record, long receivedAt)
    {
    }

    public void OnCommandCompleted(HubClient client, string invocationId, bool failed, long receivedAt)
    {
        if (failed)
        {
            _current?.CommandFailed();
            // The failed command produced no version: later commands produce one less than predicted.
            var room = (BenchRoom)client.Tag!;
            lock (room)
            {
                room.NextVersion--;
            }
        }
    }

    /// <summary>Runs one stage over the rooms; returns its result once every expected event arrived or stopped arriving.</summary>
    public async Task<FanoutResult> RunAsync(FanoutStage stage, IReadOnlyList<BenchRoom> rooms, string target)
    {
        _current = stage;
        var rss0 = server?.RssBytes() ?? 0;
        var total = (long)(stage.Rate * (stage.WarmupSeconds + stage.MeasureSeconds));
        var interval = Clock.FromSeconds(1.0 / stage.Rate);
        var start = Clock.Now + Clock.FromSeconds(0.05);
        stage.WindowStart = start + Clock.FromSeconds(stage.WarmupSeconds);
        stage.WindowEnd = start + Clock.FromSeconds(stage.WarmupSeconds + stage.MeasureSeconds);
        CpuWindow? cpu = null;
        await Pacer.RunAsync(total, start, interval, (i, due) =>
        {
            if (cpu is null && due >= stage.WindowStart)
            {
                cpu = new CpuWindow(server);
            }

            Dispatch(stage, rooms[(int)(i % rooms.Count)], due);
        });
        var left = Clock.ToMillis(stage.WindowEnd - Clock.Now);
        if (left > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(left));
        }

        var use = (cpu ?? new CpuWindow(server)).Stop();
        stage.CommandsSent = total;
        var drained = await DrainAsync(stage);
        return FanoutResult.Of(target, stage, use, drained, rss0, server?.RssBytes() ?? 0, rooms);
    }

    private static void Dispatch(FanoutStage stage, BenchRoom room, long intended)
    {
        long version;
        string command;
        lock (room)
        {
            version = room.NextVersion++;
            command = room.NextIsPause ? "pause_timer" : "resume_timer";
            room.NextIsPause = !room.NextIsPause;
        }

        var measured = intended >= stage.WindowStart && intended < stage.WindowEnd;
        // Latency counts from the moment the command is handed to the socket ("sent"); how late that was
        // against the plan is the dispatch lag, reported beside it. Sends never wait for answers (open model).
        var sentAt = Clock.Now;
        room.Ring[version % BenchRoom.RingSize] = new CommandSlot(version, sentAt, stage, measured);
        stage.AddExpected(room.Clients.Length);
        stage.DispatchLag.RecordTicks(sentAt - intended);
        var sending = room.Commander.SendCommandAsync(command, "c" + version);
        if (!sending.IsCompletedSuccessfully)
        {
            _ = sending.ContinueWith(t => { if (t.IsFaulted) { stage.SendFailed(); } }, TaskScheduler.Default);
        }
    }

    /// <summary>Waits for the stragglers: until every expected event arrived, or none arrived for 3 s (at most 60 s). Seconds waited.</summary>
    private static async Task<double> DrainAsync(FanoutStage stage)
    {
        var start = Clock.Now;
        var lastProgress = Clock.Now;
        var last = stage.Received;
        while (Clock.SecondsSince(start) < 60 && Clock.SecondsSince(lastProgress) < 3)
        {
            if (stage.Received + Failed(stage) >= stage.Expected)
            {
                break;
            }

            await Task.Delay(50);
            if (stage.Received != last)
            {
                (last, lastProgress) = (stage.Received, Clock.Now);
            }
        }

        return Math.Round(Clock.SecondsSince(start), 2);
    }

    /// <summary>Deliveries that will never come because their command was refused (a room's clients per failure).</summary>
    internal static long Failed(FanoutStage stage) =>
        (stage.CommandErrors + stage.SendFailures) * (stage.Clients / Math.Max(1, stage.Rooms));
}
