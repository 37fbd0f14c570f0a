using System.Diagnostics;
using System.Threading.Channels;
using FocusMate.Core.Admission;
using FocusMate.Core.Errors;
using FocusMate.Core.History;
using FocusMate.Core.Telemetry;
using FocusMate.Core.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// Group commit of timer changes. Commands that arrive together share one transaction: the writer takes everything
/// queued (up to <see cref="MaxBatch"/>), runs each compare-and-swap in order and commits once; each command is told
/// its result only after that commit, so nothing is acknowledged that is not durable. On SQLite a change that fails
/// takes back only itself (a change of more than one statement runs in a savepoint); on PostgreSQL (where a savepoint is a round trip)
/// a batch that fails is run again one change per transaction. A queue that is empty adds no wait: the writer starts
/// on the first change and takes whatever else came in the meantime.
/// </summary>
public sealed partial class TimerWrites(
    IServiceScopeFactory scopes,
    WriteLock writes,
    IOptions<DatabaseOptions> options,
    ILogger<TimerWrites> logger) : BackgroundService
{
    public const int MaxBatch = 64;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _hold = new(1, 1);
    private int _queued;
    private Connection? _connection;

    /// <summary>How many changes the last batch held (for tests and the metric).</summary>
    public int LastBatchSize { get; private set; }

    /// <summary>A batch committed: how many changes it held, and how long its oldest change waited to be written.</summary>
    public event Action<int, TimeSpan>? BatchCommitted;

    /// <summary>
    /// Saves <paramref name="transition"/> if the stored version is still <paramref name="expectedVersion"/>; false when
    /// another change came first. A flood that fills the queue is shed (503) at a command's first write, as every write.
    /// </summary>
    public Task<bool> SaveAsync(Guid roomId, long expectedVersion, TimerTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var ticket = WriteAdmission.Active;
        if (Interlocked.Increment(ref _queued) > options.Value.WriteQueueLimit && ticket is { MustQueue: false })
        {
            Interlocked.Decrement(ref _queued);
            throw new ServiceBusyException(RetryAfter);
        }

        ticket?.Admit();
        var pending = new Pending(roomId, expectedVersion, transition, Activity.Current?.Context ?? default, Stopwatch.GetTimestamp());
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref _queued);
            pending.Result.TrySetCanceled(CancellationToken.None);
        }

        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>How many changes wait for the writer.</summary>
    internal int Queued => Volatile.Read(ref _queued);

    /// <summary>Holds the writer (tests: changes queue up meanwhile and go in one batch when released).</summary>
    internal async Task<IAsyncDisposable> HoldAsync()
    {
        await _hold.WaitAsync();
        return new Release(_hold);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await _hold.WaitAsync(stoppingToken);
                try
                {
                    Take(batch);
                    await WriteAsync(batch);
                }
                finally
                {
                    _hold.Release();
                    batch.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Stopping: what is queued already is still written (a batch at a time), so nothing taken in is lost; what comes
        // after is refused.
        _queue.Writer.TryComplete();
        for (Take(batch); batch.Count > 0; Take(batch))
        {
            await WriteAsync(batch);
            batch.Clear();
        }

        await DropConnectionAsync();
    }

    /// <summary>Takes what is queued into the next batch, up to <see cref="MaxBatch"/> changes.</summary>
    private void Take(List<Pending> batch)
    {
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }

        Interlocked.Add(ref _queued, -batch.Count);
    }

    /// <summary>
    /// The writer's own context, kept with its connection open from batch to batch: opening a pooled connection cost more
    /// than a small batch's statements (Microsoft.Data.Sqlite registers EF Core's SQL functions again on every open). A batch
    /// that fails drops it, so the next one starts on a fresh connection.
    /// </summary>
    private async Task<Connection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } kept)
        {
            return kept;
        }

        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<FocusMateDbContext>();
            // The writer keeps a savepoint around each change of two statements itself (SQLite); EF Core's own around
            // SaveChanges would be a second one.
            db.Database.AutoSavepointsEnabled = false;
            await db.Database.OpenConnectionAsync(cancellationToken);
            return _connection = new Connection(scope, db, db.Database.IsSqlite());
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private async Task DropConnectionAsync()
    {
        if (Interlocked.Exchange(ref _connection, null) is { } dropped)
        {
            await dropped.DisposeAsync();
        }
    }

    /// <summary>Writes one batch and tells each command its result; never throws.</summary>
    private async Task WriteAsync(List<Pending> batch)
    {
        // The batch runs to its end even while the host stops: changes already taken are committed or refused, not lost.
        var cancellationToken = CancellationToken.None;
        using var unshed = WriteAdmission.BeginUnshedded();
        try
        {
            await using var writing = await writes.AcquireAsync(cancellationToken);
            var connection = await ConnectionAsync(cancellationToken);
            var results = await WriteTogetherAsync(connection, batch, cancellationToken);
            LastBatchSize = batch.Count;
            BatchCommitted?.Invoke(batch.Count, Stopwatch.GetElapsedTime(batch[0].QueuedAt));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Complete(results[i]);
            }
        }
#pragma warning disable CA1031 // The batch did not commit: every command in it is told so (its caller answers the error); nothing was acknowledged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogBatchFailed(ex, batch.Count);
            await DropConnectionAsync();
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(ex);
            }
        }
    }

    /// <summary>The batch in one transaction; a result per change: true, false (lost the race), or the change's own error.</summary>
    private static async Task<object[]> WriteTogetherAsync(Connection connection, List<Pending> batch, CancellationToken cancellationToken)
    {
        var (db, savepoints) = (connection.Db, connection.IsSqlite);
        // Rows are locked in the order of their room (changes of one room keep their order): two instances writing
        // batches that share rooms then wait for each other instead of deadlocking.
        var order = Enumerable.Range(0, batch.Count).OrderBy(i => batch[i].RoomId).ToArray();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var results = savepoints
                ? await OneByOneAsync(connection, transaction, batch, order, cancellationToken)
                : await InOneRoundTripAsync(db, transaction, batch, order, cancellationToken);
            if (results.All(r => r is bool) || savepoints)
            {
                await transaction.CommitAsync(cancellationToken);
                return results;
            }

            await transaction.RollbackAsync(cancellationToken);
        }

        // PostgreSQL without savepoints: one change failed, so each goes again on its own and only that one fails.
        db.ChangeTracker.Clear();
        var alone = new object[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            alone[i] = await AloneAsync(db, batch[i], cancellationToken);
        }

        return alone;
    }

    /// <summary>SQLite: each change in turn, on the in-process connection (a round trip costs nothing there).</summary>
    private static async Task<object[]> OneByOneAsync(Connection connection, IDbContextTransaction transaction, List<Pending> batch,
        int[] order, CancellationToken cancellationToken)
    {
        var results = new object[batch.Count];
        var prepared = connection.Prepared!;
        foreach (var i in order)
        {
            results[i] = batch[i].Transition is { FinishedPhases.Count: 0, WorkRuns.Count: 1 }
                ? await WithRunAsync(prepared, batch[i], cancellationToken)
                : await WriteOneAsync(connection.Db, transaction, batch[i], prepared, cancellationToken);
        }

        return results;
    }

    /// <summary>
    /// PostgreSQL: every compare-and-swap of the batch, with the work runs each ended, in one round trip (one command of many
    /// statements), then the finished phases of the changes that landed in one insert. An error fails the whole batch (the caller runs each change alone then).
    /// </summary>
    private static async Task<object[]> InOneRoundTripAsync(FocusMateDbContext db, IDbContextTransaction transaction, List<Pending> batch,
        int[] order, CancellationToken cancellationToken)
    {
        var results = new object[batch.Count];
        try
        {
            var changes = order.Select(i => (batch[i].RoomId, batch[i].ExpectedVersion, batch[i].Transition.State, batch[i].Transition.WorkRuns)).ToList();
            bool[] saved;
            using (Traced(batch))
            {
                saved = await TimerCompareAndSwap.ExecuteAllAsync(db, changes, cancellationToken);
            }

            for (var k = 0; k < order.Length; k++)
            {
                results[order[k]] = saved[k];
            }

            await Pending.RecordAsync(db, [.. batch.Where((pending, i) => results[i] is true && pending.Records)], runsStored: true, cancellationToken);
        }
#pragma warning disable CA1031 // The batch's statements failed together: the caller runs each change on its own to find whose it was.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Array.Fill(results, ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return results;
    }

    /// <summary>One change in its own transaction (PostgreSQL, after its batch failed); its commit failing fails only it.</summary>
    private static async Task<object> AloneAsync(FocusMateDbContext db, Pending pending, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await WriteOneAsync(db, transaction, pending, prepared: null, cancellationToken);
            await (result is bool ? transaction.CommitAsync(cancellationToken) : transaction.RollbackAsync(cancellationToken));
            return result;
        }
#pragma warning disable CA1031 // This change did not commit: it alone is refused; the others of the batch keep their results.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }

    /// <summary>The batch's write on the trace of every command in it (each ran on the writer, not on its request).</summary>
    private static Spans Traced(List<Pending> batch) =>
        new([.. batch.Where(p => p.Parent != default)
            .Select(p => FocusMateTelemetry.Source.StartActivity("timer write", ActivityKind.Internal, p.Parent))
            .OfType<Activity>()]);

    private readonly struct Spans(List<Activity> activities) : IDisposable
    {
        public void Dispose() => activities.ForEach(activity => activity.Dispose());
    }

    /// <summary>The command's own trace gets its write (it ran on the writer, not on the request).</summary>
    private static Activity? Traced(Pending pending) => pending.Parent == default ? null
        : FocusMateTelemetry.Source.StartActivity("timer write", ActivityKind.Internal, pending.Parent);

    /// <summary>SQLite: a change that ends one work run and finishes no phase (a pause): one command, no savepoint.</summary>
    private static async Task<object> WithRunAsync(TimerCompareAndSwap.Prepared prepared, Pending pending, CancellationToken cancellationToken)
    {
        using var activity = Traced(pending);
        try
        {
            return await prepared.SwapWithRunAsync(pending.RoomId, pending.ExpectedVersion, pending.Transition.State, pending.Transition.WorkRuns[0],
                cancellationToken);
        }
#pragma warning disable CA1031 // One change's failure is its own: the others of the batch go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }

    private static Task<bool> SwapAsync(FocusMateDbContext db, Pending pending, TimerCompareAndSwap.Prepared? prepared, CancellationToken cancellationToken) =>
        prepared is null
            ? TimerCompareAndSwap.ExecuteAsync(db, pending.RoomId, pending.ExpectedVersion, pending.Transition.State, cancellationToken)
            : prepared.SwapAsync(pending.RoomId, pending.ExpectedVersion, pending.Transition.State, cancellationToken);

    /// <summary>
    /// One change in the batch's transaction. SQLite (<paramref name="prepared"/> given): a change of more than one
    /// statement has a savepoint of its own, so its failure takes back only itself; PostgreSQL: the change is alone in
    /// its transaction.
    /// </summary>
    private static async Task<object> WriteOneAsync(FocusMateDbContext db, IDbContextTransaction transaction, Pending pending,
        TimerCompareAndSwap.Prepared? prepared, CancellationToken cancellationToken)
    {
        using var activity = Traced(pending);

        // A lone UPDATE takes back only itself when it fails; a change that also records finished phases is more than
        // one statement, which a savepoint keeps together.
        var savepoints = prepared is not null && pending.Records;
        if (savepoints)
        {
            await transaction.CreateSavepointAsync("change", cancellationToken);
        }

        try
        {
            var saved = await SwapAsync(db, pending, prepared, cancellationToken);
            if (saved && pending.Records)
            {
                await Pending.RecordAsync(db, [pending], runsStored: false, cancellationToken);
            }

            if (savepoints)
            {
                await transaction.ReleaseSavepointAsync("change", cancellationToken);
            }

            return saved;
        }
#pragma warning disable CA1031 // One change's failure is its own: the others of the batch go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (savepoints)
            {
                await transaction.RollbackToSavepointAsync("change", cancellationToken);
            }

            return ex;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public override void Dispose()
    {
        _hold.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} timer changes did not commit; each command is refused")]
    private partial void LogBatchFailed(Exception exception, int count);

    /// <summary>The writer's context (from its own scope), its connection open; <see cref="IsSqlite"/> asked once.</summary>
    private sealed class Connection(AsyncServiceScope scope, FocusMateDbContext db, bool isSqlite) : IAsyncDisposable
    {
        private TimerCompareAndSwap.Prepared? _prepared;

        public FocusMateDbContext Db => db;

        public bool IsSqlite => isSqlite;

        /// <summary>SQLite: the statements built once for this connection; null on PostgreSQL (which sends a batch's changes together).</summary>
        public TimerCompareAndSwap.Prepared? Prepared => isSqlite ? _prepared ??= new TimerCompareAndSwap.Prepared(db) : null;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    private sealed record Pending(Guid RoomId, long ExpectedVersion, TimerTransition Transition, ActivityContext Parent, long QueuedAt)
    {
        public TaskCompletionSource<bool> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Whether the change has history to store besides the timer's row: phases it finished, work runs it ended.</summary>
        public bool Records => Transition.FinishedPhases.Count > 0 || Transition.WorkRuns.Count > 0;

        /// <summary>
        /// Stores that history of <paramref name="changes"/> in the transaction they are in: the finished phases (a phase
        /// ends seldom) through EF Core, the work runs (every pause ends one) in one raw insert, unless
        /// <paramref name="runsStored"/> (PostgreSQL's batch stores them with each compare-and-swap).
        /// </summary>
        public static async Task RecordAsync(FocusMateDbContext db, IReadOnlyList<Pending> changes, bool runsStored, CancellationToken cancellationToken)
        {
            var phases = changes.SelectMany(p => p.Transition.FinishedPhases.Select(phase => TimerSession.From(p.RoomId, phase))).ToList();
            if (phases.Count > 0)
            {
                db.Sessions.AddRange(phases);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (!runsStored)
            {
                await WorkRunInserts.ExecuteAsync(db, [.. changes.SelectMany(p => p.Transition.WorkRuns.Select(run => (p.RoomId, run)))], cancellationToken);
            }
        }

        public void Complete(object result)
        {
            if (result is bool saved)
            {
                Result.TrySetResult(saved);
            }
            else
            {
                Result.TrySetException((Exception)result);
            }
        }
    }

    private sealed class Release(SemaphoreSlim hold) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            hold.Release();
            return ValueTask.CompletedTask;
        }
    }
}
