using System.Globalization;

namespace FocusMate.Bench;

/// <summary><c>command --name value --flag</c> arguments.</summary>
internal sealed class Cli
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public Cli(string[] args)
    {
        Command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "help";
        for (var i = Command == "help" ? 0 : 1; i < args.Length; i++)
        {
            var name = args[i].TrimStart('-');
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[name] = hasValue ? args[++i] : "true";
        }
    }

    public string Command { get; }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public bool Flag(string name) => _values.ContainsKey(name);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Number(string name, double fallback) =>
        _values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public IReadOnlyList<double> Numbers(string name, double fallback) =>
        _values.TryGetValue(name, out var v)
            ? [.. v.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture))]
            : [fallback];

    /// <summary>The server's pid: given, or the process listening on the target's port.</summary>
    public ServerProbe? Probe(string pidName, Uri target)
    {
        var pid = _values.TryGetValue(pidName, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : ServerProbe.FindListener(target.Port);
        return ServerProbe.For(pid);
    }
}
