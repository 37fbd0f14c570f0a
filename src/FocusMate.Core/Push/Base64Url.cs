namespace FocusMate.Core.Push;

public static class Base64Url
{
    /// <summary>How many bytes <paramref name="text"/> decodes to as base64url (padding optional); -1 when it is not base64url.</summary>
    public static int DecodedLength(string text) => TryDecode(text) is { } bytes ? bytes.Length : -1;

    public static byte[]? TryDecode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 512)
        {
            return null;
        }

        var standard = text.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var buffer = new byte[standard.Length];
        return Convert.TryFromBase64String(standard, buffer, out var written) ? buffer[..written] : null;
    }

    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
