using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FocusMate.ComposeTests.Support;

/// <summary>
/// The project's two images, built once per test run from the clean checkout with the repository's own compose
/// file (`docker compose build`), reusing the engine's build cache from earlier runs.
/// </summary>
public static partial class Images
{
    public const string Api = "focusmate-api";
    public const string Web = "focusmate-web";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static CommandResult? _build;

    public static TimeSpan BuildTime { get; private set; }

    /// <summary>The plain progress output of the build (which steps ran, which came from the cache).</summary>
    public static string BuildLog => _build is null ? "" : _build.Output + _build.Error;

    public static async Task BuildAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_build is not null)
            {
                _build.OrThrow();
                return;
            }

            var watch = Stopwatch.StartNew();
            _build = await Docker.RunAsync(["compose", "--progress", "plain", "-f", "docker-compose.yml", "build"], Checkout.Path,
                new Dictionary<string, string>(), TimeSpan.FromMinutes(20));
            BuildTime = watch.Elapsed;
            _build.OrThrow();
            // Dockerfile instructions after FROM: "#12 [api build 6/9] COPY ...", and "#12 CACHED" when the cache had it.
            var steps = StepLine().Matches(BuildLog).Where(m => m.Groups["instruction"].Value != "FROM").Select(m => m.Groups["id"].Value).ToHashSet();
            var cached = steps.Count(id => BuildLog.Contains($"\n#{id} CACHED", StringComparison.Ordinal));
            Report.Add($"build of both images: {Report.Seconds(BuildTime)} ({cached} of {steps.Count} instructions from the build cache; restore: {RestoreStep(Api)}, npm ci: {RestoreStep(Web)})");
            foreach (var image in new[] { Api, Web })
            {
                var size = long.Parse(await Docker.OutputAsync("image", "inspect", "--format", "{{.Size}}", image), CultureInfo.InvariantCulture);
                Report.Add($"image {image}: {Report.Megabytes(size)}");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Whether the dependency restore of an image came from the cache ("CACHED") or ran ("ran").</summary>
    public static string RestoreStep(string image)
    {
        var command = image == Api ? "dotnet restore" : "npm ci";
        var step = BuildLog.Split('\n').Select(l => RunStep().Match(l))
            .FirstOrDefault(m => m.Success && m.Groups["command"].Value.Contains(command, StringComparison.Ordinal))?.Groups["id"].Value;
        return step is null ? "not found" : BuildLog.Contains($"#{step} CACHED", StringComparison.Ordinal) ? "CACHED" : "ran";
    }

    [GeneratedRegex(@"^#(?<id>\d+) \[[^\]]+ \d+/\d+\] (?<instruction>[A-Z]+)", RegexOptions.Multiline)]
    private static partial Regex StepLine();

    [GeneratedRegex(@"^#(?<id>\d+) \[[^\]]+\] RUN (?<command>.*)$")]
    private static partial Regex RunStep();
}
