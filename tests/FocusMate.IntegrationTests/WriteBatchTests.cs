using System.Data.Common;
using System.Net;
using FocusMate.Api.Contracts;
using FocusMate.Core.Timers;
using Microsoft.Extensions.DependencyInjection;
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
            if (_counting.Value)
            {
                Interlocked.Increment(ref _reads);
            }

            return ValueTask.FromResult(result);
        }
    }
}
