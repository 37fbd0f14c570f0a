using System.Data.Common;
using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Core.Timers;
using Microsoft.Extensions.DependencyInjection;
using FocusMate.Infrastructure.Caching;
using FocusMate.Infrastructure.Data;
using FocusMate.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FocusMate.IntegrationTests;

/// <summary>
/// Timer changes that arrive together are committed together (group commit), and the rooms a command needs are
/// read from memory; neither may acknowledge a change that is not on disk or serve a room that changed.
/// </summary>
public sealed class WriteBatchTests : IDisposable
{
    private readonly Faults _faults = new();
    private readonly FocusMateFactory _app;
    private readonly HttpClient _client;

    public WriteBatchTests()
    {
        _app = new FocusMateFactory(services: services =>
        {
            services.ConfigureDbContext<SqliteFocusMateDbContext>(options => options.AddInterceptors(_faults));
            services.ConfigureDbContext<PostgresFocusMateDbContext>(options => options.AddInterceptors(_faults));
        });
        _client = _app.CreateClient();
        // A request runs in the test's execution context, so the queries it sends can be told from the background's.
        _app.Server.PreserveExecutionContext = true;
    }

    private TimerWrites Writes => _app.Service<TimerWrites>();

    [Fact]
    public async Task CommandsThatArriveTogetherShareOneCommitAndEachIsOnDisk()
    {
        var rooms = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _client.CreateRoomAsync()));
        var batches = new List<int>();
        Writes.BatchCommitted += (size, _) => { lock (batches) { batches.Add(size); } };

        Task<TimerStateResponse>[] starts;
        await using (await Writes.HoldAsync())
        {
            starts = [.. rooms.Select(room => _client.TimerAsync(room.RoomId, "start", room.Participant.Token))];
            await Eventually.WaitAsync(() => Task.FromResult(Writes.Queued), queued => queued == rooms.Length);
            Assert.DoesNotContain(starts, start => start.IsCompleted);
        }

        var states = await Task.WhenAll(starts);

        Assert.All(states, state => Assert.Equal(TimerStatus.Running, state.Status));
        Assert.Equal([rooms.Length], batches);
        // PostgreSQL: the batch's compare-and-swaps went in one round trip; SQLite (in process): one statement each.
        Assert.Equal(FocusMateFactory.PostgresServer is null ? rooms.Length : 1, _faults.TimerUpdates);
        foreach (var room in rooms)
        {
            var stored = await StoredTimerAsync(room.RoomId);
            Assert.Equal(TimerStatus.Running, stored.Status);
        }
    }

    [Fact]
    public async Task AChangeThatLostTheRaceIsRefusedAloneAndTheRestOfItsBatchCommits()
    {
        var rooms = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _client.CreateRoomAsync()));
        var initial = await StoredTimerAsync(rooms[0].RoomId);
        var clock = _app.Clock.GetUtcNow();
        TimerTransition Started(long version) =>
            new(initial with { Status = TimerStatus.Running, TargetAt = clock.AddMinutes(25), StartedAt = clock, Version = version }, [], []);

        Task<bool> first, second, other;
        await using (await Writes.HoldAsync())
        {
            // Two changes of one room from the same version: the first wins, the second finds the version moved on.
            first = Writes.SaveAsync(rooms[0].RoomId, initial.Version, Started(initial.Version + 1), CancellationToken.None);
            second = Writes.SaveAsync(rooms[0].RoomId, initial.Version, Started(initial.Version + 1), CancellationToken.None);
            other = Writes.SaveAsync(rooms[1].RoomId, initial.Version, Started(initial.Version + 1), CancellationToken.None);
            await Eventually.WaitAsync(() => Task.FromResult(Writes.Queued), queued => queued == 3);
        }

        Assert.True(await first);
        Assert.False(await second);
        Assert.True(await other);
        Assert.Equal(3, Writes.LastBatchSize);
        Assert.Equal(initial.Version + 1, (await StoredTimerAsync(rooms[0].RoomId)).Version);
        Assert.Equal(TimerStatus.Running, (await StoredTimerAsync(rooms[1].RoomId)).Status);
        Assert.Equal(TimerStatus.Idle, (await StoredTimerAsync(rooms[2].RoomId)).Status);
    }

    [Fact]
    public async Task AWorkRunIsStoredOnlyWithAChangeThatLandsAndOneThatCannotBeStoredRefusesOnlyItsChange()
    {
        var rooms = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _client.CreateRoomAsync()));
        var initial = await StoredTimerAsync(rooms[0].RoomId);
        var clock = _app.Clock.GetUtcNow();
        TimerTransition Paused(int minutes) =>
            new(initial with { Status = TimerStatus.Paused, Version = initial.Version + 1 }, [], [])
            {
                WorkRuns = [new WorkRun(clock, clock.AddMinutes(minutes))],
            };

        Task<bool> first, second, other, failing;
        await using (await Writes.HoldAsync())
        {
            first = Writes.SaveAsync(rooms[0].RoomId, initial.Version, Paused(1), CancellationToken.None);
            second = Writes.SaveAsync(rooms[0].RoomId, initial.Version, Paused(2), CancellationToken.None); // lost the race
            other = Writes.SaveAsync(rooms[1].RoomId, initial.Version, Paused(3), CancellationToken.None);
            _faults.FailRunInsertsOf = rooms[2].RoomId;
            failing = Writes.SaveAsync(rooms[2].RoomId, initial.Version, Paused(4), CancellationToken.None);
            await Eventually.WaitAsync(() => Task.FromResult(Writes.Queued), queued => queued == 4);
        }

        Assert.True(await first);
        Assert.False(await second);
        Assert.True(await other);
        Assert.Contains("The disk refused the work run (test).", (await Assert.ThrowsAnyAsync<Exception>(() => failing)).ToString(), StringComparison.Ordinal);
        Assert.Equal(4, Writes.LastBatchSize);
        _faults.FailRunInsertsOf = null;
        Assert.Equal(initial, await StoredTimerAsync(rooms[2].RoomId));
        await using var scope = _app.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<FocusMateDbContext>().WorkRuns.AsNoTracking().ToListAsync();
        Assert.Equal([(rooms[0].RoomId, clock.AddMinutes(1)), (rooms[1].RoomId, clock.AddMinutes(3))],
            runs.Where(r => rooms.Any(room => room.RoomId == r.RoomId)).OrderBy(r => r.EndedAt).Select(r => (r.RoomId, r.EndedAt)));
    }

    [Fact]
    public async Task ABatchThatDoesNotCommitAcknowledgesNothingAndTheNextOneDoes()
    {
        var rooms = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _client.CreateRoomAsync()));

        Task<HttpResponseMessage>[] starts;
        await using (await Writes.HoldAsync())
        {
            starts = [.. rooms.Select(room => _client.CommandAsync(room.RoomId, "start", room.Participant.Token))];
            await Eventually.WaitAsync(() => Task.FromResult(Writes.Queued), queued => queued == rooms.Length);
            _faults.FailNextCommit();
        }

        foreach (var response in await Task.WhenAll(starts))
        {
            await response.ProblemAsync(HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        }

        foreach (var room in rooms)
        {
            Assert.Equal(TimerStatus.Idle, (await StoredTimerAsync(room.RoomId)).Status);
        }

        // Nothing was kept in memory either: the same commands go through now, from the stored state.
        foreach (var room in rooms)
        {
            var state = await _client.TimerAsync(room.RoomId, "start", room.Participant.Token);
            Assert.Equal(TimerStatus.Running, state.Status);
            Assert.Equal(TimerStatus.Running, (await StoredTimerAsync(room.RoomId)).Status);
        }
    }

    [Fact]
    public async Task AChangeWhoseStatementFailsIsRefusedAloneAndTheRestOfItsBatchCommits()
    {
        // The first room's change also records a finished phase, and that insert fails (SQLite: its savepoint takes it
        // back; PostgreSQL: the batch fails and each change goes again on its own).
        var (rooms, initial, saves) = await ThreeChangesInOneBatchAsync(() => _faults.FailSessionInserts = true);

        // EF Core reports the failed insert as its own DbUpdateException, with the cause inside.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => saves[0]);
        Assert.Contains("The disk refused the finished phase (test).", refused.ToString(), StringComparison.Ordinal);
        Assert.True(await saves[1]);
        Assert.True(await saves[2]);
        _faults.FailSessionInserts = false;
        Assert.Equal(initial, await StoredTimerAsync(rooms[0].RoomId));
        Assert.Equal(TimerStatus.Running, (await StoredTimerAsync(rooms[1].RoomId)).Status);
        Assert.Equal(TimerStatus.Running, (await StoredTimerAsync(rooms[2].RoomId)).Status);
    }

    [Fact]
    public async Task WhenACommitFailsOnlyTheChangesItHeldAreRefused()
    {
        var (rooms, initial, saves) = await ThreeChangesInOneBatchAsync(() =>
        {
            _faults.FailSessionInserts = true;
            _faults.FailNextCommit();
        });

        await Assert.ThrowsAnyAsync<Exception>(() => saves[0]);
        Assert.Contains("The disk refused the commit (test).", (await Assert.ThrowsAnyAsync<Exception>(() => saves[1])).ToString(), StringComparison.Ordinal);
        _faults.FailSessionInserts = false;
        Assert.Equal(initial, await StoredTimerAsync(rooms[0].RoomId));
        Assert.Equal(initial.Version, (await StoredTimerAsync(rooms[1].RoomId)).Version);
        if (FocusMateFactory.PostgresServer is null)
        {
            // SQLite: one transaction held all three, and its commit failed: none is acknowledged, none is stored.
            await Assert.ThrowsAsync<InvalidOperationException>(() => saves[2]);
            Assert.Equal(initial.Version, (await StoredTimerAsync(rooms[2].RoomId)).Version);
        }
        else
        {
            // PostgreSQL: after the batch failed each change went alone; the first commit (the second room's) failed,
            // and the third room's change, committed on its own, is acknowledged and stored.
            Assert.True(await saves[2]);
            Assert.Equal(TimerStatus.Running, (await StoredTimerAsync(rooms[2].RoomId)).Status);
        }
    }

    [Fact]
    public async Task ChangesQueuedWhenTheWriterStopsAreStillWrittenAndLaterOnesAreRefused()
    {
        var rooms = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _client.CreateRoomAsync()));
        var initial = await StoredTimerAsync(rooms[0].RoomId);
        var clock = _app.Clock.GetUtcNow();
        var running = new TimerTransition(initial with { Status = TimerStatus.Running, TargetAt = clock.AddMinutes(25), StartedAt = clock, Version = initial.Version + 1 }, [], []);

        Task<bool>[] saves;
        await using (await Writes.HoldAsync())
        {
            saves = [.. rooms.Select(room => Writes.SaveAsync(room.RoomId, initial.Version, running, CancellationToken.None))];
            await Eventually.WaitAsync(() => Task.FromResult(Writes.Queued), queued => queued == rooms.Length);
            await Writes.StopAsync(CancellationToken.None);
        }

        Assert.All(await Task.WhenAll(saves), Assert.True);
        foreach (var room in rooms)
        {
            Assert.Equal(TimerStatus.Running, (await StoredTimerAsync(room.RoomId)).Status);
        }

        // A change that comes after the writer stopped is refused at once instead of waiting for a writer that is gone.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Writes.SaveAsync(rooms[0].RoomId, running.State.Version, running with { State = running.State with { Version = running.State.Version + 1 } },
                CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ARoomIsReadFromMemoryUntilItChanges()
    {
        var room = await _client.CreateRoomAsync();
        await _client.RoomAsync(room.RoomId);

        var quiet = await _faults.CountReadsAsync(() => _client.RoomAsync(room.RoomId));
        Assert.Equal(0, quiet.Reads);

        (await _client.SendAsync(HttpMethod.Patch, $"{Rest.Rooms}/{room.RoomId}", room.Participant.Token, new { work_duration_minutes = 50 }))
            .EnsureSuccessStatusCode();
        Assert.Equal(50, (await _client.RoomAsync(room.RoomId)).WorkDurationMinutes);

        await _client.JoinAsync(room.RoomId);
        Assert.Equal(2, (await _client.RoomAsync(room.RoomId)).CurrentParticipants);

        // The join changed who is in the room: the first command reads the room again, the next ones read nothing.
        await _client.TimerAsync(room.RoomId, "start", room.Participant.Token);
        var pause = await _faults.CountReadsAsync(() => _client.TimerAsync(room.RoomId, "pause", room.Participant.Token));
        var resume = await _faults.CountReadsAsync(() => _client.TimerAsync(room.RoomId, "resume", room.Participant.Token));
        Assert.Equal((TimerStatus.Paused, 0), (pause.Value.Status, pause.Reads));
        Assert.Equal((TimerStatus.Running, 0), (resume.Value.Status, resume.Reads));
    }

    [Fact]
    public async Task AStoredReadOfATimerThatFindsMemoryBehindDropsTheRoom()
    {
        var room = await _client.CreateRoomAsync();
        await _client.RoomAsync(room.RoomId);
        var cache = _app.Services.GetRequiredService<RoomCache>();
        Assert.NotNull(cache.Find(room.RoomId));
        await using var scope = _app.Services.CreateAsyncScope();
        // Another instance changed the timer, and no notice reached this one.
        await scope.ServiceProvider.GetRequiredService<FocusMateDbContext>().Timers.Where(t => t.RoomId == room.RoomId)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Version, t => t.Version + 1));

        var stored = await scope.ServiceProvider.GetRequiredService<ITimerRepository>().FindStoredAsync(room.RoomId, CancellationToken.None);

        Assert.Null(cache.Find(room.RoomId));
        Assert.Equal(stored!.Version, (await _client.RoomAsync(room.RoomId)).TimerState.Version);
    }

    /// <summary>
    /// Three rooms' timers change in one batch, from the same version: the first room's change skips a phase (so it also
    /// records a finished phase), the other two start. <paramref name="arm"/> sets the faults before the writer runs.
    /// </summary>
    private async Task<(CreatedRoomResponse[] Rooms, TimerState Initial, Task<bool>[] Saves)> ThreeChangesInOneBatchAsync(Action arm)
    {
        var rooms = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _client.CreateRoomAsync()));
        var initial = await StoredTimerAsync(rooms[0].RoomId);
        var clock = _app.Clock.GetUtcNow();
        var running = new TimerTransition(initial with { Status = TimerStatus.Running, TargetAt = clock.AddMinutes(25), StartedAt = clock, Version = initial.Version + 1 }, [], []);
        var skipped = running with
        {
            State = initial with { SessionType = SessionType.Break, Version = initial.Version + 1 },
            FinishedPhases = [new FinishedPhase(SessionType.Work, clock, clock.AddMinutes(1), 1500, 60, SessionOutcome.Skipped)],
        };

        await using (await Writes.HoldAsync())
        {
            Task<bool>[] saves =
            [
                Writes.SaveAsync(rooms[0].RoomId, initial.Version, skipped, CancellationToken.None),
                Writes.SaveAsync(rooms[1].RoomId, initial.Version, running, CancellationToken.None),
                Writes.SaveAsync(rooms[2].RoomId, initial.Version, running, CancellationToken.None),
            ];
            await Eventually.WaitAsync(() => Task.FromResult(Writes.Queued), queued => queued == 3);
            arm();
            return (rooms, initial, saves);
        }
    }

    /// <summary>The timer as the database holds it: read by a second instance, whose memory is empty.</summary>
    private async Task<TimerState> StoredTimerAsync(Guid roomId)
    {
        await using var second = new FocusMateFactory(_app.DataDirectory, _app.Clock);
        await using var scope = second.Services.CreateAsyncScope();
        var timers = scope.ServiceProvider.GetRequiredService<ITimerRepository>();
        return await timers.FindAsync(roomId, CancellationToken.None) ?? throw new InvalidOperationException($"No timer for room {roomId}.");
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    /// <summary>Fails a commit on request, and counts the queries that return rows sent while serving the test's requests.</summary>
    private sealed class Faults : DbTransactionInterceptor, IDbCommandInterceptor
    {
        private readonly AsyncLocal<bool> _counting = new();
        private int _failCommits;
        private int _reads;

        public void FailNextCommit() => Interlocked.Exchange(ref _failCommits, 1);

        /// <summary>While set, every insert of finished phases fails.</summary>
        public volatile bool FailSessionInserts;

        /// <summary>While set, every insert of work runs that names this room fails.</summary>
        public Guid? FailRunInsertsOf { get; set; }

        private int _timerUpdates;

        /// <summary>How many commands that change timers were sent.</summary>
        public int TimerUpdates => Volatile.Read(ref _timerUpdates);

        private void Check(DbCommand command)
        {
            if (command.CommandText.Replace("\"", "", StringComparison.Ordinal).StartsWith("UPDATE timers", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _timerUpdates);
            }

            if (FailSessionInserts && command.CommandText.Replace("\"", "", StringComparison.Ordinal).Contains("INSERT INTO timer_sessions", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The disk refused the finished phase (test).");
            }

            if (FailRunInsertsOf is { } room && command.CommandText.Replace("\"", "", StringComparison.Ordinal).Contains("INSERT INTO work_runs", StringComparison.Ordinal)
                && command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, room) || Equals(p.Value, room.ToString().ToUpperInvariant())))
            {
                throw new InvalidOperationException("The disk refused the work run (test).");
            }
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public async Task<(T Value, int Reads)> CountReadsAsync<T>(Func<Task<T>> action)
        {
            _counting.Value = true;
            var before = Volatile.Read(ref _reads);
            var value = await action();
            return (value, Volatile.Read(ref _reads) - before);
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) =>
            Interlocked.Exchange(ref _failCommits, 0) == 1
                ? throw new InvalidOperationException("The disk refused the commit (test).")
                : base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            if (_counting.Value)
            {
                Interlocked.Increment(ref _reads);
            }

            return ValueTask.FromResult(result);
        }
    }
}
