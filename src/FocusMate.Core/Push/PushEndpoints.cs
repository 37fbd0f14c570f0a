namespace FocusMate.Core.Push;

/// <summary>Whether a push endpoint's origin is on the allow-list (<see cref="PushOptions.AllowedEndpoints"/>).</summary>
public static class PushEndpoints
{
    /// <summary>
    /// True when <paramref name="endpoint"/> is an absolute URL without credentials whose scheme, host and port match an
    /// allowed origin exactly, or whose host is a subdomain of a <c>*.</c> entry. Only https is allowed unless an entry
    /// names http itself (a test's local push service).
    /// </summary>
    public static bool IsAllowed(string? endpoint, IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }

        return allowed.Any(origin => Matches(uri, origin));
    }

    private static bool Matches(Uri endpoint, string origin)
    {
        var wildcard = origin.Contains("://*.", StringComparison.Ordinal);
        if (!Uri.TryCreate(wildcard ? origin.Replace("://*.", "://", StringComparison.Ordinal) : origin, UriKind.Absolute, out var allowed)
            || allowed.Scheme != endpoint.Scheme || allowed.Port != endpoint.Port)
        {
            return false;
        }

        var host = endpoint.IdnHost;
        return wildcard
            ? host.EndsWith("." + allowed.IdnHost, StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, allowed.IdnHost, StringComparison.OrdinalIgnoreCase);
    }
}
