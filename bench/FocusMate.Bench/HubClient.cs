using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace FocusMate.Bench;

/// <summary>What a scenario wants to hear from its clients. Called on the client's receive loop: keep it short.</summary>
internal interface IHubListener
{
    void OnTimerUpdate(HubClient client, long version, long receivedAt);

    void OnEvent(HubClient client, string target, ReadOnlySpan<byte> record, long receivedAt);

    void OnCommandCompleted(HubClient client, string invocationId, bool failed, long receivedAt);
}

/// <summary>
/// A SignalR client over a plain <see cref="ClientWebSocket"/> speaking the JSON protocol itself: the handshake,
/// then records ended by 0x1E. One receive loop and one growable buffer per connection, no per-message
/// document on the hot path: light enough for thousands of connections beside the server.
/// </summary>
internal sealed class HubClient(int index, object? tag) : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private byte[] _buffer = new byte[4096];
    private int _filled;
    private int _nextId;
    private Task _receiving = Task.CompletedTask;
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Index { get; } = index;

    public object? Tag { get; } = tag;

    public IHubListener? Listener { get; set; }

    /// <summary>Last timer version this client saw, and how many arrived out of order (set by the fan-out listener).</summary>
    public long LastVersion { get; set; }

    public long LastSentAt { get; private set; }

    public bool Closed { get; private set; }

    public string? CloseReason { get; private set; }

    public async Task ConnectAsync(Uri hubUri, string token, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var uri = new Uri($"{hubUri}?access_token={Uri.EscapeDataString(token)}");
        await _socket.ConnectAsync(uri, cancellationToken);
        _receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        await SendAsync(HubRecords.Handshake);
        await _handshake.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <summary>Invokes a hub method and waits for its completion; the raw completion record (throws on an error completion).</summary>
    public async Task<JsonDocument> InvokeAsync(string target, string argumentsJson = "", TimeSpan? timeout = null)
    {
        var id = "i" + Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        await SendAsync(HubRecords.Invocation(id, target, argumentsJson));
        var record = await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        var document = JsonDocument.Parse(record);
        if (document.RootElement.TryGetProperty("error", out var error))
        {
            document.Dispose();
            throw new InvalidOperationException($"{target} failed: {error.GetString()}");
        }

        return document;
    }

    /// <summary>Sends a command without waiting; its completion reaches <see cref="IHubListener.OnCommandCompleted"/>.</summary>
    public Task SendCommandAsync(string target, string invocationId, string argumentsJson = "") =>
        SendAsync(HubRecords.Invocation(invocationId, target, argumentsJson));

    public Task PingAsync() => SendAsync(HubRecords.Ping);

    public async Task SendAsync(byte[] payload)
    {
        await _sendGate.WaitAsync();
        try
        {
            LastSentAt = Clock.Now;
            await _socket.SendAsync(payload, WebSocketMessageType.Text, true, _stop.Token);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (_filled == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                var result = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), _stop.Token);
                var receivedAt = Clock.Now;
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    MarkClosed(_socket.CloseStatusDescription ?? "closed by server");
                    return;
                }

                _filled += result.Count;
                Drain(receivedAt);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            MarkClosed(ex.Message);
        }
    }

    private void Drain(long receivedAt)
    {
        var start = 0;
        while (true)
        {
            var end = Array.IndexOf(_buffer, HubRecords.Separator, start, _filled - start);
            if (end < 0)
            {
                break;
            }

            Handle(_buffer.AsSpan(start, end - start), receivedAt);
            start = end + 1;
        }

        if (start > 0)
        {
            Buffer.BlockCopy(_buffer, start, _buffer, 0, _filled - start);
            _filled -= start;
        }
    }

    private void Handle(ReadOnlySpan<byte> record, long receivedAt)
    {
        var version = HubRecords.TimerUpdateVersion(record);
        if (version >= 0)
        {
            Listener?.OnTimerUpdate(this, version, receivedAt);
            return;
        }

        var head = HubRecords.ReadHead(record);
        switch (head.Type)
        {
            case 1 when head.Target is not null:
                Listener?.OnEvent(this, head.Target, record, receivedAt);
                break;
            case 3 when head.InvocationId is not null:
                Completed(head, record, receivedAt);
                break;
            default:
                HandleControl(head, record);
                break;
        }
    }

    /// <summary>The handshake answer (<c>{}</c> or <c>{"error": …}</c>, type 0 here) and the close record (7); pings are ignored.</summary>
    private void HandleControl(RecordHead head, ReadOnlySpan<byte> record)
    {
        if (head.Type == 0)
        {
            Complete(head.HasError ? "handshake refused: " + System.Text.Encoding.UTF8.GetString(record) : null);
        }
        else if (head.Type == 7)
        {
            MarkClosed("close record: " + System.Text.Encoding.UTF8.GetString(record));
        }
    }

    private void Complete(string? error)
    {
        if (error is null)
        {
            _handshake.TrySetResult();
        }
        else
        {
            _handshake.TrySetException(new InvalidOperationException(error));
        }
    }

    private void Completed(RecordHead head, ReadOnlySpan<byte> record, long receivedAt)
    {
        if (_pending.TryRemove(head.InvocationId!, out var waiting))
        {
            waiting.TrySetResult(record.ToArray());
        }
        else
        {
            Listener?.OnCommandCompleted(this, head.InvocationId!, head.HasError, receivedAt);
        }
    }

    private void MarkClosed(string reason)
    {
        if (!_stop.IsCancellationRequested)
        {
            CloseReason ??= reason;
        }

        Closed = true;
        _handshake.TrySetException(new InvalidOperationException("connection closed: " + reason));
        foreach (var waiting in _pending.Values)
        {
            waiting.TrySetException(new InvalidOperationException("connection closed: " + reason));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Closing is best effort: the server may have gone already.
        }

        _socket.Abort();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
        _sendGate.Dispose();
    }
}
