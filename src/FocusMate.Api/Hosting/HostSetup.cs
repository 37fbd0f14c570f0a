namespace FocusMate.Api.Hosting;

public static class HostSetup
{
    /// <summary>The folder for the SQLite file and the generated signing key (<c>DataDirectory</c>, default <c>data</c>).</summary>
    public static string DataDirectory(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration["DataDirectory"];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Kestrel refuses bodies over the API's limit before they are read, and shuts down gracefully.</summary>
    public static IWebHostBuilder UseRequestLimits(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        var limits = configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        return webHost
            .ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            })
            .UseShutdownTimeout(TimeSpan.FromSeconds(15));
    }
}
