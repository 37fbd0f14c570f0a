using FocusMate.Api.Hosting;
using FocusMate.IntegrationTests.Support;

namespace FocusMate.IntegrationTests;

/// <summary>The single-process server sends the security headers nginx sends, from the same definition.</summary>
public sealed class SecurityHeadersTests : AppTest
{
    private static string Repository([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    private static IReadOnlyList<KeyValuePair<string, string>> Snippet(string name) =>
        SecurityHeaders.Parse(File.ReadAllText(Path.Combine(Repository(), "deploy", "nginx", name)));

    [Theory]
    [InlineData("/api/v1/rooms/00000000-0000-0000-0000-000000000000")]
    [InlineData("/health")]
    [InlineData("/room/anything")]
    public async Task EveryAnswerCarriesTheSiteHeadersOfTheNginxSnippet(string path)
    {
        var response = await Client.GetAsync(path);

        var expected = Snippet("security-headers.conf");
        Assert.Contains(expected, h => h.Key == "Content-Security-Policy" && h.Value.Contains("frame-ancestors 'none'", StringComparison.Ordinal));
        Assert.Contains(expected, h => h.Key == "X-Content-Type-Options");
        Assert.Contains(expected, h => h.Key == "Referrer-Policy");
        Assert.All(expected, h => Assert.Equal(h.Value, string.Join(", ", response.Headers.GetValues(h.Key))));
    }

    [Fact]
    public async Task SwaggerGetsItsOwnSnippetsHeaders()
    {
        var response = await Client.GetAsync("/swagger/index.html");

        Assert.All(Snippet("security-headers-swagger.conf"), h => Assert.Equal(h.Value, string.Join(", ", response.Headers.GetValues(h.Key))));
        Assert.Contains("'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void NginxIncludesTheSameSnippetsEverywhereItAnswers()
    {
        var template = File.ReadAllText(Path.Combine(Repository(), "deploy", "nginx", "focusmate.conf.template"));

        Assert.Contains("include ${NGINX_SNIPPETS}/security-headers.conf;", template, StringComparison.Ordinal);
        Assert.Contains("include ${NGINX_SNIPPETS}/security-headers-swagger.conf;", template, StringComparison.Ordinal);
        Assert.DoesNotContain("add_header Content-Security-Policy", template, StringComparison.Ordinal);
    }
}
