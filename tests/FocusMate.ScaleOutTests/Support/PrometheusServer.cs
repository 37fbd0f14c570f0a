using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FocusMate.TestSupport;

namespace FocusMate.ScaleOutTests.Support;

/// <summary>One series of a query's answer: its labels and its value now.</summary>
public sealed record Sample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public override string ToString()
    {
        var labels = string.Join(", ", Labels.Where(l => l.Key != "__name__").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\""));
        return $"{{{labels}}} {Value.ToString("G6", CultureInfo.InvariantCulture)}";
    }
}

/// <summary>A rule as Prometheus loaded it, with its health after its last evaluation and its alerts.</summary>
public sealed record LoadedRule(string Group, string Name, string Query, string Health, string? LastError, DateTimeOffset LastEvaluation, IReadOnlyList<(string State, IReadOnlyDictionary<string, string> Labels)> Alerts);

/// <summary>
/// Debian's Prometheus on loopback with a data folder of its own: it scrapes the given API processes as the
/// compose profile's Prometheus scrapes the containers (job <c>focusmate-api</c>, path <c>/metrics</c>) and
/// evaluates the project's alert rules, only faster (every <see cref="Interval"/>). Read through its HTTP API.
/// </summary>
public sealed class PrometheusServer : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly string _work = Directory.CreateTempSubdirectory("focusmate-prometheus-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private Process? _process;

    public Uri Address { get; } = new($"http://127.0.0.1:{Ports.Free()}");

    public static string RulesFile => Path.Combine(Cluster.Repository, "deploy", "observability", "prometheus", "alerts.yml");

    public string LogPath => Path.Combine(_work, "prometheus.log");

    public async Task StartAsync(IEnumerable<Uri> targets)
    {
        var seconds = $"{Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
        var list = string.Join(", ", targets.Select(t => $"'{t.Host}:{t.Port}'"));
        var config = Path.Combine(_work, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: {seconds}
              scrape_timeout: {seconds}
              evaluation_interval: {seconds}
            rule_files:
              - '{RulesFile}'
            scrape_configs:
              - job_name: focusmate-api
                metrics_path: /metrics
                static_configs:
                  - targets: [{list}]
            """);
        var start = new ProcessStartInfo("prometheus",
        [
            $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(_work, "data")}",
            $"--web.listen-address={Address.Host}:{Address.Port}", "--log.level=warn",
        ])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start.");
        var log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.WaitAsync(() => Rest.PingAsync(new Uri(Address, "/-/ready")), up => up || _process.HasExited, TimeSpan.FromSeconds(30));
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"prometheus exited at start-up:\n{await File.ReadAllTextAsync(LogPath)}");
        }
    }

    /// <summary>The value of every series of an instant query now.</summary>
    public async Task<IReadOnlyList<Sample>> QueryAsync(string expression)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = expression });
        using var response = await _http.PostAsync(new Uri(Address, "/api/v1/query"), form);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Prometheus refused `{expression}`: {root.GetProperty("error").GetString()}");
        }

        var data = root.GetProperty("data");
        var result = data.GetProperty("result");
        return data.GetProperty("resultType").GetString() switch
        {
            "vector" => result.EnumerateArray().Select(s => new Sample(Labels(s.GetProperty("metric")), Number(s.GetProperty("value")[1]))).ToList(),
            "scalar" => [new Sample(new Dictionary<string, string>(), Number(result[1]))],
            var other => throw new InvalidOperationException($"`{expression}` answered a {other}"),
        };
    }

    /// <summary>Every metric name Prometheus holds a series of.</summary>
    public async Task<IReadOnlySet<string>> MetricNamesAsync()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri(Address, "/api/v1/label/__name__/values")));
        return json.RootElement.GetProperty("data").EnumerateArray().Select(n => n.GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every scrape target with its health ("up", "down", "unknown") and last error.</summary>
    public async Task<IReadOnlyList<(string Instance, string Health, string Error)>> TargetsAsync()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri(Address, "/api/v1/targets")));
        return json.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
            .Select(t => (t.GetProperty("labels").GetProperty("instance").GetString()!, t.GetProperty("health").GetString()!, t.GetProperty("lastError").GetString() ?? ""))
            .ToList();
    }

    /// <summary>Every rule of every group, as loaded and last evaluated.</summary>
    public async Task<IReadOnlyList<LoadedRule>> RulesAsync()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri(Address, "/api/v1/rules")));
        var rules = new List<LoadedRule>();
        foreach (var group in json.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray())
        {
            foreach (var rule in group.GetProperty("rules").EnumerateArray())
            {
                var alerts = rule.TryGetProperty("alerts", out var a)
                    ? a.EnumerateArray().Select(x => (x.GetProperty("state").GetString()!, (IReadOnlyDictionary<string, string>)Labels(x.GetProperty("labels")))).ToList()
                    : [];
                rules.Add(new LoadedRule(group.GetProperty("name").GetString()!, rule.GetProperty("name").GetString()!, rule.GetProperty("query").GetString()!,
                    rule.GetProperty("health").GetString()!, rule.TryGetProperty("lastError", out var e) ? e.GetString() : null,
                    rule.GetProperty("lastEvaluation").GetDateTimeOffset(), alerts));
            }
        }

        return rules;
    }

    /// <summary>Waits until Prometheus has scraped every target at least twice more from now.</summary>
    public static Task SettleAsync() => Task.Delay(Interval * 3 + TimeSpan.FromMilliseconds(500));

    public void Dispose()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static Dictionary<string, string> Labels(JsonElement metric) =>
        metric.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);

    private static double Number(JsonElement value) => value.GetString() switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        var text => double.Parse(text!, CultureInfo.InvariantCulture),
    };

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
