using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FocusMate.Api.Contracts;
using FocusMate.Api.Json;
using FocusMate.ScaleOutTests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;
using FocusMate.TestSupport;

namespace FocusMate.ScaleOutTests;

/// <summary>What a room held before the backup, read over the API.</summary>
public sealed record RoomFacts(CreatedRoomResponse Room, JoinedParticipantResponse Guest, RoomResponse State, List<SessionResponse> Sessions, List<ChatMessageResponse> Messages);

/// <summary>
/// The backup drill, as docs/operations.md tells an operator to run it: scripts/backup.sh against a SERVING
/// instance that has rooms, finished phases and chat (while a client keeps writing), scripts/restore.sh into a
/// fresh data folder or database, a new instance started on it, and everything found again: the rooms and their
/// timers, the history, the messages (a consistent cut of the ones written during the backup), and the tokens
/// issued before the backup accepted. SQLite through a single-shape instance, PostgreSQL through the scale-out
/// cluster's database.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BackupDrillTests(Cluster cluster, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["RateLimiting__Enabled"] = "false",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    private static string ApiBinary => Path.Combine(Cluster.Repository, "src", "FocusMate.Api", "bin", "Release", "net10.0", "FocusMate.Api.dll");

    private HttpClient Http => cluster.Http;

    [Fact]
    public async Task ASqliteInstanceBackedUpWhileServingIsRestoredWithItsRoomsHistoryChatAndTokens()
    {
        var work = Directory.CreateTempSubdirectory("focusmate-backup-sqlite-").FullName;
        var original = new ApiInstance(1, Ports.Free(), work, Quiet);
        var restored = new ApiInstance(2, Ports.Free(), work, Quiet);
        try
        {
            await original.StartAsync();
            var facts = await SeedAsync(original.Address, original.AdvanceClockAsync);
            var environment = new Dictionary<string, string?>
            {
                ["DataDirectory"] = Path.Combine(work, "data-1"),
                ["FOCUSMATE_API_DLL"] = ApiBinary,
                ["Database__Provider"] = null,
                ["ConnectionStrings__FocusMate"] = null,
                ["Auth__SigningKey"] = null,
            };

            var (backup, busy) = await BackupWhileServingAsync(original.Address, environment, Path.Combine(work, "backups"));

            Assert.Equal(["SHA256SUMS", "focusmate.db", "manifest.txt", "signing-key"], Directory.GetFiles(backup).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(backup, "signing-key")));
            Assert.Equal("ok", await IntegrityAsync(Path.Combine(backup, "focusmate.db")));
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(work, "data-1", "signing-key")), await File.ReadAllTextAsync(Path.Combine(backup, "signing-key")));

            environment["DataDirectory"] = Path.Combine(work, "data-2");
            Drill("restore", (await Shell.RunAsync("bash", ["scripts/restore.sh", "local", backup, "--yes"], environment)).OrThrow());
            await restored.StartAsync();
            // Level with the original's clock, so "now" is where the backup left it.
            await restored.AdvanceClockAsync(Offset);

            await AssertRestoredAsync(restored.Address, facts, busy, original.Address);
        }
        finally
        {
            original.Kill();
            restored.Kill();
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task TheClustersPostgresDatabaseBackedUpWhileServingIsRestoredIntoAFreshDatabase()
    {
        var work = Directory.CreateTempSubdirectory("focusmate-backup-postgres-").FullName;
        var fresh = $"fm_restore_{Guid.NewGuid():N}"[..24];
        ApiInstance? restored = null;
        try
        {
            var origin = cluster.Instances[0].Address;
            Offset = cluster.ClockOffset;
            var facts = await SeedAsync(origin, cluster.AdvanceClocksAsync);
            var environment = new Dictionary<string, string?>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__FocusMate"] = cluster.Database,
                ["Auth__SigningKey"] = cluster.Environment["Auth__SigningKey"],
                ["DataDirectory"] = Path.Combine(work, "no-data"),
            };

            var (backup, busy) = await BackupWhileServingAsync(origin, environment, Path.Combine(work, "backups"));

            Assert.Equal(["SHA256SUMS", "focusmate.dump", "manifest.txt", "signing-key"], Directory.GetFiles(backup).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(cluster.Environment["Auth__SigningKey"], await File.ReadAllTextAsync(Path.Combine(backup, "signing-key")));

            // A new deployment: an empty database, the key from the backup configured, no Redis (it holds nothing to restore).
            await AdminAsync($"CREATE DATABASE \"{fresh}\"");
            var database = cluster.Database.Replace(cluster.Database.Split(";Database=")[1], fresh, StringComparison.Ordinal);
            environment["ConnectionStrings__FocusMate"] = database;
            environment["Auth__SigningKey"] = await File.ReadAllTextAsync(Path.Combine(backup, "signing-key"));
            var restore = Drill("restore", (await Shell.RunAsync("bash", ["scripts/restore.sh", "local", backup, "--yes"], environment)).OrThrow());
            Assert.Contains("existing tokens stay valid", restore.Error, StringComparison.Ordinal);

            var settings = cluster.Environment.Where(e => e.Key != "ConnectionStrings__Redis").ToDictionary(e => e.Key, e => e.Value);
            settings["ConnectionStrings__FocusMate"] = database;
            settings["Auth__SigningKey"] = environment["Auth__SigningKey"]!;
            restored = new ApiInstance(7, Ports.Free(), work, settings);
            await restored.StartAsync();
            await restored.AdvanceClockAsync(Offset);

            await AssertRestoredAsync(restored.Address, facts, busy, origin);
        }
        finally
        {
            restored?.Kill();
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS \"{fresh}\" WITH (FORCE)");
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>How far the serving instance's clock was moved on (phases were run to their end).</summary>
    private TimeSpan Offset { get; set; }

    /// <summary>
    /// Two rooms of one-minute phases: the first runs a work phase and its break to the end (two history rows),
    /// the second has a skipped phase and its break paused; both have a guest and chat.
    /// </summary>
    private async Task<List<RoomFacts>> SeedAsync(Uri origin, Func<TimeSpan, Task> advance)
    {
        var first = await Http.CreateRoomAsync(origin, new { work_duration_minutes = 1, break_duration_minutes = 1 });
        var second = await Http.CreateRoomAsync(origin, new { work_duration_minutes = 1, allow_all_control = true });
        var guests = new[] { await Http.JoinAsync(origin, first.RoomId, "Jun"), await Http.JoinAsync(origin, second.RoomId, "Ara") };
        await Http.TimerAsync(origin, first.RoomId, "start", first.Participant.Token);
        await Http.TimerAsync(origin, second.RoomId, "start", second.Participant.Token);
        // Skipped: the work phase is recorded as such and its break starts by itself; then paused.
        await Http.TimerAsync(origin, second.RoomId, "skip", guests[1].Token);
        await Http.TimerAsync(origin, second.RoomId, "pause", guests[1].Token);
        foreach (var (room, guest) in new[] { (first, guests[0]), (second, guests[1]) })
        {
            for (var i = 0; i < 3; i++)
            {
                await PostAsync(origin, room.RoomId, i % 2 == 0 ? guest.Token : room.Participant.Token, $"{room.RoomName} message {i} ✓");
            }
        }

        // The work phase ends and its break starts by itself; then the break ends too.
        await advance(TimeSpan.FromSeconds(61));
        Offset += TimeSpan.FromSeconds(61);
        await Eventually.WaitAsync(() => SessionsAsync(origin, first.RoomId), s => s.Count >= 1, TimeSpan.FromSeconds(20));
        await advance(TimeSpan.FromSeconds(61));
        Offset += TimeSpan.FromSeconds(61);
        await Eventually.WaitAsync(() => SessionsAsync(origin, first.RoomId), s => s.Count >= 2, TimeSpan.FromSeconds(20));

        var facts = new List<RoomFacts>();
        foreach (var (room, guest) in new[] { (first, guests[0]), (second, guests[1]) })
        {
            facts.Add(new RoomFacts(room, guest, await Http.ReadAsync<RoomResponse>(new Uri(origin, $"/api/v1/rooms/{room.RoomId}")),
                await SessionsAsync(origin, room.RoomId), await MessagesAsync(origin, room.RoomId, guest.Token)));
        }

        output.WriteLine($"seeded: {string.Join("; ", facts.Select(f => $"{f.Room.RoomName}: {f.Sessions.Count} finished phases ({string.Join(", ", f.Sessions.Select(s => $"{s.SessionType} {s.Outcome}"))}), {f.Messages.Count} messages, timer {f.State.TimerState.Status} v{f.State.TimerState.Version}"))}");
        Assert.Equal(2, facts[0].Sessions.Count);
        Assert.NotEmpty(facts[1].Sessions);
        return facts;
    }

    /// <summary>Runs scripts/backup.sh while a client keeps writing messages to a room of its own; returns the backup folder and that room.</summary>
    private async Task<(string Backup, (CreatedRoomResponse Room, int Written) Busy)> BackupWhileServingAsync(Uri origin, Dictionary<string, string?> environment, string destination)
    {
        var busy = await Http.CreateRoomAsync(origin);
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await PostAsync(origin, busy.RoomId, busy.Participant.Token, $"written during the backup {written}");
                written++;
            }
        });
        await Eventually.WaitAsync(() => Task.FromResult(written), n => n >= 5);

        var watch = Stopwatch.StartNew();
        var result = await Shell.RunAsync("bash", ["scripts/backup.sh", "local", destination], environment);
        var took = watch.Elapsed;
        var during = written;
        await stop.CancelAsync();
        await writer;
        Drill("backup", result.OrThrow());
        output.WriteLine($"backup took {took.TotalSeconds:F1} s while a client wrote {written} messages ({during} when it ended)");
        Console.WriteLine($"[backup drill] {result.LastLine}: {took.TotalSeconds:F1} s while a client wrote a message every {took.TotalMilliseconds / Math.Max(1, during):F0} ms");
        return (result.LastLine, (busy, written));
    }

    private async Task AssertRestoredAsync(Uri restored, List<RoomFacts> facts, (CreatedRoomResponse Room, int Written) busy, Uri original)
    {
        foreach (var fact in facts)
        {
            var room = await Http.ReadAsync<RoomResponse>(new Uri(restored, $"/api/v1/rooms/{fact.Room.RoomId}"));
            Assert.Equal(fact.State with { TimerState = null!, ShareUrl = "" }, room with { TimerState = null!, ShareUrl = "" });
            Assert.Equal(fact.State.TimerState with { RemainingSeconds = 0, ServerTime = default }, room.TimerState with { RemainingSeconds = 0, ServerTime = default });
            Assert.Equal(fact.Sessions, await SessionsAsync(restored, fact.Room.RoomId));
            // The guest's token from before the backup reads the chat, and the host's changes a setting.
            Assert.Equal(fact.Messages, await MessagesAsync(restored, fact.Room.RoomId, fact.Guest.Token));
            Assert.Equal(HttpStatusCode.Created, await PostAsync(restored, fact.Room.RoomId, fact.Guest.Token, "after the restore"));
            using var patch = new HttpRequestMessage(HttpMethod.Patch, new Uri(restored, $"/api/v1/rooms/{fact.Room.RoomId}"))
            {
                Content = JsonContent.Create(new { break_duration_minutes = 2 }, options: ApiJson.Options),
            };
            patch.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fact.Room.Participant.Token);
            Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(patch)).StatusCode);
        }

        // The room written to during the backup: a consistent cut, the first N of what the original holds now.
        var after = await MessagesAsync(restored, busy.Room.RoomId, busy.Room.Participant.Token);
        var now = await MessagesAsync(original, busy.Room.RoomId, busy.Room.Participant.Token);
        output.WriteLine($"restored: {facts.Count} rooms with {facts.Sum(f => f.Sessions.Count)} finished phases and {facts.Sum(f => f.Messages.Count)} messages as before; " +
                         $"{after.Count} of the {busy.Written} messages written during the backup (the first {after.Count}, in order); old tokens accepted");
        Console.WriteLine($"[backup drill] restored and served again: {facts.Count} rooms, {facts.Sum(f => f.Sessions.Count)} finished phases, {facts.Sum(f => f.Messages.Count)} messages, {after.Count} of {busy.Written} written during the backup, tokens from before accepted");
        Assert.True(after.Count >= 5, $"only {after.Count} messages written before the backup began are in it");
        Assert.Equal(now.Take(after.Count).Select(m => m.MessageId), after.Select(m => m.MessageId));
    }

    private ShellResult Drill(string step, ShellResult result)
    {
        output.WriteLine($"--- {step}: {result.Command}\n{result.Error}{result.Output}");
        return result;
    }

    private async Task<HttpStatusCode> PostAsync(Uri origin, Guid roomId, string token, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(origin, $"/api/v1/rooms/{roomId}/messages"))
        {
            Content = JsonContent.Create(new { text }, options: ApiJson.Options),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    private Task<List<SessionResponse>> SessionsAsync(Uri origin, Guid roomId) =>
        Http.ReadAsync<List<SessionResponse>>(new Uri(origin, $"/api/v1/rooms/{roomId}/sessions?limit=100"));

    private async Task<List<ChatMessageResponse>> MessagesAsync(Uri origin, Guid roomId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(origin, $"/api/v1/rooms/{roomId}/messages?limit=500"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<ChatMessageResponse>>(ApiJson.Options))!;
    }

    private static async Task<string> IntegrityAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task AdminAsync(string sql)
    {
        var server = System.Environment.GetEnvironmentVariable("FOCUSMATE_TEST_POSTGRES") ?? throw new InvalidOperationException("FOCUSMATE_TEST_POSTGRES is not set.");
        await using var connection = new NpgsqlConnection($"{server};Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
