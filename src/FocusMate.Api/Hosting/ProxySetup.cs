using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace FocusMate.Api.Hosting;

/// <summary>Which proxies in front of the API may say who the client is (configuration section <c>Proxy</c>).</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of trusted proxies (nginx), besides loopback: e.g. <c>10.0.0.5</c>.</summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>Networks of trusted proxies, in CIDR notation: e.g. <c>172.16.0.0/12</c> for Docker's networks.</summary>
    public IList<string> TrustedNetworks { get; } = [];

    /// <summary>How many proxies stand in front of the API (nginx: 1; a TLS terminator in front of nginx: 2).</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class ProxySetup
{
    /// <summary>
    /// The client's address comes from <c>X-Forwarded-For</c> (and the scheme from <c>X-Forwarded-Proto</c>)
    /// only when the request comes from a trusted proxy: loopback, or a configured address or network. From
    /// anyone else the headers are ignored, so a client cannot pick the address rate limits count it under.
    /// </summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = new ProxyOptions();
        configuration.GetSection(ProxyOptions.Section).Bind(proxy);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = proxy.ForwardLimit;
            foreach (var address in proxy.TrustedProxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(address, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Proxy:TrustedProxies holds '{address}', which is not an IP address."));
            }

            foreach (var network in proxy.TrustedNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Proxy:TrustedNetworks holds '{network}', which is not a network in CIDR notation (10.0.0.0/8)."));
            }
        });
        return services;
    }

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
