using System.Reflection;
using FocusMate.Core.Timers;
using NetArchTest.Rules;

namespace FocusMate.UnitTests.Architecture;

/// <summary>
/// The structure docs/architecture.md describes, enforced: Core's folders depend one way (each only on those
/// before it in <see cref="CoreFolders"/>), Core knows nothing of EF Core, ASP.NET Core, Redis or the other
/// projects, and the API reaches the Infrastructure only from its composition root (Program.cs).
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Core's folders from the bottom up: a folder may use those before it, never one after it.</summary>
    public static readonly string[] CoreFolders =
    [
        "Errors", "Admission", "Scaling", "Telemetry", "Validation",
        "Timers", "History", "Participants", "Presence", "Rooms", "Chat", "Audit", "Retention", "Push",
        "Access", "Events", "Services", "Background",
    ];

    private const string Core = "FocusMate.Core";

    private static readonly Assembly CoreAssembly = typeof(TimerState).Assembly;
    private static readonly Assembly ApiAssembly = typeof(Program).Assembly;
    private static readonly Assembly InfrastructureAssembly = typeof(Infrastructure.DependencyInjection).Assembly;

    public static TheoryData<string> Folders() => [.. CoreFolders];

    [Theory]
    [MemberData(nameof(Folders))]
    public void ACoreFolderUsesOnlyTheFoldersBeforeIt(string folder)
    {
        var above = CoreFolders.SkipWhile(f => f != folder).Skip(1).Select(f => $"{Core}.{f}").ToArray();
        if (above.Length == 0)
        {
            return; // the top folder may use every other
        }

        var result = Types.InAssembly(CoreAssembly)
            .That().ResideInNamespaceMatching($@"^{Regex(Core)}\.{folder}$")
            .ShouldNot().HaveDependencyOnAny(above)
            .GetResult();

        Assert.True(result.IsSuccessful, $"Core/{folder} uses a folder above it: {Failures(result)}");
    }

    [Fact]
    public void EveryCoreTypeLivesInAFolderOfTheOrderOrAtTheRoot()
    {
        var known = CoreFolders.Select(f => $"{Core}.{f}").Append(Core).ToHashSet(StringComparer.Ordinal);
        var strays = CoreAssembly.GetTypes()
            .Where(t => t.Namespace is not null && t.Namespace.StartsWith(Core, StringComparison.Ordinal) && !known.Contains(t.Namespace))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(strays.Count == 0, $"Core types outside the folder order (add their folder to CoreFolders): {string.Join(", ", strays)}");
    }

    [Fact]
    public void CoreKnowsNothingOfTheDatabaseTheWebOrRedis()
    {
        var result = Types.InAssembly(CoreAssembly)
            .ShouldNot().HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "StackExchange.Redis", "Npgsql", "Microsoft.Data.Sqlite",
                "FocusMate.Infrastructure", "FocusMate.Api")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Core depends on an outer layer: {Failures(result)}");
    }

    [Fact]
    public void TheInfrastructureNeverUsesTheApi()
    {
        var result = Types.InAssembly(InfrastructureAssembly).ShouldNot().HaveDependencyOnAny("FocusMate.Api").GetResult();

        Assert.True(result.IsSuccessful, $"Infrastructure depends on the API: {Failures(result)}");
    }

    [Fact]
    public void TheApiUsesTheInfrastructureOnlyInItsCompositionRoot()
    {
        // Program.cs (the global namespace's Program) composes the app; everything else in the API sees Core's
        // interfaces only.
        var result = Types.InAssembly(ApiAssembly)
            .That().ResideInNamespaceMatching(@"^FocusMate\.Api(\.|$)")
            .ShouldNot().HaveDependencyOnAny("FocusMate.Infrastructure")
            .GetResult();

        Assert.True(result.IsSuccessful, $"The API uses the Infrastructure outside Program.cs: {Failures(result)}");
    }

    [Fact]
    public void EachCoreTypeIsInAFileOfItsNameInTheFolderOfItsNamespace()
    {
        var types = Types.InAssembly(CoreAssembly).That().AreNotNested();
        var names = types.Should().HaveSourceFileNameMatchingName().GetResult();
        var paths = Types.InAssembly(CoreAssembly).That().AreNotNested().Should().HaveSourceFilePathMatchingNamespace().GetResult();

        Assert.True(names.IsSuccessful, $"Core types in a file of another name: {Failures(names)}");
        Assert.True(paths.IsSuccessful, $"Core types in a folder other than their namespace's: {Failures(paths)}");
    }

    private static string Regex(string name) => name.Replace(".", @"\.", StringComparison.Ordinal);

    private static string Failures(TestResult result) =>
        string.Join("; ", (result.FailingTypes ?? []).Select(t => $"{t.FullName} {t.Explanation}".Trim()));
}
