using FocusMate.Core.Admission;
using FocusMate.Core.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// Orders database writes within this process where the database needs it. SQLite lets one writer in at
/// a time; a second one gets SQLITE_BUSY, on which Microsoft.Data.Sqlite sleeps 150 ms before trying
/// again — under concurrent commands that sleep becomes the latency. Queueing writers here instead costs
/// microseconds. PostgreSQL takes concurrent writers itself (row locks), so its lock lets everyone in.
/// </summary>
public abstract class WriteLock
{
    /// <summary>Holds the lock until the returned handle is disposed; wrap a whole write (transaction included).</summary>
    public abstract ValueTask<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken);

    /// <summary>How many writes wait for their turn now.</summary>
    public virtual int Waiting => 0;
}

/// <summary>
/// One writer at a time (SQLite), with a bounded queue: a write that finds the queue full, or waits longer
/// than its patience, is refused with <see cref="ServiceBusyException"/> (503) so a flood sheds load instead
/// of making everyone wait. Only the first write of a unit of work may be refused (<see cref="WriteAdmission"/>);
/// the server's own work always queues.
/// </summary>
internal sealed class SerializedWrites(IOptions<DatabaseOptions> options, IServiceProvider services) : WriteLock, IDisposable
{
    // Resolved on first use: the metrics observe this lock, so they cannot be made before it.
    private Telemetry.DatabaseMetrics? _metrics;

    private Telemetry.DatabaseMetrics Metrics => _metrics ??= services.GetRequiredService<Telemetry.DatabaseMetrics>();

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _waiting;

    public override int Waiting => Volatile.Read(ref _waiting);

    public override async ValueTask<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var ticket = WriteAdmission.Active;
        if (!_gate.Wait(0, CancellationToken.None))
        {
            var waited = System.Diagnostics.Stopwatch.GetTimestamp();
            await WaitForTurnAsync(mustQueue: ticket is null || ticket.MustQueue, cancellationToken);
            Metrics.WriteWaited(System.Diagnostics.Stopwatch.GetElapsedTime(waited));
        }

        ticket?.Admit();
        return new Releaser(_gate);
    }

    private async Task WaitForTurnAsync(bool mustQueue, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (Interlocked.Increment(ref _waiting) > limits.WriteQueueLimit && !mustQueue)
        {
            Interlocked.Decrement(ref _waiting);
            throw new ServiceBusyException(RetryAfter);
        }

        try
        {
            if (mustQueue)
            {
                await _gate.WaitAsync(cancellationToken);
            }
            else if (!await _gate.WaitAsync(limits.WriteQueueTimeout, cancellationToken))
            {
                throw new ServiceBusyException(RetryAfter);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Releases the gate once, however often it is disposed.</summary>
    private sealed class Releaser(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>No ordering needed (PostgreSQL).</summary>
internal sealed class ConcurrentWrites : WriteLock
{
    private static readonly IAsyncDisposable Nothing = new NoRelease();

    public override ValueTask<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Nothing);

    private sealed class NoRelease : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
