namespace FocusMate.Api.Hosting;

/// <summary>Public links to rooms: from <c>App:PublicUrl</c> when set (behind a proxy), else from the request's own origin.</summary>
public sealed class ShareLinks(IHttpContextAccessor http, IConfiguration configuration)
{
    private const string Fallback = "http://localhost:8000";

    public string For(Guid roomId) => $"{Origin()}/room/{roomId}";

    private string Origin()
    {
        var configured = configuration["App:PublicUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        var request = http.HttpContext?.Request;
        return request is null || !request.Host.HasValue ? Fallback : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
