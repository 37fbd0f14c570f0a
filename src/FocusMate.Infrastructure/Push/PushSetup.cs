using FocusMate.Core.Push;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FocusMate.Infrastructure.Push;

public static class PushSetup
{
    /// <summary>Web Push for phase ends: the VAPID key pair (see <see cref="VapidKeys"/>) and the sender.</summary>
    public static IServiceCollection AddWebPush(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(provider => VapidKeys.Load(
            provider.GetRequiredService<IOptions<PushOptions>>().Value, configuration["Auth:SigningKey"], dataDirectory));
        services.AddSingleton<IPushSender>(provider => new WebPushSender(
            provider.GetRequiredService<VapidKeys>(), provider.GetRequiredService<IOptions<PushOptions>>(),
            provider.GetRequiredService<ILogger<WebPushSender>>()));
        return services;
    }
}
