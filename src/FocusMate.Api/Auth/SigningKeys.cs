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
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
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

        return File.ReadAllText(path).Trim();
    }
}
