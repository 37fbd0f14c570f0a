namespace FocusMate.Api.Hosting;

/// <summary>
/// Public links to rooms. From <c>App:PublicUrl</c> when set (always, behind a proxy); else from the request's
/// own origin, but only when its host is one <c>AllowedHosts</c> names (the host filter refuses any other);
/// else the local address the server listens on. The <c>Host</c> header alone is never trusted: a link made
/// from it would go to everyone in the room (<c>room_updated</c>) pointing wherever the sender wished.
/// </summary>
public sealed class ShareLinks(IHttpContextAccessor http, IConfiguration configuration)
{
    public string For(Guid roomId) => $"{Origin()}/room/{roomId}";

    private string Origin()
    {
        var configured = configuration["App:PublicUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        var request = http.HttpContext?.Request;
        return request is { Host.HasValue: true } && HostsAreListed()
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : LocalOrigin();
    }

    /// <summary>True when <c>AllowedHosts</c> names the hosts (not <c>*</c>): the host filter then let only those through.</summary>
    private bool HostsAreListed()
    {
        var allowed = configuration["AllowedHosts"];
        return !string.IsNullOrWhiteSpace(allowed) && allowed.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).All(h => h != "*");
    }

    /// <summary><c>http://localhost:&lt;port&gt;</c> of the first address the server listens on.</summary>
    private string LocalOrigin()
    {
        var urls = configuration["urls"] ?? configuration["Urls"] ?? "http://localhost:8000";
        var first = urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "http://localhost:8000";
        var uri = new Uri(first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal));
        return uri.IsDefaultPort ? $"{uri.Scheme}://localhost" : $"{uri.Scheme}://localhost:{uri.Port}";
    }
}
