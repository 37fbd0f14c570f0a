using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace FocusMate.Api.Hubs;

/// <summary>
/// Cuts off a hub client that stops reading, so nobody waits for it. Everything sent to a connection goes
/// through a buffer of <c>Api:HubSendBufferBytes</c>; a send that finds the buffer full — the client has
/// not taken that much for a while — closes the connection at once instead of waiting, because SignalR
/// would otherwise hold every later message to the room (and, with Redis, the room's whole channel on
/// this instance) until the slow client caught up. A client that reads, however slowly, never fills the
/// buffer with this app's small events. A single send that the network takes longer than
/// <c>Api:HubSendTimeout</c> to accept also closes the connection (the transport's send timeout).
/// </summary>
internal static partial class SlowClientGuard
{
    /// <summary>Puts the guard between SignalR and the connection's transport.</summary>
    public static IConnectionBuilder UseSlowClientGuard(this IConnectionBuilder builder, ILogger logger, Telemetry.ApiMetrics metrics) =>
        builder.Use(next => connection =>
        {
            var transport = connection.Transport;
            connection.Transport = new DuplexPipe(transport.Input, new GuardedWriter(transport.Output, connection, logger, metrics));
            return next(connection);
        });

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    /// <summary>Passes writes through; a flush that would wait (the buffer is full) closes the connection instead.</summary>
    private sealed class GuardedWriter(PipeWriter inner, ConnectionContext connection, ILogger logger, Telemetry.ApiMetrics metrics) : PipeWriter
    {
        private static readonly FlushResult Dropped = new(isCanceled: false, isCompleted: true);
        private byte[]? _discard;
        private volatile bool _cut;

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Advance(int bytes)
        {
            if (!_cut)
            {
                inner.Advance(bytes);
            }
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _cut ? Discard(sizeHint) : inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _cut ? Discard(sizeHint).Span : inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            if (_cut)
            {
                return new ValueTask<FlushResult>(Dropped);
            }

            var flush = inner.FlushAsync(cancellationToken);
            if (flush.IsCompleted)
            {
                return flush;
            }

            _cut = true;
            LogCutOff(logger, connection.ConnectionId);
            metrics.ClientCut();
            connection.Abort(new ConnectionAbortedException("The client stopped reading: its send buffer is full."));
            // The pending flush ends when the transport shuts down; nothing waits for it.
            _ = flush.AsTask().ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return new ValueTask<FlushResult>(Dropped);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        private Memory<byte> Discard(int sizeHint) =>
            _discard is { } buffer && buffer.Length >= Math.Max(sizeHint, 1) ? buffer : _discard = new byte[Math.Max(sizeHint, 4096)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub connection {ConnectionId} stopped reading; cut off so nobody waits for it")]
    private static partial void LogCutOff(ILogger logger, string connectionId);
}
