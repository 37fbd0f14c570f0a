using System.Diagnostics;
using System.Text.Json;
using OpenTelemetry;

namespace FocusMate.TestSupport;

/// <summary>
/// Writes every finished span of the test host to a file, one JSON object a line, for a test in another process to
/// read (<c>FOCUSMATE_TEST_SPANS</c>): tracing is then checked in a process that hosts one app only, as in production.
/// </summary>
public sealed class SpanFile(string path) : BaseProcessor<Activity>
{
    private readonly Lock _gate = new();

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var line = JsonSerializer.Serialize(new RecordedSpan(
            data.TraceId.ToHexString(), data.SpanId.ToHexString(), data.ParentSpanId.ToHexString(), data.Source.Name, data.DisplayName,
            data.Kind.ToString(), data.GetTagItem("url.path") as string, data.GetTagItem("http.response.status_code") is int status ? status : null));
        lock (_gate)
        {
            File.AppendAllText(path, line + "\n");
        }
    }

    /// <summary>The spans written so far.</summary>
    public static IReadOnlyList<RecordedSpan> Read(string path) =>
        File.Exists(path)
            ? [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<RecordedSpan>(l)!)]
            : [];
}

/// <summary>A finished span as <see cref="SpanFile"/> writes it.</summary>
public sealed record RecordedSpan(string TraceId, string SpanId, string ParentId, string Source, string Name, string Kind, string? UrlPath, int? Status);
