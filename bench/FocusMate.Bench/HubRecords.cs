using System.Buffers.Text;
using System.Text.Json;

namespace FocusMate.Bench;

/// <summary>What a SignalR JSON record is, read without building a document (the hot path reads only this).</summary>
internal readonly record struct RecordHead(int Type, string? Target, string? InvocationId, bool HasError);

/// <summary>
/// Reads SignalR JSON protocol records (each ended by 0x1E). The server writes <c>{"type":1,"target":"timer_update",…}</c>
/// without spaces, so a timer_update is recognised by bytes and its version read by a scan; everything else goes
/// through a forward-only reader of the top-level properties.
/// </summary>
internal static class HubRecords
{
    public const byte Separator = 0x1E;

    private static ReadOnlySpan<byte> TimerUpdateMarker => "\"target\":\"timer_update\""u8;

    private static ReadOnlySpan<byte> VersionKey => "\"version\":"u8;

    /// <summary>The version of a timer_update record, or -1 when the record is not one.</summary>
    public static long TimerUpdateVersion(ReadOnlySpan<byte> record)
    {
        if (record.Length < 40 || record.IndexOf(TimerUpdateMarker) < 0)
        {
            return -1;
        }

        var at = record.IndexOf(VersionKey);
        return at >= 0 && Utf8Parser.TryParse(record[(at + VersionKey.Length)..], out long version, out _) ? version : -1;
    }

    public static RecordHead ReadHead(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        var head = new RecordHead(0, null, null, false);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return head with { Type = -1 };
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            head = Read(ref reader, name, head);
        }

        return head;
    }

    private static RecordHead Read(ref Utf8JsonReader reader, string? name, RecordHead head)
    {
        switch (name)
        {
            case "type": return head with { Type = reader.GetInt32() };
            case "target": return head with { Target = reader.GetString() };
            case "invocationId": return head with { InvocationId = reader.GetString() };
            case "error": return head with { HasError = true };
            default:
                reader.Skip();
                return head;
        }
    }

    /// <summary>An invocation record: <c>{"type":1,"invocationId":id,"target":target,"arguments":[args]}</c> plus the separator.</summary>
    public static byte[] Invocation(string? invocationId, string target, string argumentsJson)
    {
        var id = invocationId is null ? "" : $"\"invocationId\":\"{invocationId}\",";
        var text = $"{{\"type\":1,{id}\"target\":\"{target}\",\"arguments\":[{argumentsJson}]}}\u001e";
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    public static readonly byte[] Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();

    public static readonly byte[] Ping = "{\"type\":6}\u001e"u8.ToArray();
}
