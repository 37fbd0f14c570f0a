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
}

/// <summary>One writer at a time (SQLite).</summary>
internal sealed class SerializedWrites : WriteLock, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Releaser _releaser;

    public SerializedWrites() => _releaser = new Releaser(_gate);

    public override async ValueTask<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return _releaser;
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Releaser(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
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
