using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace FocusMate.Api.Hosting;

/// <summary>
/// Keeps credentials out of the log: any logged value carrying a query string's <c>access_token=…</c>
/// (the hub's, from browsers) or a bearer token is written with the token replaced, whatever the level
/// and whichever component logged it (ASP.NET Core's hosting log records full URLs at debug level).
/// </summary>
public sealed partial class TokenRedaction : ILogEventEnricher
{
    public const string Redacted = "[redacted]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            if (Redact(value) is { } clean)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, clean));
            }
        }
    }

    /// <summary>The text with every token replaced; unchanged text comes back as it was.</summary>
    public static string Scrub(string text) =>
        text.Contains("access_token", StringComparison.OrdinalIgnoreCase) || text.Contains("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? Bearer().Replace(QueryToken().Replace(text, "$1" + Redacted), "$1" + Redacted)
            : text;

    /// <summary>The value with tokens replaced, or null when it carried none.</summary>
    private static LogEventPropertyValue? Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => Scrub(text) is var scrubbed && !ReferenceEquals(scrubbed, text) ? new ScalarValue(scrubbed) : null,
        SequenceValue sequence => RedactSequence(sequence),
        StructureValue structure => RedactStructure(structure),
        _ => null,
    };

    private static SequenceValue? RedactSequence(SequenceValue sequence)
    {
        var items = sequence.Elements.Select(Redact).ToArray();
        return items.All(i => i is null) ? null : new SequenceValue(items.Select((item, i) => item ?? sequence.Elements[i]));
    }

    private static StructureValue? RedactStructure(StructureValue structure)
    {
        var values = structure.Properties.Select(p => Redact(p.Value)).ToArray();
        return values.All(v => v is null)
            ? null
            : new StructureValue(structure.Properties.Select((p, i) => new LogEventProperty(p.Name, values[i] ?? p.Value)), structure.TypeTag);
    }

    [GeneratedRegex(@"(access_token=)[^&\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex QueryToken();

    [GeneratedRegex(@"(Bearer\s+)[A-Za-z0-9\-_\.=]+", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();
}
