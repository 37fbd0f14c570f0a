using System.Text.Json;
using System.Text.RegularExpressions;

namespace FocusMate.ScaleOutTests.Support;

/// <summary>One query of a dashboard panel.</summary>
public sealed record PanelQuery(string Panel, string Legend, string Expression);

/// <summary>The provisioned Grafana dashboard (deploy/observability/grafana/dashboards/focusmate.json), read as Grafana reads it.</summary>
public static class Dashboard
{
    public static string File => Path.Combine(Cluster.Repository, "deploy", "observability", "grafana", "dashboards", "focusmate.json");

    /// <summary>Every query of every panel (rows included), in the dashboard's order.</summary>
    public static IReadOnlyList<PanelQuery> Queries()
    {
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        var queries = new List<PanelQuery>();
        Collect(json.RootElement.GetProperty("panels"), queries);
        return queries;
    }

    /// <summary>
    /// The expression as Prometheus gets it from Grafana: the dashboard's variables replaced (every instance, and
    /// <paramref name="rateInterval"/> for <c>$__rate_interval</c>).
    /// </summary>
    public static string Render(string expression, string rateInterval) => expression
        .Replace("$__rate_interval", rateInterval, StringComparison.Ordinal)
        .Replace("$__interval", rateInterval, StringComparison.Ordinal)
        .Replace("$instance", ".*", StringComparison.Ordinal);

    private static void Collect(JsonElement panels, List<PanelQuery> into)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            var title = panel.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
            if (panel.TryGetProperty("targets", out var targets))
            {
                into.AddRange(targets.EnumerateArray()
                    .Where(target => target.TryGetProperty("expr", out _))
                    .Select(target => new PanelQuery(title, target.TryGetProperty("legendFormat", out var l) ? l.GetString() ?? "" : "", target.GetProperty("expr").GetString()!)));
            }

            if (panel.TryGetProperty("panels", out var nested))
            {
                Collect(nested, into);
            }
        }
    }
}

/// <summary>The metric names a PromQL expression reads.</summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN",
    };

    public static IReadOnlySet<string> MetricNames(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        // Strings (label values), label matchers, ranges and grouping clauses hold no metric names.
        var bare = Strings().Replace(expression, " ");
        bare = Braces().Replace(bare, " ");
        bare = Brackets().Replace(bare, " ");
        bare = Grouping().Replace(bare, " ");
        return Identifiers().Matches(bare)
            .Where(m => !bare[(m.Index + m.Length)..].TrimStart().StartsWith('(')) // a function or an aggregation
            .Select(m => m.Value)
            .Where(name => !Keywords.Contains(name))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifiers();
}
