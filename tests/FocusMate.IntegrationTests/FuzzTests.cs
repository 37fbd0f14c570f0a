using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using FocusMate.Api.Contracts;
using FocusMate.Api.Errors;
using FocusMate.Api.Json;
using FocusMate.Core.Errors;
using FocusMate.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using Xunit.Abstractions;

namespace FocusMate.IntegrationTests;

/// <summary>
/// Random requests of every shape against every REST endpoint and hub method: random JSON (types, sizes,
/// nesting, encodings, unknown fields), random ids, and tokens of this room, of another room, forged or
/// garbage. Whatever comes, the answer is the contract's (no 5xx, a problem with a known code), nobody
/// else's connection drops, and a room nobody fuzzed is exactly as it was.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int RestCases = 8_000;
    private const int HubCases = 2_500;
    private const int Seed = 20261130;

    private static readonly string[] Codes =
    [
        ErrorCodes.ValidationError, ErrorCodes.MalformedRequest, ErrorCodes.Unauthorized, ErrorCodes.Forbidden, ErrorCodes.RoomNotFound,
        ErrorCodes.ParticipantNotFound, ErrorCodes.NotFound, ErrorCodes.RoomNameTaken, ErrorCodes.TimerAlreadyRunning, ErrorCodes.TimerNotRunning,
        ErrorCodes.MaxParticipantsReached, ErrorCodes.PayloadTooLarge, ErrorCodes.RateLimited, ErrorCodes.ServiceBusy,
    ];

    private static readonly string[] Fields =
    [
        "room_name", "host_name", "user_name", "text", "session_type", "work_duration_minutes", "break_duration_minutes",
        "long_break_duration_minutes", "long_break_interval", "auto_start_break", "auto_start_work", "allow_all_control",
        "max_participants", "status", "client_time", "participant_id", "limit", "period", "tz", "__proto__", "", "ROOM_NAME",
    ];

    private static readonly string[] HubMethods =
    [
        "join_room", "start_timer", "pause_timer", "resume_timer", "reset_timer", "skip_timer", "set_status", "send_message",
        "transfer_host", "sync", "no_such_method", "JoinRoom", "OnConnectedAsync", "Dispose",
    ];

    private readonly FocusMateFactory _app = new(settings: new Dictionary<string, string?> { ["RateLimiting:Chat:PermitLimit"] = "100000" });
    private readonly Random _random = new(Seed);
    private readonly Dictionary<int, int> _statuses = [];
    private HttpClient _client = null!;
    private CreatedRoomResponse _watched = null!;
    private RoomHubClient _watcher = null!;
    private readonly List<(CreatedRoomResponse Room, JoinedParticipantResponse Guest)> _targets = [];
    private string _foreignToken = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        _watched = await _client.CreateRoomAsync(new { allow_all_control = true });
        await _client.TimerAsync(_watched.RoomId, "start", _watched.Participant.Token);
        await _client.SendAsync(HttpMethod.Post, $"{Rest.Rooms}/{_watched.RoomId}/messages", _watched.Participant.Token, new { text = "before" });
        _watcher = await _app.ConnectHubAsync(_watched.Participant.Token);
        _foreignToken = (await _client.CreateRoomAsync()).Participant.Token;
        await RefreshTargetsAsync();
    }

    public async Task DisposeAsync() => await _watcher.DisposeAsync();

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task TenThousandRandomRequestsGetTheContractsAnswerAndDisturbNobody()
    {
        var before = await WatchedStateAsync();
        var restFailures = new List<string>();
        for (var i = 0; i < RestCases; i++)
        {
            if (i % 250 == 0)
            {
                await RefreshTargetsAsync();
            }

            if (await RestCaseAsync() is { } failure)
            {
                restFailures.Add(failure);
            }
        }

        var hubFailures = await HubCasesAsync();
        var after = await WatchedStateAsync();

        var summary = string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        output.WriteLine($"seed {Seed}: {RestCases} REST cases ({summary}), {HubCases} hub cases");
        Console.WriteLine($"[fuzz] {RestCases + HubCases} cases (REST {RestCases}, hub {HubCases}), seed {Seed}: " +
            $"{restFailures.Count + hubFailures.Count} off-contract answers, 5xx: {_statuses.Where(s => s.Key >= 500).Sum(s => s.Value)}; " +
            $"watched connection {_watcher.Connection.State}; statuses {summary}");
        foreach (var failure in restFailures.Concat(hubFailures).Take(20))
        {
            output.WriteLine(failure);
        }

        Assert.Empty(restFailures.Take(20));
        Assert.Empty(hubFailures.Take(20));
        Assert.DoesNotContain(_statuses.Keys, s => s >= 500);
        Assert.Equal(HubConnectionState.Connected, _watcher.Connection.State);
        Assert.Equal(before, after);
    }

    /// <summary>The watched room as everyone reads it, without the clock's fields.</summary>
    private async Task<string> WatchedStateAsync()
    {
        var room = JsonNode.Parse(await _client.GetStringAsync($"{Rest.Rooms}/{_watched.RoomId}"))!.AsObject();
        room.Remove("share_url");
        room["timer_state"]!.AsObject().Remove("server_time");
        room["timer_state"]!.AsObject().Remove("remaining_seconds");
        var people = await _client.GetStringAsync($"{Rest.Rooms}/{_watched.RoomId}/participants");
        var messages = await (await _client.SendAsync(HttpMethod.Get, $"{Rest.Rooms}/{_watched.RoomId}/messages", _watched.Participant.Token))
            .Content.ReadAsStringAsync();
        var audit = await (await _client.SendAsync(HttpMethod.Get, $"{Rest.Rooms}/{_watched.RoomId}/audit", _watched.Participant.Token))
            .Content.ReadAsStringAsync();
        var sessions = await _client.GetStringAsync($"{Rest.Rooms}/{_watched.RoomId}/sessions");
        return string.Join('\n', room.ToJsonString(), people, messages, audit, sessions);
    }

    private async Task RefreshTargetsAsync()
    {
        _targets.Clear();
        for (var i = 0; i < 2; i++)
        {
            var room = await _client.CreateRoomAsync(new { allow_all_control = i == 0 });
            _targets.Add((room, await _client.JoinAsync(room.RoomId)));
        }
    }

    /// <summary>One random request; a description of what broke the contract, or null.</summary>
    private async Task<string?> RestCaseAsync()
    {
        var (method, path) = RandomEndpoint();
        using var request = new HttpRequestMessage(method, path + RandomQuery());
        if (RandomToken() is { } token)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _random.Next(10) == 0 ? token : $"Bearer {token}");
        }

        if (method != HttpMethod.Get || _random.Next(10) == 0)
        {
            request.Content = RandomBody();
        }

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request);
        }
        catch (HttpRequestException ex)
        {
            return $"{method} {path}: the request failed ({ex.Message})";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            return status < 400 ? null : await CheckProblemAsync(response, $"{method} {path}");
        }
    }

    private static async Task<string?> CheckProblemAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != ApiProblem.ContentType)
        {
            return $"{what}: {(int)response.StatusCode} without problem details: {text[..Math.Min(200, text.Length)]}";
        }

        var problem = JsonSerializer.Deserialize<ApiProblem>(text, ApiJson.Options)!;
        return Codes.Contains(problem.Code) && problem.Status == (int)response.StatusCode && ApiProblem.StatusOf(problem.Code) == problem.Status
            ? null
            : $"{what}: {(int)response.StatusCode} {problem.Code}";
    }

    private (HttpMethod, string) RandomEndpoint()
    {
        var room = RandomRoomId();
        var participant = _random.Next(4) switch
        {
            0 => _targets[0].Guest.ParticipantId.ToString(),
            1 => _watched.Participant.ParticipantId.ToString(),
            2 => Guid.NewGuid().ToString(),
            _ => RandomSegment(),
        };
        (HttpMethod, string)[] endpoints =
        [
            (HttpMethod.Post, Rest.Rooms),
            (HttpMethod.Get, $"{Rest.Rooms}/{room}"),
            (HttpMethod.Patch, $"{Rest.Rooms}/{room}"),
            (HttpMethod.Delete, $"{Rest.Rooms}/{room}"),
            (HttpMethod.Get, $"{Rest.Rooms}/{room}/audit"),
            (HttpMethod.Post, $"{Rest.Rooms}/{room}/participants"),
            (HttpMethod.Get, $"{Rest.Rooms}/{room}/participants"),
            (HttpMethod.Post, $"{Rest.Rooms}/{room}/participants/{participant}/host"),
            (HttpMethod.Delete, $"{Rest.Rooms}/{room}/participants/{participant}"),
            (HttpMethod.Delete, $"{Rest.Rooms}/{room}/participants/offline"),
            (HttpMethod.Post, $"{Rest.Rooms}/{room}/participants/me/token"),
            (HttpMethod.Post, $"{Rest.Rooms}/{room}/participants/me/hub-ticket"),
            (HttpMethod.Post, $"{Rest.Rooms}/{room}/timer/{Pick("start", "pause", "resume", "reset", "skip", "explode")}"),
            (HttpMethod.Get, $"{Rest.Rooms}/{room}/sessions"),
            (HttpMethod.Get, $"{Rest.Rooms}/{room}/statistics"),
            (HttpMethod.Get, $"{Rest.Rooms}/{room}/messages"),
            (HttpMethod.Post, $"{Rest.Rooms}/{room}/messages"),
            (new HttpMethod(Pick("PUT", "OPTIONS", "TRACE", "PROPFIND")), $"{Rest.Rooms}/{room}"),
        ];
        return endpoints[_random.Next(endpoints.Length)];
    }

    private string RandomRoomId() => _random.Next(6) switch
    {
        0 or 1 => _targets[_random.Next(_targets.Count)].Room.RoomId.ToString(),
        2 => _watched.RoomId.ToString(),
        3 => Guid.NewGuid().ToString(),
        _ => RandomSegment(),
    };

    private string RandomSegment() => Uri.EscapeDataString(Pick("not-a-guid", "00000000-0000-0000-0000-000000000000", "%00", "..", "😀",
        new string('a', _random.Next(1, 3000)), "' OR 1=1 --", "{}", "-1", "1e309", "%2F%2E%2E"));

    private string RandomQuery() => _random.Next(3) == 0
        ? $"?{Pick(Fields)}={Uri.EscapeDataString(RandomScalar().ToString() ?? "")}&limit={Pick("0", "1", "-5", "abc", "1e9", "500", "99999999999999999999", "")}" +
          $"&period={Pick("today", "week", "month", "year", "")}&tz={Uri.EscapeDataString(Pick("Asia/Seoul", "Mars/Olympus", "UTC", "../../etc/passwd", ""))}"
        : "";

    /// <summary>This room's tokens, another room's, a watched room's hub ticket-less token never, forged or garbage, or none.</summary>
    private string? RandomToken() => _random.Next(9) switch
    {
        0 => null,
        1 or 2 => _targets[_random.Next(_targets.Count)].Room.Participant.Token,
        3 or 4 => _targets[_random.Next(_targets.Count)].Guest.Token,
        5 => _foreignToken,
        6 => Mangle(_targets[0].Room.Participant.Token),
        7 => "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwicm9vbV9pZCI6IngifQ.",
        _ => Pick("garbage", "", "Bearer", new string('x', 5000), "a.b.c", "\u202E"),
    };

    private string Mangle(string token)
    {
        var chars = token.ToCharArray();
        chars[_random.Next(chars.Length)] = (char)_random.Next('a', 'z' + 1);
        return new string(chars);
    }

    private ByteArrayContent RandomBody()
    {
        var kind = _random.Next(12);
        if (kind == 0)
        {
            return Bytes(RandomBytes(_random.Next(0, 64)), Pick("application/json", "text/plain", "application/x-www-form-urlencoded"));
        }

        if (kind == 1)
        {
            return Bytes(Encoding.UTF8.GetBytes(Pick("{", "[", "nul", "{\"a\":}", "{'room_name':'x'}", "\"x\"", "{\"a\":1,\"a\":2}",
                "{\"text\":\"\\ud800\"}", "{\"user_name\":\"\\u0000\"}", new string('[', 500), "1e99999")), "application/json");
        }

        if (kind == 2)
        {
            return Bytes(Encoding.UTF8.GetBytes($"{{\"text\":\"{new string('a', _random.Next(16_000, 40_000))}\"}}"), "application/json");
        }

        if (kind == 3)
        {
            return Bytes(Encoding.Unicode.GetBytes("{\"user_name\":\"Jun\"}"), "application/json; charset=utf-16");
        }

        var json = RandomObject(depth: 0).ToJsonString();
        return Bytes(Encoding.UTF8.GetBytes(json), _random.Next(15) == 0 ? "text/plain" : "application/json");
    }

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private JsonObject RandomObject(int depth)
    {
        var node = new JsonObject();
        for (var i = _random.Next(0, 5); i > 0; i--)
        {
            node[Pick(Fields)] = RandomValue(depth + 1);
        }

        return node;
    }

    private JsonNode? RandomValue(int depth) => _random.Next(depth > 3 ? 6 : 9) switch
    {
        0 => null,
        1 or 2 or 3 => JsonValue.Create(RandomScalar().ToString() ?? ""),
        4 => JsonValue.Create(_random.Next(2) == 0),
        5 => JsonValue.Create(Pick<double>(0, -1, 1, 25, 60, 61, 1e300, -1e300, 0.5, int.MaxValue, long.MaxValue)),
        6 => RandomObject(depth),
        _ => new JsonArray([.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => RandomValue(depth + 1))]),
    };

    private object RandomScalar() => _random.Next(10) switch
    {
        0 => "",
        1 => new string(' ', _random.Next(1, 60)),
        2 => "민아 👩‍💻",
        3 => "\u202Eevil",
        4 => new string('z', _random.Next(40, 700)),
        5 => Pick("work", "break", "long_break", "focusing", "away", "WORK", "null"),
        6 => Guid.NewGuid(),
        7 => Pick("25", "1.5", "-0", "NaN", "Infinity", "true"),
        8 => "<script>alert(1)</script>",
        _ => Rest.UniqueName("fz"),
    };

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(params T[] options) => options[_random.Next(options.Length)];

    /// <summary>Random hub calls on connections of the fuzzed rooms; returns what broke the contract.</summary>
    private async Task<List<string>> HubCasesAsync()
    {
        var failures = new List<string>();
        RoomHubClient? fuzzer = null;
        try
        {
            for (var i = 0; i < HubCases; i++)
            {
                if (fuzzer is null || fuzzer.Connection.State != HubConnectionState.Connected)
                {
                    if (fuzzer is not null)
                    {
                        await fuzzer.DisposeAsync();
                    }

                    await RefreshTargetsAsync();
                    fuzzer = await _app.ConnectHubAsync(_random.Next(2) == 0 ? _targets[0].Room.Participant.Token : _targets[1].Guest.Token);
                }

                if (await HubCaseAsync(fuzzer) is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }
        finally
        {
            if (fuzzer is not null)
            {
                await fuzzer.DisposeAsync();
            }
        }

        return failures;
    }

    private async Task<string?> HubCaseAsync(RoomHubClient fuzzer)
    {
        var method = Pick(HubMethods);
        var arguments = Enumerable.Range(0, _random.Next(0, 3)).Select(_ => (object?)RandomValue(1)).ToArray();
        try
        {
            await fuzzer.Connection.InvokeCoreAsync<JsonElement>(method, arguments);
            return null;
        }
        catch (HubException refused)
        {
            // A refusal names a contract code, or is SignalR's own for a method or argument count that does not exist.
            var known = Codes.Any(code => refused.Message.Contains($"{code}: ", StringComparison.Ordinal))
                || refused.Message.Contains("Method does not exist", StringComparison.Ordinal)
                || refused.Message.Contains("Failed to invoke", StringComparison.Ordinal)
                || refused.Message.Contains("Invocation provides", StringComparison.Ordinal)
                || refused.Message.Contains("Error trying to deserialize", StringComparison.Ordinal);
            return known && !refused.Message.Contains(ErrorCodes.InternalError, StringComparison.Ordinal) ? null : $"{method}: {refused.Message}";
        }
        catch (Exception ex) when (ex is InvalidOperationException or TaskCanceledException or IOException)
        {
            // The fuzzer's own connection may be closed by the server (removed, token rotated, room deleted): that is allowed.
            return null;
        }
    }
}
