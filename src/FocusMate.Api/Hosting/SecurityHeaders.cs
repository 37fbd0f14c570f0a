using System.Text.RegularExpressions;

namespace FocusMate.Api.Hosting;

/// <summary>
/// The security headers nginx adds (CSP with <c>frame-ancestors 'none'</c>, <c>X-Content-Type-Options</c>,
/// <c>Referrer-Policy</c>, …), sent by this server too when it serves everything itself. One definition for
/// both: nginx includes <c>deploy/nginx/security-headers*.conf</c> and this app embeds the same files.
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>The headers of pages and API answers.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Site { get; } = Read("security-headers.conf");

    /// <summary>The headers of Swagger UI, which needs inline script and style.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Swagger { get; } = Read("security-headers-swagger.conf");

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Request.Path.StartsWithSegments("/swagger") ? Swagger : Site;
            context.Response.OnStarting(() =>
            {
                foreach (var (name, value) in headers)
                {
                    context.Response.Headers[name] = value;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>The <c>add_header Name "value" always;</c> lines of an embedded nginx snippet.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string snippet) =>
        [.. AddHeader().Matches(snippet).Select(m => KeyValuePair.Create(m.Groups[1].Value, m.Groups[2].Value))];

    private static IReadOnlyList<KeyValuePair<string, string>> Read(string name)
    {
        using var stream = typeof(SecurityHeaders).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded {name} is missing.");
        using var reader = new StreamReader(stream);
        var headers = Parse(reader.ReadToEnd());
        return headers.Count > 0 ? headers : throw new InvalidOperationException($"{name} defines no header.");
    }

    [GeneratedRegex("""^add_header\s+([A-Za-z-]+)\s+"([^"]*)"\s+always;\s*$""", RegexOptions.Multiline)]
    private static partial Regex AddHeader();
}
