using System.Text.RegularExpressions;
using FocusMate.ComposeTests.Support;

namespace FocusMate.ComposeTests;

/// <summary>The nginx template is rendered in three places; none may leave a variable unfilled.</summary>
[Collection("0 template")]
public sealed partial class TemplateTests
{
    private static readonly string Template = Read("deploy/nginx/focusmate.conf.template");

    public static TheoryData<string> Renderers => new()
    {
        "tests/FocusMate.ScaleOutTests/Support/Cluster.cs",
        "frontend/e2e/support/nginx.ts",
    };

    [Fact]
    public void Every_variable_of_the_nginx_template_has_a_default_in_the_web_image()
    {
        var dockerfile = Read("frontend/Dockerfile");
        var environment = dockerfile[dockerfile.IndexOf("ENV NGINX_PORT", StringComparison.Ordinal)..];

        Assert.NotEmpty(Variables());
        Assert.All(Variables(), v => Assert.Matches($@"\b{v}=\S", environment));
    }

    [Theory]
    [MemberData(nameof(Renderers))]
    public void Every_variable_of_the_nginx_template_is_rendered_where_ci_runs_it_outside_docker(string renderer)
    {
        var source = Read(renderer);

        Assert.All(Variables(), v => Assert.Contains("${" + v + "}", source, StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Variables() => [.. Variable().Matches(Template).Select(m => m.Groups[1].Value).Distinct()];

    private static string Read(string path) => File.ReadAllText(Path.Combine(Checkout.Repository, path));

    [GeneratedRegex(@"\$\{([A-Z_]+)\}")]
    private static partial Regex Variable();
}
