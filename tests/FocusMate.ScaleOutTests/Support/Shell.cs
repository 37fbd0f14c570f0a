using System.Diagnostics;

namespace FocusMate.ScaleOutTests.Support;

/// <summary>What a command printed and how it ended.</summary>
public sealed record ShellResult(string Command, int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last line of standard output (the scripts print their result there).</summary>
    public string LastLine => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    public string Describe() => $"`{Command}` exited with {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";

    public ShellResult OrThrow() => Succeeded ? this : throw new InvalidOperationException(Describe());
}

/// <summary>Runs the repository's scripts and tools as an operator would, with an environment of the test's choosing.</summary>
public static class Shell
{
    /// <summary>
    /// Runs <paramref name="program"/> in the repository. <paramref name="environment"/> adds variables to this
    /// process's environment; a null value removes one.
    /// </summary>
    public static async Task<ShellResult> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? Cluster.Repository,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var command = string.Join(' ', new[] { program }.Concat(start.ArgumentList));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within {timeout ?? TimeSpan.FromMinutes(2)}:\n{await error}");
        }

        return new ShellResult(command, process.ExitCode, await output, await error);
    }

    /// <summary>Whether a program is on the PATH.</summary>
    public static bool Has(string program) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

}
