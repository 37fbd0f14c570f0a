using System.Text.Json;
using System.Text.RegularExpressions;
using FocusMate.ScaleOutTests.Support;
using Xunit.Abstractions;

namespace FocusMate.ScaleOutTests;

/// <summary>
/// The observability files as their tools read them: Debian's promtool on the Prometheus config, the alert rules
/// and their unit tests; `docker compose config` on both shapes with the `observability` profile (which the
/// compose stage never starts: its images cannot be pulled on the CI machines); the dashboard's wiring to the
/// provisioned data source; and the operations guide naming every alert and metric.
/// </summary>
public sealed partial class ObservabilityFilesTests(ITestOutputHelper output)
{
    private static readonly string Observability = Path.Combine(Cluster.Repository, "deploy", "observability");
    private static readonly string PrometheusConfig = Path.Combine(Observability, "prometheus", "prometheus.yml");
    private static readonly string RuleTests = Path.Combine(Observability, "prometheus", "alerts.test.yml");

    /// <summary>Settings the scale file requires (the real ones come from .env).</summary>
    private static readonly Dictionary<string, string?> ScaleEnvironment = new()
    {
        ["FOCUSMATE_SIGNING_KEY"] = "ci-only-key-ci-only-key-ci-only-key",
        ["POSTGRES_PASSWORD"] = "ci",
    };

    [Fact]
    public async Task PromtoolAcceptsTheConfigAndTheRulesAndTheRulesPassTheirUnitTests()
    {
        var config = await Shell.RunAsync("promtool", ["check", "config", PrometheusConfig]);
        var rules = await Shell.RunAsync("promtool", ["check", "rules", PrometheusServer.RulesFile]);
        var tests = await Shell.RunAsync("promtool", ["test", "rules", RuleTests]);
        output.WriteLine(config.Output + rules.Output + tests.Output);

        Assert.True(config.Succeeded, config.Describe());
        Assert.True(rules.Succeeded, rules.Describe());
        Assert.Contains($"SUCCESS: {AlertNames().Count} rules found", rules.Output, StringComparison.Ordinal);
        Assert.True(tests.Succeeded, tests.Describe());
        // Every alert has a unit test that expects it to fire.
        var tested = File.ReadAllText(RuleTests);
        Assert.All(AlertNames(), name => Assert.Matches($@"alertname: {name}\s+exp_alerts:\s+- exp_labels", tested));
    }

    [Fact]
    public void EveryAlertHasADurationASeverityAndSaysWhatToDo()
    {
        var blocks = File.ReadAllText(PrometheusServer.RulesFile).Split("- alert: ")[1..];

        Assert.NotEmpty(blocks);
        Assert.All(blocks, block =>
        {
            var name = block.Split('\n')[0].Trim();
            Assert.True(Regex.IsMatch(block, @"\n\s+for: \d+m\n"), $"{name} has no for: duration in minutes");
            Assert.True(Regex.IsMatch(block, @"\n\s+severity: (critical|warning)\n"), $"{name} has no severity critical|warning");
            Assert.True(Regex.IsMatch(block, @"\n\s+summary: "), $"{name} has no summary");
            Assert.True(Regex.IsMatch(block, @"\n\s+description: >-\n(\s{12}.+\n){2,}"), $"{name} has no description of two lines or more");
        });
    }

    [Fact]
    public async Task BothComposeShapesAreValidWithTheObservabilityProfileAndStartNothingOfItWithout()
    {
        var composers = await ComposersAsync();
        Assert.NotEmpty(composers);
        foreach (var (name, run) in composers)
        {
            foreach (var files in new[] { new[] { "docker-compose.yml" }, ["docker-compose.yml", "docker-compose.scale.yml"] })
            {
                var fileArguments = files.SelectMany(f => new[] { "-f", f }).ToArray();
                var valid = await run([.. fileArguments, "--profile", "observability", "config", "-q"]);
                var withProfile = await run([.. fileArguments, "--profile", "observability", "config", "--services"]);
                var without = await run([.. fileArguments, "config", "--services"]);
                output.WriteLine($"{name} {string.Join(' ', files)}: with the profile [{Services(withProfile)}], without [{Services(without)}]");

                Assert.True(valid.Succeeded, valid.Describe());
                Assert.Contains("prometheus", Services(withProfile), StringComparison.Ordinal);
                Assert.Contains("grafana", Services(withProfile), StringComparison.Ordinal);
                if (name == "docker compose")
                {
                    // docker-compose v1 lists every service here whatever the profiles (its `up` still starts only the active ones).
                    Assert.DoesNotContain("prometheus", Services(without), StringComparison.Ordinal);
                    Assert.DoesNotContain("grafana", Services(without), StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task TheObservabilityServicesRunReadOnlyAsNonRootWithNamedVolumesAndPinnedImages()
    {
        var composers = await ComposersAsync();
        if (!composers.TryGetValue("docker compose", out var run))
        {
            output.WriteLine("Compose v2 is not installed here: its JSON output is what this reads (docker-compose v1 has none); skipped.");
            return;
        }

        var config = (await run(["-f", "docker-compose.yml", "-f", "docker-compose.scale.yml", "--profile", "observability", "config", "--format", "json"])).OrThrow();
        using var json = JsonDocument.Parse(config.Output);
        var services = json.RootElement.GetProperty("services");
        foreach (var name in new[] { "prometheus", "grafana" })
        {
            var service = services.GetProperty(name);
            Assert.True(service.GetProperty("read_only").GetBoolean(), $"{name} is not read-only");
            Assert.Matches(@"^[1-9][0-9]*(:[0-9]+)?$", service.GetProperty("user").GetString());
            Assert.Matches(@":v?\d+\.\d+\.\d+$", service.GetProperty("image").GetString());
            var mounts = service.GetProperty("volumes").EnumerateArray().ToList();
            Assert.Contains(mounts, m => m.GetProperty("type").GetString() == "volume" && m.GetProperty("source").GetString()!.EndsWith("-data", StringComparison.Ordinal));
            Assert.All(mounts.Where(m => m.GetProperty("type").GetString() == "bind"), m => Assert.True(m.GetProperty("read_only").GetBoolean()));
            // The UIs are published on loopback unless .env says otherwise.
            Assert.All(service.GetProperty("ports").EnumerateArray(), p => Assert.Equal("127.0.0.1", p.GetProperty("host_ip").GetString()));
        }
    }

    [Fact]
    public void TheDashboardReadsTheProvisionedDataSourceAndEveryPanelHasAQuery()
    {
        var datasource = File.ReadAllText(Path.Combine(Observability, "grafana", "provisioning", "datasources", "prometheus.yml"));
        var uid = Regex.Match(datasource, @"uid: (\S+)").Groups[1].Value;
        using var json = JsonDocument.Parse(File.ReadAllText(Dashboard.File));
        var panels = json.RootElement.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row").ToList();

        Assert.Equal("focusmate-prometheus", uid);
        Assert.Contains("url: http://prometheus:9090", datasource, StringComparison.Ordinal);
        Assert.NotEmpty(panels);
        Assert.All(panels, p =>
        {
            Assert.Equal(uid, p.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.NotEmpty(p.GetProperty("targets").EnumerateArray());
            Assert.All(p.GetProperty("targets").EnumerateArray(), t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString())));
        });
    }

    [Fact]
    public void TheOperationsGuideNamesEveryAlertAndEveryMetricTheDashboardAndTheAlertsRead()
    {
        var guide = File.ReadAllText(Path.Combine(Cluster.Repository, "docs", "operations.md"));
        var metrics = Dashboard.Queries().SelectMany(q => PromQl.MetricNames(q.Expression))
            .Concat(RuleQueries().SelectMany(PromQl.MetricNames))
            .Select(BaseName).Where(n => n is not ("up" or "ALERTS")).ToHashSet(StringComparer.Ordinal);

        Assert.All(AlertNames(), name => Assert.Contains($"`{name}`", guide, StringComparison.Ordinal));
        Assert.All(metrics, name => Assert.Contains($"`{name}`", guide, StringComparison.Ordinal));
    }

    [Fact]
    public void MetricNamesAreReadOutOfPromQl()
    {
        var names = PromQl.MetricNames(
            "histogram_quantile(0.99, sum by (le) (rate(a_seconds_bucket{job=\"x\", route=~\"api/.*\"}[$__rate_interval]))) > 1e3 " +
            "and on(instance) b_total offset 5m or (sum(rate(c_total[5m])) or vector(0)) / ignoring(code) d unless absent(up{job=\"y\"} == 1)");

        Assert.Equal(["a_seconds_bucket", "b_total", "c_total", "d", "up"], names.Order(StringComparer.Ordinal));
    }

    /// <summary>The metric a series name belongs to: a histogram's _bucket/_sum/_count series are the histogram's.</summary>
    internal static string BaseName(string series) => Regex.Replace(series, "_(bucket|sum|count)$", "");

    internal static IReadOnlyList<string> AlertNames() =>
        AlertLine().Matches(File.ReadAllText(PrometheusServer.RulesFile)).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The rules' expressions (the YAML block after each <c>expr:</c>).</summary>
    internal static IEnumerable<string> RuleQueries() =>
        ExprBlock().Matches(File.ReadAllText(PrometheusServer.RulesFile)).Select(m => m.Groups[1].Value);

    private static string Services(ShellResult result) =>
        string.Join(' ', result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));

    /// <summary>The Compose implementations installed here: v2 (as the docs use it, or the stand-ins' plugin) and v1 (Debian's, what the test script installs).</summary>
    private static async Task<Dictionary<string, Func<string[], Task<ShellResult>>>> ComposersAsync()
    {
        var found = new Dictionary<string, Func<string[], Task<ShellResult>>>();
        var standins = Path.Combine(System.Environment.GetEnvironmentVariable("FM_STANDINS_WORK") ?? "/var/tmp/fm-standins", "docker-config");
        foreach (var config in new string?[] { System.Environment.GetEnvironmentVariable("DOCKER_CONFIG"), standins })
        {
            var environment = new Dictionary<string, string?>(ScaleEnvironment) { ["DOCKER_CONFIG"] = config };
            if (Shell.Has("docker") && (await Shell.RunAsync("docker", ["compose", "version"], environment)).Succeeded)
            {
                found["docker compose"] = arguments => Shell.RunAsync("docker", ["compose", .. arguments], environment);
                break;
            }
        }

        if (Shell.Has("docker-compose"))
        {
            found["docker-compose"] = arguments => Shell.RunAsync("docker-compose", arguments, ScaleEnvironment);
        }

        return found;
    }

    [GeneratedRegex(@"- alert: (\w+)")]
    private static partial Regex AlertLine();

    [GeneratedRegex(@"expr: \|?\n?((?:.+\n)+?)\s+for:")]
    private static partial Regex ExprBlock();
}
