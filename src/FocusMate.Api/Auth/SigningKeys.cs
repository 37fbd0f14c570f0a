using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace FocusMate.Api.Auth;

/// <summary>Where the token signing key comes from: configuration, else a file generated once in the data folder.</summary>
public static class SigningKeys
{
    public const int MinimumKeyLength = 32;
    private const string KeyFileName = "signing-key";

    public static SymmetricSecurityKey Load(string? configuredKey, string dataDirectory)
    {
        var secret = string.IsNullOrWhiteSpace(configuredKey) ? ReadOrCreateKeyFile(dataDirectory) : configuredKey;
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)) { KeyId = "focusmate" };
    }

    private static string ReadOrCreateKeyFile(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, KeyFileName);
        if (!File.Exists(path))
        {
            CreateKeyFile(path);
        }

        var key = File.ReadAllText(path).Trim();
        return key.Length >= MinimumKeyLength
            ? key
            : throw new InvalidOperationException(
                $"The token signing key in {path} is shorter than {MinimumKeyLength} characters: it was cut or edited. " +
                "Restore it from a backup (tokens issued with it keep working), or delete it to generate a new one (every participant then joins again).");
    }

    /// <summary>Writes a new random key, readable by this user only from the first byte on.</summary>
    private static void CreateKeyFile(string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(new FileStream(temporary, options)))
        {
            file.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        }

        try
        {
            // Two processes starting at once over one data folder must end up with one key.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
