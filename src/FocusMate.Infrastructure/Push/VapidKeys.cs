using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using FocusMate.Core.Push;

namespace FocusMate.Infrastructure.Push;

/// <summary>
/// The server's VAPID key pair (P-256, base64url), which browsers subscribe with and pushes are signed with. Every
/// instance of a deployment needs the same pair, and a restored backup must keep it (or every browser subscribes
/// again), so it comes from configuration (<c>Push:PublicKey</c> and <c>Push:PrivateKey</c>), else it is derived from
/// the token signing key — configured (several instances share it already) or the one generated in the data folder,
/// which backups keep. Only without either is a pair generated and kept in the data folder.
/// </summary>
public sealed record VapidKeys(string PublicKey, string PrivateKey)
{
    private const string KeyFileName = "vapid-keys.json";

    /// <summary>The file the API keeps a generated token signing key in (FocusMate.Api's SigningKeys).</summary>
    private const string SigningKeyFileName = "signing-key";

    public static VapidKeys Load(PushOptions options, string? signingKey, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.PublicKey) || !string.IsNullOrWhiteSpace(options.PrivateKey))
        {
            return Checked(new VapidKeys(options.PublicKey.Trim(), options.PrivateKey.Trim()), "Push:PublicKey and Push:PrivateKey");
        }

        if (!string.IsNullOrWhiteSpace(signingKey))
        {
            return Derive(signingKey);
        }

        var signingKeyFile = Path.Combine(dataDirectory, SigningKeyFileName);
        return File.Exists(signingKeyFile) && File.ReadAllText(signingKeyFile).Trim() is { Length: > 0 } generated
            ? Derive(generated)
            : ReadOrCreateFile(dataDirectory);
    }

    /// <summary>A pair derived from a secret: the same secret gives the same pair on every instance.</summary>
    public static VapidKeys Derive(string secret)
    {
        var order = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
        for (var attempt = 0; ; attempt++)
        {
            var d = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32,
                Encoding.UTF8.GetBytes("focusmate"), Encoding.UTF8.GetBytes($"vapid-p256-{attempt}"));
            if (d.Any(b => b != 0) && d.AsSpan().SequenceCompareTo(order) < 0)
            {
                return FromPrivate(d);
            }
        }
    }

    /// <summary>A new random pair.</summary>
    public static VapidKeys Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return FromParameters(key.ExportParameters(includePrivateParameters: true));
    }

    private static VapidKeys FromPrivate(byte[] d)
    {
        using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
        return FromParameters(key.ExportParameters(includePrivateParameters: true));
    }

    private static VapidKeys FromParameters(ECParameters parameters) =>
        new(Base64Url.Encode([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]), Base64Url.Encode(parameters.D!));

    private static VapidKeys Checked(VapidKeys keys, string source) =>
        Base64Url.DecodedLength(keys.PublicKey) == 65 && Base64Url.DecodedLength(keys.PrivateKey) == 32
            ? keys
            : throw new InvalidOperationException($"{source} must be a P-256 key pair in base64url (65 and 32 bytes).");

    private static VapidKeys ReadOrCreateFile(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, KeyFileName);
        if (!File.Exists(path))
        {
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(file, Generate());
            }

            try
            {
                // Two processes starting at once over one data folder must end up with one pair.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        var keys = JsonSerializer.Deserialize<VapidKeys>(File.ReadAllText(path));
        return keys is not null ? Checked(keys, path) : throw new InvalidOperationException($"{path} holds no VAPID key pair.");
    }
}
