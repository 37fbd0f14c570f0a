using ScottPlot;
using ScottPlot.TickGenerators;

namespace FocusMate.Bench;

/// <summary>The report's PNG charts, drawn with ScottPlot.</summary>
internal static class Charts
{
    private static readonly Dictionary<string, Color> s_colors = new()
    {
        ["focusmate"] = Color.FromHex("#d62728"),
        ["bare"] = Color.FromHex("#1f77b4"),
    };

    private static readonly (string Name, Func<Percentiles, double> Pick, LinePattern Pattern)[] s_percentiles =
    [
        ("p50", p => p.P50, LinePattern.Dotted),
        ("p95", p => p.P95, LinePattern.Dashed),
        ("p99", p => p.P99, LinePattern.Solid),
    ];

    /// <summary>Fan-out latency percentiles (log scale) against an x of the chosen results, one line per target and percentile.</summary>
    public static void Latency(string path, string title, string xLabel, IEnumerable<FanoutResult> results, Func<FanoutResult, double> x)
    {
        var plot = new Plot();
        foreach (var group in results.GroupBy(r => r.Target))
        {
            var points = group.OrderBy(x).ToList();
            foreach (var (name, pick, pattern) in s_percentiles)
            {
                var line = Series(plot, group.Key, $"{group.Key} {name}",
                    points.Select(x).ToArray(), points.Select(r => Math.Log10(Math.Max(0.1, pick(r.Latency)))).ToArray());
                line.LinePattern = pattern;
            }
        }

        LogY(plot, "sent → timer_update received, ms (log)");
        plot.Axes.Bottom.Label.Text = xLabel;
        var limit = plot.Add.HorizontalLine(Math.Log10(100));
        limit.LinePattern = LinePattern.Dashed;
        limit.Color = Colors.Gray;
        limit.LegendText = "100 ms";
        Finish(plot, title, path);
    }

    /// <summary>Server RSS against joined connections, one line per target.</summary>
    public static void Memory(string path, IEnumerable<ConnectionsResult> results)
    {
        var plot = new Plot();
        foreach (var r in results)
        {
            Series(plot, r.Target, $"{r.Target} ({r.SlopeBytesPerConnection / 1024:F1} KiB per connection, slope)",
                r.Ramp.Select(p => (double)p.Connections).ToArray(), r.Ramp.Select(p => p.RssBytes / 1048576.0).ToArray());
        }

        plot.Axes.Left.Label.Text = "server RSS (MiB)";
        plot.Axes.Bottom.Label.Text = "joined clients (idle)";
        Finish(plot, "Server memory against joined connections", path);
    }

    /// <summary>Server CPU microseconds per delivered timer_update against the command rate.</summary>
    public static void CpuPerDelivery(string path, IEnumerable<FanoutResult> results)
    {
        var plot = new Plot();
        foreach (var group in results.GroupBy(r => r.Target))
        {
            var points = group.OrderBy(r => r.CommandsPerSecond).ToList();
            Series(plot, group.Key, group.Key,
                points.Select(r => r.CommandsPerSecond).ToArray(), points.Select(r => r.ServerCpuMicrosPerDelivery).ToArray());
        }

        plot.Axes.Left.Label.Text = "server CPU µs per delivered message";
        plot.Axes.Bottom.Label.Text = "timer commands per second (2,000 clients, 400 rooms)";
        Finish(plot, "Server CPU per delivered timer_update", path);
    }

    /// <summary>One target's line: its colour, the legend text, the common width and markers.</summary>
    private static ScottPlot.Plottables.Scatter Series(Plot plot, string target, string legend, double[] xs, double[] ys)
    {
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = legend;
        line.Color = ColorOf(target);
        line.LineWidth = 2;
        line.MarkerSize = 6;
        return line;
    }

    private static Color ColorOf(string target) => s_colors.GetValueOrDefault(target, Colors.Black);

    private static void LogY(Plot plot, string label)
    {
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.Axes.Left.Label.Text = label;
    }

    private static void Finish(Plot plot, string title, string path)
    {
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1000, 560);
    }
}
