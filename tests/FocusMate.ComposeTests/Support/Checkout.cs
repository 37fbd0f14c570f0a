using System.Diagnostics;

namespace FocusMate.ComposeTests.Support;

/// <summary>
/// What a clean checkout of the repository holds: the files git tracks, or would add (untracked files that are not
/// ignored, so a new file counts before it is committed), as they are in the work tree, copied once per test run
/// into a folder of their own. Compose runs there, so nothing ignored (build output, node_modules, a developer's
/// .env) can make a build pass that would fail on a fresh clone.
/// </summary>
public static class Checkout
{
    private static readonly Lazy<string> Folder = new(Copy, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Repository => FocusMate.TestSupport.Repository.Root;

    public static string Path => Folder.Value;

    private static string Copy()
    {
        var files = TrackedFiles();
        var target = Directory.CreateTempSubdirectory("focusmate-checkout-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(target);
        foreach (var file in files)
        {
            var source = System.IO.Path.Combine(Repository, file);
            if (!File.Exists(source))
            {
                continue; // deleted in the work tree, not yet committed
            }

            var destination = System.IO.Path.Combine(target, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
            // As git checks files out (umask 022): the build cache keys on modes, so they must not vary between runs.
            var executable = (File.GetUnixFileMode(source) & UnixFileMode.UserExecute) != 0;
            File.SetUnixFileMode(destination, (UnixFileMode)Convert.ToInt32(executable ? "755" : "644", 8));
        }

        return target;
    }

    private static List<string> TrackedFiles()
    {
        var start = new ProcessStartInfo("git", ["-C", Repository, "ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git did not start.");
        var listing = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git ls-files failed in {Repository}: the compose tests build from the repository's tracked files.");
        }

        return [.. listing.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

}
